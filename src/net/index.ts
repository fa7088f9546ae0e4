export type { DnsResolver } from './dns-resolve';
export { createGate, type GateOptions } from './gate';
export type { FetchLike } from './http';
export { createLedger, LEDGER_LIMIT, type Ledger, taggedSink } from './ledger';
export { DEFAULT_DEADLINE_MS, DEFAULT_MAX_BYTES } from './request';
