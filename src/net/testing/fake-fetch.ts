// Test helpers only (imported by *.test.ts): a scripted fetch and streams, so no test touches the network.
import type { FetchLike } from '../http';
import type { LedgerEntry } from '../types';

export interface FetchCall {
  readonly url: string;
  readonly init: RequestInit;
}

export type ScriptedFetch = FetchLike & { readonly calls: FetchCall[] };

export function scriptedFetch(handler: (url: string, init: RequestInit) => Response | Promise<Response>): ScriptedFetch {
  const calls: FetchCall[] = [];
  const fn = async (url: string, init: RequestInit): Promise<Response> => {
    calls.push({ url, init });
    return handler(url, init);
  };
  return Object.assign(fn, { calls });
}

export function textResponse(body: string, init: ResponseInit = {}): Response {
  return new Response(body, { status: 200, ...init });
}

export function jsonResponse(value: unknown, init: ResponseInit = {}): Response {
  return textResponse(JSON.stringify(value), { headers: { 'content-type': 'application/json' }, ...init });
}

/** A pull stream of `total` bytes in `chunk`-sized pieces that counts what was pulled and whether it was cancelled. */
export function countingStream(total: number, chunk = 16 * 1024) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= total) {
          controller.close();
          return;
        }
        const size = Math.min(chunk, total - state.pulled);
        state.pulled += size;
        controller.enqueue(new Uint8Array(size).fill(0x61));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

/** A body that sends its first chunk and then stalls forever. */
export function stallingStream(first: Uint8Array) {
  const state = { cancelled: false };
  let sent = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(first);
          return;
        }
        return new Promise<void>(() => {});
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

export function memoryLedger() {
  const entries: LedgerEntry[] = [];
  return { entries, record: (e: LedgerEntry) => entries.push(e) };
}

/** A clock that advances by `step` ms on every reading. */
export function steppingClock(start = 1_700_000_000_000, step = 7) {
  let t = start - step;
  return () => {
    t += step;
    return t;
  };
}
