// The check port between the popup and the background. The background runs the probe engine (network,
// ledger, verdict); the popup only renders, and lends its RTCPeerConnection where the background has none
// (Chrome's MV3 service worker). Both sides check every message: a bad one is dropped, never trusted.
import type { BackgroundToPopup, PopupToBackground } from '../model';

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

/** The part of runtime.Port both sides use; fakes in tests implement just this. */
export interface PortLike {
  readonly name: string;
  readonly sender?: { readonly id?: string };
  postMessage(message: unknown): void;
  disconnect(): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(listener: () => void): void };
}

/** Posts unless the port is gone: postMessage throws on a disconnected port. Returns whether it went out. */
export function safePost(port: PortLike, message: PopupToBackground | BackgroundToPopup): boolean {
  try {
    port.postMessage(message);
    return true;
  } catch {
    return false;
  }
}
