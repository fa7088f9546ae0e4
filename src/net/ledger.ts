import type { RequestCause } from '../model';
import type { LedgerEntry, LedgerSink } from './types';

export interface Ledger extends LedgerSink {
  /** Oldest first, at most `limit` entries. */
  entries(): readonly LedgerEntry[];
  /** Called after each new entry; returns the unsubscribe function. */
  subscribe(listener: (entry: LedgerEntry) => void): () => void;
}

export const LEDGER_LIMIT = 500;

/** The request ledger in memory: bounded, so a long session cannot grow it without limit. */
export function createLedger(limit = LEDGER_LIMIT): Ledger {
  const max = Number.isInteger(limit) && limit > 0 ? limit : LEDGER_LIMIT;
  const kept: LedgerEntry[] = [];
  const listeners = new Set<(entry: LedgerEntry) => void>();

  return {
    record(entry: LedgerEntry): void {
      // Frozen copy: a caller mutating its object later must not rewrite history.
      const frozen = Object.freeze({ ...entry });
      kept.push(frozen);
      if (kept.length > max) kept.splice(0, kept.length - max);
      for (const listener of [...listeners]) {
        try {
          listener(frozen);
        } catch {
          // One broken listener (e.g. storage full) must not stop the others or the gate.
        }
      }
    },
    entries: () => kept.slice(),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** A sink that tags every entry with what caused it, then records it in `sink`. */
export function taggedSink(sink: LedgerSink, cause: RequestCause): LedgerSink {
  return { record: (entry) => sink.record({ ...entry, cause }) };
}
