// The check port between the popup and the background. The background runs the probe engine (network,
// ledger, verdict); the popup only renders, and lends its RTCPeerConnection where the background has none
// (Chrome's MV3 service worker). Both sides check every message: a bad one is dropped, never trusted.
import type { CheckResults, ProbeName, Problem, Verdict } from '../probes/types';

export const CHECK_PORT = 'leakless-check';

/** Bounds both sides enforce on what crosses the port. */
export const PORT_LIMITS = {
  /** Run and request ids are small positive integers. */
  maxId: 2 ** 31 - 1,
  candidates: 200,
  candidateLength: 512,
  iceServers: 8,
  iceServerLength: 300,
  deadlineMs: 60_000,
  detailLength: 100,
  reasons: 64,
} as const;

/** What the popup may change for one run; the background reads everything else from storage itself. */
export interface RunOverrides {
  readonly dnsNames?: number;
}

/** Popup → background. */
export type PopupMessage =
  | { readonly type: 'run'; readonly runId: number; readonly overrides?: RunOverrides }
  | {
      readonly type: 'gathered';
      readonly requestId: number;
      readonly candidates: readonly string[];
      readonly problem?: Problem;
    };

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

export type BackgroundMessage = ResultsMessage | GatherRequest;

/** The part of runtime.Port both sides use; fakes in tests implement just this. */
export interface PortLike {
  readonly name: string;
  readonly sender?: { readonly id?: string };
  postMessage(message: unknown): void;
  disconnect(): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(listener: () => void): void };
}

const PROBE_NAMES: readonly ProbeName[] = ['ipv4', 'ipv6', 'dns', 'webrtc', 'securedns', 'locale'];

/** Probes still pending become `internal` failures, so no section spins forever when a run is cut off. */
export function failPending(results: CheckResults): CheckResults {
  const out = { ...results };
  for (const name of PROBE_NAMES) if (out[name].state === 'pending') out[name] = { state: 'failed', problem: { code: 'internal' } };
  return out;
}

/** Posts unless the port is gone: postMessage throws on a disconnected port. Returns whether it went out. */
export function safePost(port: PortLike, message: PopupMessage | BackgroundMessage): boolean {
  try {
    port.postMessage(message);
    return true;
  } catch {
    return false;
  }
}
