// Opt-in monitoring (issue 11): what the user chooses, what the background remembers between checks, and the
// vocabulary of triggers and badge states. Pure data; the logic is in src/monitor, the wiring in src/background.
import type { Reason, VerdictLevel } from './verdict';

/** Backstop periods a user may pick, in minutes; the default is the second. */
export const MONITOR_PERIODS = [5, 15, 30, 60] as const;
export const DEFAULT_MONITOR_PERIOD = 15;

/**
 * Permissions monitoring asks for when turned on; optional in the release manifests, except `alarms` in
 * Firefox, which refuses it as optional (web-ext lint MANIFEST_OPTIONAL_PERMISSIONS): it is required there,
 * shows no prompt, and no alarm exists while monitoring is off.
 */
export const MONITOR_PERMISSIONS = ['alarms', 'idle', 'notifications'] as const;
/** What Firefox only accepts as required. */
export const FIREFOX_REQUIRED_MONITOR_PERMISSIONS: readonly string[] = ['alarms'];

/** What may start a monitoring check; recorded with every request it makes (ledger `cause`) and in the history. */
export const MONITOR_TRIGGERS = ['startup', 'idle', 'network', 'alarm', 'retry', 'user', 'popup', 'test'] as const;
export type MonitorTrigger = (typeof MONITOR_TRIGGERS)[number];

/** Why a request was made: for the popup, or by the monitor and what woke it. */
export type RequestCause = 'popup' | `monitor:${MonitorTrigger}`;

/** What the toolbar badge can say. 'off': monitoring is off, no badge. */
export const BADGE_STATES = ['off', 'clean', 'leak', 'unknown', 'checking', 'stale'] as const;
export type BadgeState = (typeof BADGE_STATES)[number];

export interface MonitorSettings {
  readonly on: boolean;
  /** Backstop period in minutes, one of MONITOR_PERIODS. */
  readonly periodMin: number;
}

export const MONITOR_OFF: MonitorSettings = Object.freeze({ on: false, periodMin: DEFAULT_MONITOR_PERIOD });

/** One address the web sees, as the monitor remembers it. */
export interface ExitView {
  readonly ip: string;
  readonly country?: string;
  readonly organization?: string;
}

/** An address family's answer: an address, none at all ('absent': the family does not reach the web), or unknown (null). */
export type FamilyView = ExitView | 'absent' | null;

/** What the monitor last knew for sure. */
export interface MonitorSnapshot {
  /** When it was last confirmed (cheap or full check), ms since epoch. */
  readonly time: number;
  /** When the last full check ran. */
  readonly fullTime: number;
  readonly v4: FamilyView;
  readonly v6: FamilyView;
  /** The verdict of the last full check, confirmed by cheap checks since. */
  readonly level: VerdictLevel;
  /** Leak reasons of the last full check, as `code:param,param`, sorted: what a change in leaks is measured by. */
  readonly leaks: readonly string[];
  /** Resolvers the last full check saw, `ip (organization)`, sorted. */
  readonly resolvers: readonly string[];
  /** Leak reasons an IP-only look finds (cheap check): a change here calls for a full check. */
  readonly cheapLeaks: readonly string[];
  /** The last full verdict's first reason: the tooltip's one line. */
  readonly headline: Reason | null;
}

/** The monitor's memory between checks (storage.local, never sync). */
export interface MonitorState {
  readonly snapshot: MonitorSnapshot | null;
  /** When the last check started (debounce). */
  readonly lastStart: number;
  /** The last check could not tell (a provider failed): the badge says "can't tell" until one succeeds. */
  readonly lastFailed: boolean;
  /** The state key the last notification was about: never notified twice. */
  readonly notifiedKey: string | null;
}

export const EMPTY_MONITOR_STATE: MonitorState = Object.freeze({ snapshot: null, lastStart: 0, lastFailed: false, notifiedKey: null });

/** One thing that changed between two snapshots. */
export type MonitorChange =
  | { readonly kind: 'ip'; readonly family: 4 | 6; readonly from: FamilyView; readonly to: FamilyView }
  | { readonly kind: 'ipv6-outside'; readonly ip: string }
  | { readonly kind: 'dns'; readonly resolvers: readonly string[] }
  | { readonly kind: 'level'; readonly from: VerdictLevel; readonly to: VerdictLevel };

/** One entry of the local history of changes (storage.local, bounded). */
export interface HistoryEntry {
  readonly time: number;
  readonly trigger: MonitorTrigger;
  readonly level: VerdictLevel;
  readonly changes: readonly MonitorChange[];
  /** The notification shown for it, when one was. */
  readonly notification?: { readonly title: string; readonly message: string };
}

export const HISTORY_LIMIT = 200;
