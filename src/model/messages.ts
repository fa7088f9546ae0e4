// Every runtime message between the extension's own contexts, named by direction. Each receiver still
// checks every message it gets (src/background/messages.ts, src/popup/messages.ts): a type is a promise, not a proof.

import type { Problem } from './problem';
import type { CheckResults } from './results';
import type { Verdict } from './verdict';

/** The long-lived port a popup opens to the background for one or more checks. */
export const CHECK_PORT = 'leakless-check';

/** One-shot runtime messages (runtime.sendMessage), by their `type`. Test builds add one (src/test-support). */
export const MESSAGE_TYPES = {
  /** Any extension page → background: what have you observed (for the self-audit)? */
  observed: 'audit:observed',
  /** Options or history page → background: run a monitoring check now (the user asked; not debounced). */
  monitorCheck: 'monitor:check',
  /** Popup → background: the self-audit's one-line summary (the audit runs there, the popup only shows it). */
  auditSummary: 'audit:summary',
} as const;

/** The self-audit counted: what the popup's audit line shows. */
export interface AuditSummary {
  readonly requests: number;
  readonly findings: number;
  readonly pass: boolean;
}

/** What the popup may change for one run; the background reads everything else from storage itself. */
export interface RunOverrides {
  readonly dnsNames?: number;
}

/** Popup → background, over the check port. */
export type PopupToBackground =
  | { readonly type: 'run'; readonly runId: number; readonly overrides?: RunOverrides }
  | { readonly type: 'gathered'; readonly requestId: number; readonly candidates: readonly string[]; readonly problem?: Problem };

/** Background → popup: results so far (`update`) or final (`done`), each with its verdict. */
export interface ResultsMessage {
  readonly type: 'update' | 'done';
  readonly runId: number;
  readonly results: CheckResults;
  readonly verdict: Verdict;
}

/** Background → popup: gather ICE candidates with these servers (none: host candidates only). */
export interface GatherRequest {
  readonly type: 'gather';
  readonly requestId: number;
  readonly iceServers: readonly string[];
  readonly deadlineMs: number;
}

/** Background → popup, over the check port. */
export type BackgroundToPopup = ResultsMessage | GatherRequest;

/** Extension page → background, one-shot. */
export type PageToBackground = { readonly type: (typeof MESSAGE_TYPES)[keyof typeof MESSAGE_TYPES] };
