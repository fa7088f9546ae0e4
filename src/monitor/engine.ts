// The monitor: trigger → cheap check → (only on a change) full check → badge, history, one notification.
// Every browser API is injected (src/background/monitor-wiring.ts gives the real ones), so this runs under
// vitest with fake timers and fakes.
import type {
  CheckResults,
  HistoryEntry,
  MonitorChange,
  MonitorSettings,
  MonitorSnapshot,
  MonitorState,
  MonitorTrigger,
  Reason,
  Verdict,
} from '../model';
import { EMPTY_MONITOR_STATE } from '../model';
import { type CheapResult, compareCheap, confirmed, describeChanges, shouldNotify, snapshotOfFull, stateKey } from './change';
import { appendHistory } from './history';
import { badgeState, planCheck } from './schedule';
import { BADGE_LOOK, notificationText, type TextEnv, tooltipText } from './text';
import { ipOnlyLeaks } from './verdict';

export interface MonitorDeps {
  now(): number;
  loadSettings(): Promise<MonitorSettings>;
  loadState(): Promise<MonitorState>;
  saveState(state: MonitorState): Promise<void>;
  loadHistory(): Promise<HistoryEntry[]>;
  saveHistory(list: readonly HistoryEntry[]): Promise<void>;
  /** The last full result, for the popup to open on. */
  saveLast(results: CheckResults): Promise<void>;
  runCheap(trigger: MonitorTrigger): Promise<CheapResult>;
  runFull(trigger: MonitorTrigger): Promise<CheckResults>;
  /** The monitor's verdict on a full result (monitorVerdict, with what this browser's background can check). */
  verdict(results: CheckResults): Verdict;
  reasonText(reason: Reason): string;
  readonly text: TextEnv;
  setBadge(look: { readonly text: string; readonly color: string }, title: string): Promise<void>;
  notify(title: string, message: string): Promise<void>;
  /** A check was debounced: try again at `at` (a one-shot alarm). */
  scheduleRetry(at: number): Promise<void>;
}

export interface Monitor {
  /** Runs a check for this trigger when monitoring is on and the debounce allows. Never throws. */
  trigger(trigger: MonitorTrigger): Promise<void>;
  /**
   * A full check someone else ran (the popup's): taken as this monitor's own when monitoring is on, judged by
   * the monitor's own verdict so that what it covers stays the same whoever ran the check.
   */
  observeFull(results: CheckResults, trigger?: MonitorTrigger): Promise<void>;
  /** Shows what is known now (stale after sleep, off when turned off), without any request. */
  refreshBadge(): Promise<void>;
}

/** The outcome of a new snapshot, pure: the next state, the history entry and whether to notify. */
export function applySnapshot(
  state: MonitorState,
  next: MonitorSnapshot,
  trigger: MonitorTrigger,
): { state: MonitorState; changes: MonitorChange[]; notify: boolean } {
  const changes = describeChanges(state.snapshot, next);
  const notify = shouldNotify(changes, next, state.notifiedKey);
  // The first snapshot counts as notified: returning to it later is a change worth saying, repeating it is not.
  const notifiedKey = notify || state.snapshot === null ? stateKey(next) : state.notifiedKey;
  void trigger;
  return { state: { ...state, snapshot: next, lastFailed: false, notifiedKey }, changes, notify };
}

export function createMonitor(deps: MonitorDeps): Monitor {
  let running: Promise<void> | null = null;
  let checking = false;

  async function showBadge(settings: MonitorSettings, state: MonitorState): Promise<void> {
    const badge = badgeState(settings, state, deps.now(), checking);
    const headline = state.snapshot?.headline ?? null;
    const reason = headline && (badge === 'leak' || badge === 'clean') ? deps.reasonText(headline) : null;
    await deps.setBadge(BADGE_LOOK[badge], tooltipText(deps.text, badge, state.snapshot, reason)).catch(() => undefined);
  }

  /** Saves a new snapshot with its history entry and notification, unless monitoring was turned off meanwhile. */
  async function settle(state: MonitorState, next: MonitorSnapshot, trigger: MonitorTrigger): Promise<MonitorState> {
    const applied = applySnapshot(state, next, trigger);
    if (!(await deps.loadSettings()).on) return EMPTY_MONITOR_STATE;
    let notification: HistoryEntry['notification'];
    if (applied.notify) {
      const reason = next.headline ? deps.reasonText(next.headline) : null;
      notification = notificationText(deps.text, applied.changes, next, reason);
      await deps.notify(notification.title, notification.message).catch(() => undefined);
    }
    if (applied.changes.length > 0) {
      const entry: HistoryEntry = {
        time: next.time,
        trigger,
        level: next.level,
        changes: applied.changes,
        ...(notification ? { notification } : {}),
      };
      await deps.saveHistory(appendHistory(await deps.loadHistory(), entry));
    }
    return applied.state;
  }

  async function full(state: MonitorState, trigger: MonitorTrigger, cheapLeaks: readonly string[] | null): Promise<MonitorState> {
    const results = await deps.runFull(trigger);
    const verdict = deps.verdict(results);
    const leaks = cheapLeaks ?? ipOnlyLeaks(results);
    await deps.saveLast(results).catch(() => undefined);
    return settle(state, snapshotOfFull(results, verdict, leaks, deps.now()), trigger);
  }

  async function run(trigger: MonitorTrigger): Promise<void> {
    const settings = await deps.loadSettings();
    if (!settings.on) return;
    let state = await deps.loadState();
    const plan = planCheck(state.lastStart, deps.now(), trigger);
    if (!plan.run) {
      if (plan.retryAt !== null) await deps.scheduleRetry(plan.retryAt).catch(() => undefined);
      await showBadge(settings, state);
      return;
    }
    state = { ...state, lastStart: deps.now() };
    await deps.saveState(state);
    checking = true;
    await showBadge(settings, state);
    try {
      const cheap = await deps.runCheap(trigger);
      const outcome = compareCheap(state.snapshot, cheap);
      if (outcome === 'cant-tell') state = { ...state, lastFailed: true };
      else if (outcome === 'same' && state.snapshot)
        state = { ...state, lastFailed: false, snapshot: confirmed(state.snapshot, deps.now()) };
      else state = await full(state, trigger, cheap.leaks);
    } finally {
      checking = false;
    }
    const now = await deps.loadSettings();
    if (!now.on) return void (await showBadge(now, EMPTY_MONITOR_STATE));
    await deps.saveState(state);
    await showBadge(now, state);
  }

  const guard = (work: () => Promise<void>): Promise<void> =>
    work().catch((error: unknown) => {
      checking = false;
      console.error('leakless: monitor check failed', error);
    });

  return {
    trigger(trigger) {
      // One check at a time: a trigger during a check is answered by that check.
      running ??= guard(() => run(trigger)).finally(() => {
        running = null;
      });
      return running;
    },
    observeFull(results, trigger = 'popup') {
      return guard(async () => {
        if (running) await running;
        const settings = await deps.loadSettings();
        if (!settings.on) return;
        const state = await deps.loadState();
        await deps.saveLast(results).catch(() => undefined);
        const next = await settle(state, snapshotOfFull(results, deps.verdict(results), ipOnlyLeaks(results), deps.now()), trigger);
        if (!(await deps.loadSettings()).on) return;
        await deps.saveState(next);
        await showBadge(settings, next);
      });
    },
    refreshBadge() {
      return guard(async () => showBadge(await deps.loadSettings(), await deps.loadState()));
    },
  };
}
