// The local history of changes: bounded, validated on read (storage can hold anything), never synced.
import { HISTORY_LIMIT, type HistoryEntry, MONITOR_TRIGGERS, VERDICT_LEVELS } from '../model';

/** The list with `entry` added, newest last, at most `limit` entries. */
export function appendHistory(list: readonly HistoryEntry[], entry: HistoryEntry, limit = HISTORY_LIMIT): HistoryEntry[] {
  const out = [...list, entry];
  return out.length > limit ? out.slice(out.length - limit) : out;
}

function isEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.time === 'number' &&
    (MONITOR_TRIGGERS as readonly unknown[]).includes(v.trigger) &&
    (VERDICT_LEVELS as readonly unknown[]).includes(v.level) &&
    Array.isArray(v.changes)
  );
}

/** The stored history, without entries that are not ours, at most HISTORY_LIMIT. */
export function readHistory(raw: unknown): HistoryEntry[] {
  return Array.isArray(raw) ? raw.filter(isEntry).slice(-HISTORY_LIMIT) : [];
}

/** The history as a file the user can keep: everything is local already; this is only its export. */
export function historyJson(list: readonly HistoryEntry[], exportedAt: number): string {
  return `${JSON.stringify({ exportedAt: new Date(exportedAt).toISOString(), entries: list }, null, 2)}\n`;
}
