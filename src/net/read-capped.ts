import type { Deadline } from './deadline';

export type CappedRead =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly code: 'too-large' | 'timeout' | 'unreachable'; readonly bytesIn: number };

const noop = (): void => {};

/**
 * Reads a body up to `maxBytes`. Past the cap it stops and cancels, so a hostile or broken
 * endpoint cannot make us buffer more than the cap (or keep the connection busy).
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number, deadline: Deadline): Promise<CappedRead> {
  if (body === null) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stop = (code: 'too-large' | 'timeout' | 'unreachable'): CappedRead => {
    reader.cancel().catch(noop);
    return { ok: false, code, bytesIn: Math.min(total, maxBytes) };
  };
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await deadline.race(reader.read());
    } catch {
      return stop(deadline.signal.aborted ? 'timeout' : 'unreachable');
    }
    if (step.done) break;
    const chunk: unknown = step.value;
    if (!(chunk instanceof Uint8Array)) return stop('unreachable');
    total += chunk.byteLength;
    if (total > maxBytes) return stop('too-large');
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}
