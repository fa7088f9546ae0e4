// ICE gathering done by the popup on the background's behalf (Chrome's service worker has no
// RTCPeerConnection). The background keeps its own deadline: a popup that never answers cannot hang the probe.
import type { GatherRequest } from '../model';
import { PORT_LIMITS } from '../port/protocol';
import type { Gatherer, GatherResult } from '../probes/webrtc/gather';

/** Beyond the gathering deadline the popup itself keeps, for the round trip. */
export const REPLY_GRACE_MS = 1000;

const NO_POPUP: GatherResult = { candidates: [], problem: { code: 'internal', detail: 'popup-gone' } };
const NO_REPLY: GatherResult = { candidates: [], problem: { code: 'timeout' } };

export interface RemoteGather {
  readonly gather: Gatherer;
  /** The popup's reply to `requestId`; ignored when nothing waits for it (late, repeated or made up). */
  answer(requestId: number, result: GatherResult): void;
  /** The port is gone: what waits fails now, and later requests fail at once. */
  close(): void;
}

/** `post` sends a request to the popup and says whether it went out. */
export function createRemoteGather(post: (request: GatherRequest) => boolean): RemoteGather {
  const waiting = new Map<number, (result: GatherResult) => void>();
  let lastId = 0;
  let closed = false;

  const gather: Gatherer = (iceServers, deadlineMs) =>
    new Promise((resolve) => {
      if (closed) {
        resolve(NO_POPUP);
        return;
      }
      lastId = lastId >= PORT_LIMITS.maxId ? 1 : lastId + 1;
      const requestId = lastId;
      const settle = (result: GatherResult) => {
        if (!waiting.delete(requestId)) return;
        clearTimeout(timer);
        resolve(result);
      };
      const timer = setTimeout(() => settle(NO_REPLY), deadlineMs + REPLY_GRACE_MS);
      // Registered before posting: a reply may come back before post returns.
      waiting.set(requestId, settle);
      if (!post({ type: 'gather', requestId, iceServers: [...iceServers], deadlineMs })) settle(NO_POPUP);
    });

  return {
    gather,
    answer: (requestId, result) => waiting.get(requestId)?.(result),
    close() {
      closed = true;
      for (const settle of [...waiting.values()]) settle(NO_POPUP);
    },
  };
}
