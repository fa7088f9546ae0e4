import { describe, expect, it } from 'vitest';
import { startDeadline } from './deadline';
import { readCapped } from './read-capped';

function streamOf(start: (c: ReadableStreamDefaultController<unknown>) => void): ReadableStream<Uint8Array> {
  return new ReadableStream<unknown>({ start }) as ReadableStream<Uint8Array>;
}

describe('readCapped', () => {
  it('reads no body as zero bytes', async () => {
    expect(await readCapped(null, 10, startDeadline(60_000))).toEqual({ ok: true, bytes: new Uint8Array(0) });
  });

  it('joins the chunks up to the cap', async () => {
    const body = streamOf((c) => {
      c.enqueue(new Uint8Array([1, 2]));
      c.enqueue(new Uint8Array([3]));
      c.close();
    });
    expect(await readCapped(body, 3, startDeadline(60_000))).toEqual({ ok: true, bytes: new Uint8Array([1, 2, 3]) });
  });

  it('a stream that errors is unreachable (its queued chunks are dropped with it)', async () => {
    const body = streamOf((c) => {
      c.enqueue(new Uint8Array([1, 2]));
      c.error(new TypeError('connection reset'));
    });
    expect(await readCapped(body, 10, startDeadline(60_000))).toEqual({ ok: false, code: 'unreachable', bytesIn: 0 });
  });

  it('a chunk that is not bytes is unreachable', async () => {
    const body = streamOf((c) => {
      c.enqueue(new Uint8Array([1]));
      c.enqueue('text');
      c.close();
    });
    expect(await readCapped(body, 10, startDeadline(60_000))).toEqual({ ok: false, code: 'unreachable', bytesIn: 1 });
  });
});
