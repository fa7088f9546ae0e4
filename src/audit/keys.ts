import type { AuditContext } from './types';

/** Where the audit keeps its records in storage.session (cleared when the browser closes). */
export const LEDGER_KEY = 'audit:ledger';
export const OBSERVED_PREFIX = 'audit:observed:';
/** One key per context, so two contexts appending at once never overwrite each other's list. */
export const observedKey = (context: AuditContext): string => `${OBSERVED_PREFIX}${context}`;
export const AUDIT_LIMIT = 500;

/** storage.local keys the extension writes (src/ext/storage.ts): anything else there is a finding. */
export const KNOWN_LOCAL_KEYS: readonly string[] = ['settings', 'rememberLast', 'lastResult'];

export function isAuditSessionKey(key: string): boolean {
  return key === LEDGER_KEY || key.startsWith(OBSERVED_PREFIX);
}

/** Message types between extension pages and the background. */
export const MSG_OBSERVED = 'audit:observed';
