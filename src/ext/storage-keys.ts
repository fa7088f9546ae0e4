// Every key the extension writes to browser storage, in one place: the self-audit treats any other key as a
// finding, and "clear stored data" removes exactly these. storage.sync is never used (nothing leaves the machine).

/**
 * storage.local: what the user chose and, when asked to, the last result. The monitor's keys (issue 11) exist
 * only while monitoring is on: its settings, its memory between checks, the history of changes and its last full result.
 */
export const LOCAL_KEYS = {
  settings: 'settings',
  remember: 'rememberLast',
  last: 'lastResult',
  monitor: 'monitor',
  monitorState: 'monitorState',
  monitorHistory: 'monitorHistory',
  monitorLast: 'monitorLast',
} as const;

/** What turning monitoring off wipes (its settings are kept, saying "off"). */
export const MONITOR_DATA_KEYS: readonly string[] = [LOCAL_KEYS.monitorState, LOCAL_KEYS.monitorHistory, LOCAL_KEYS.monitorLast];

/** storage.session (gone when the browser closes): the self-audit's ledger and what each context observed. */
export const SESSION_KEYS = {
  ledger: 'audit:ledger',
  observedPrefix: 'audit:observed:',
  /** Set at the background's first wake in a browser session: the monitor's start-up check ran (or was not due). */
  monitorStarted: 'monitor:started',
} as const;

export const KNOWN_LOCAL_KEYS: readonly string[] = Object.values(LOCAL_KEYS);

/** One key per context, so two contexts appending at once never overwrite each other's list. */
export const observedKey = (context: string): string => `${SESSION_KEYS.observedPrefix}${context}`;

export function isAuditSessionKey(key: string): boolean {
  return key === SESSION_KEYS.ledger || key === SESSION_KEYS.monitorStarted || key.startsWith(SESSION_KEYS.observedPrefix);
}
