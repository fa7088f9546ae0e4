import type { Registry } from '../endpoints';
import type { HostView } from '../model';
import type { Gate, LedgerSink } from '../net/types';
import type { Gatherer } from './webrtc/gather';

/** The browser, as the probes see it: injectable, so the engine runs under vitest in Node. */
export interface ProbeDeps {
  readonly registry: Registry;
  readonly gate: Gate;
  readonly ledger: LedgerSink;
  /** RTCPeerConnection, or null when the page has none (removed by the browser or another extension). */
  readonly RTCPeerConnection: typeof RTCPeerConnection | null;
  /**
   * How the WebRTC probe gathers ICE candidates, when not with `RTCPeerConnection` here: Chrome's service
   * worker has none, so the background asks the popup page (see src/background/check-service.ts).
   */
  readonly gather?: Gatherer;
  /**
   * Whose view that gathering shows; 'pages' when absent. The background says 'privileged' when the popup
   * gathers for it: Chromium does not mDNS-mask host candidates in extension pages as it does in web pages.
   */
  readonly gatherView?: HostView;
  /** A fresh random lowercase token of `length` chars [a-z0-9], at least 128 bits for length ≥ 26. */
  randomToken(length?: number): string;
  now(): number;
  timeZone(): string;
  languages(): readonly string[];
}

/**
 * How a probe reports a provisional result: the answers so far combined, how many providers answered (or
 * failed), and which are still out (endpoint ids, never empty). Called again with each answer; the probe's
 * promise is the final result.
 */
export type OnPartial<T> = (result: T, answered: number, waiting: readonly string[]) => void;
