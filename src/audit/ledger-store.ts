import { SESSION_KEYS } from '../ext/storage-keys';
import type { Ledger } from '../net/ledger';
import type { LedgerEntry } from '../net/types';
import { sessionArea } from './platform';
import { AUDIT_LIMIT, BACKGROUND_GATHER_MS, type BoundedList, boundedList, type SessionArea } from './session-list';

export interface LedgerPersistence {
  stop(): void;
  /** Resolves once every entry so far is in storage (e.g. before the popup asks for auditSummary()). */
  flush(): Promise<void>;
}

/**
 * Copies every request the in-memory ledger records into storage.session, so the audit page (another
 * context) sees all requests this browser session made. Entries already in the ledger are copied first.
 */
export function persistLedger(ledger: Ledger, area: SessionArea | null = sessionArea()): LedgerPersistence {
  const list: BoundedList<LedgerEntry> = boundedList(area, SESSION_KEYS.ledger, AUDIT_LIMIT, BACKGROUND_GATHER_MS);
  for (const entry of ledger.entries()) void list.append(entry);
  const stop = ledger.subscribe((entry) => void list.append(entry));
  return { stop, flush: list.flush };
}

export async function readLedger(area: SessionArea | null = sessionArea()): Promise<LedgerEntry[]> {
  const entries = await boundedList<unknown>(area, SESSION_KEYS.ledger).read();
  return entries.filter(isLedgerEntry);
}

function isLedgerEntry(value: unknown): value is LedgerEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.url === 'string' && typeof v.endpointId === 'string' && typeof v.time === 'number';
}
