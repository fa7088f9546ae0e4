// When a check may run, and how long a result stays true: debounce and staleness, pure.
import {
  type BadgeState,
  DEFAULT_MONITOR_PERIOD,
  MONITOR_PERIODS,
  type MonitorSettings,
  type MonitorState,
  type MonitorTrigger,
} from '../model';

/** No two checks within this, unless the user (or a test) asks. */
export const DEBOUNCE_MS = 60_000;

/** Triggers that skip the debounce: someone asked for this check, or the browser just started (once a session). */
const UNDEBOUNCED: ReadonlySet<MonitorTrigger> = new Set(['user', 'test', 'startup']);
/** Triggers that say something may just have changed: when debounced, they are retried once the wait is over. */
const RETRIED: ReadonlySet<MonitorTrigger> = new Set(['network', 'idle']);

export type Plan = { readonly run: true } | { readonly run: false; readonly retryAt: number | null };

/** Run now; or not now (a check ran less than DEBOUNCE_MS ago), then again at `retryAt` when not null. */
export function planCheck(lastStart: number, now: number, trigger: MonitorTrigger): Plan {
  if (UNDEBOUNCED.has(trigger) || lastStart <= 0 || now - lastStart >= DEBOUNCE_MS || now < lastStart) return { run: true };
  return { run: false, retryAt: RETRIED.has(trigger) ? lastStart + DEBOUNCE_MS : null };
}

/** A stored period, or the default when it is not one of MONITOR_PERIODS. */
export function periodOf(value: unknown): number {
  return (MONITOR_PERIODS as readonly unknown[]).includes(value) ? (value as number) : DEFAULT_MONITOR_PERIOD;
}

/** Monitor settings as read back from storage: anything odd is "off". */
export function sanitizeMonitorSettings(raw: unknown): MonitorSettings {
  const v = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return { on: v.on === true, periodMin: periodOf(v.periodMin) };
}

/** Older than two backstop periods: the badge says "stale" (after sleep, say) until the next check. */
export function isStale(confirmedAt: number, now: number, periodMin: number): boolean {
  return now - confirmedAt > 2 * periodMin * 60_000;
}

/** The badge's state: always what the monitor last knew, and how sure it is of it now. */
export function badgeState(settings: MonitorSettings, state: MonitorState, now: number, checking: boolean): BadgeState {
  if (!settings.on) return 'off';
  if (checking) return 'checking';
  const snapshot = state.snapshot;
  if (snapshot === null || state.lastFailed) return 'unknown';
  if (isStale(snapshot.time, now, settings.periodMin)) return 'stale';
  return snapshot.level;
}

/** Requests per day from backstop checks alone, at `periodMin`, for checks of `perCheck` requests. */
export function requestsPerDay(periodMin: number, perCheck: number): number {
  return Math.round((24 * 60) / periodMin) * perCheck;
}
