import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRegistry, type Endpoint, endpointById } from '../endpoints';
import { createGate } from './gate';
import { countingStream, memoryLedger, scriptedFetch, textResponse } from './testing/fake-fetch';
import type { GateRequest } from './types';

// The gate's edges: what a response may look like before it is believed, and what the gate leaves behind.
const registry = buildRegistry('https://check.example.org');
const ipify = endpointById(registry, 'ipify-ipv4') as Endpoint;
const whoami = endpointById(registry, 'leakless-whoami') as Endpoint;

function setup(handler: Parameters<typeof scriptedFetch>[0], resolve: ((host: string) => Promise<unknown>) | null = null) {
  const ledger = memoryLedger();
  const gate = createGate({ fetch: scriptedFetch(handler), ledger, now: () => 5, resolve });
  return { ledger, gate };
}

/** A response with a property the Response constructor will not set (a 1xx status, an opaque redirect). */
function withProperty(response: Response, key: 'status' | 'type', value: unknown): Response {
  return Object.defineProperty(response, key, { value });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('gate.get: statuses and bodies', () => {
  it('takes 200 to 299 as success, and refuses 199 and 300 with their status', async () => {
    expect(await setup(() => textResponse('a', { status: 299 })).gate.get({ endpoint: ipify })).toMatchObject({ ok: true, status: 299 });
    expect(await setup(() => withProperty(textResponse('a'), 'status', 199)).gate.get({ endpoint: ipify })).toEqual({
      ok: false,
      problem: { code: 'http-status', detail: '199' },
      status: 199,
    });
    expect(await setup(() => textResponse('a', { status: 300 })).gate.get({ endpoint: ipify })).toEqual({
      ok: false,
      problem: { code: 'http-status', detail: '300' },
      status: 300,
    });
  });

  it('refuses an opaque redirect as blocked', async () => {
    const { gate } = setup(() => withProperty(textResponse('{}'), 'type', 'opaqueredirect'));
    expect(await gate.get({ endpoint: ipify })).toEqual({ ok: false, problem: { code: 'blocked', detail: 'redirect' }, status: 200 });
  });

  it('cancels the unread body of every refused response', async () => {
    const bodies = [
      (s: ReadableStream) => new Response(s, { status: 429 }),
      (s: ReadableStream) => new Response(s, { status: 503 }),
      (s: ReadableStream) => Object.defineProperty(new Response(s), 'redirected', { value: true }),
      (s: ReadableStream) => new Response(s, { headers: { 'content-length': '70000' } }),
    ];
    for (const make of bodies) {
      const { stream, state } = countingStream(1024);
      const res = await setup(() => make(stream)).gate.get({ endpoint: ipify });
      expect(res.ok).toBe(false);
      expect(state).toEqual({ pulled: 0, cancelled: true });
    }
  });

  it('accepts a declared Content-Length equal to the cap', async () => {
    const { gate } = setup(() => textResponse('x'.repeat(100), { headers: { 'content-length': '100' } }));
    expect(await gate.get({ endpoint: ipify, maxBytes: 100 })).toMatchObject({ ok: true, body: 'x'.repeat(100) });
  });

  it('passes an empty body, no content type as "", and a long content type cut at 200 characters', async () => {
    const empty = await setup(() => new Response(null)).gate.get({ endpoint: ipify });
    expect(empty).toEqual({ ok: true, status: 200, contentType: '', body: '' });
    const long = `text/plain; x=${'a'.repeat(300)}`;
    const res = await setup(() => textResponse('b', { headers: { 'content-type': long } })).gate.get({ endpoint: ipify });
    expect(res).toEqual({ ok: true, status: 200, contentType: long.slice(0, 200), body: 'b' });
  });
});

describe('the gate never throws, and leaves no timer behind', () => {
  it('turns a request or endpoint that throws when read into an internal problem, recorded', async () => {
    const { gate, ledger } = setup(
      () => textResponse('x'),
      async () => ({ addresses: [], isTRR: false }),
    );
    const request = {
      endpoint: ipify,
      get values(): never {
        throw new Error('hostile getter');
      },
    } as GateRequest;
    expect(await gate.get(request)).toEqual({ ok: false, problem: { code: 'internal' } });
    const endpoint = Object.defineProperty({ ...whoami }, 'transport', {
      get() {
        throw new Error('hostile getter');
      },
    });
    expect(await gate.resolve(endpoint, { token: 'abc' })).toEqual({ ok: false, problem: { code: 'internal' } });
    expect(ledger.entries.map((e) => [e.endpointId, e.method, e.problem])).toEqual([
      ['ipify-ipv4', 'GET', 'internal'],
      ['leakless-whoami', 'DNS', 'internal'],
    ]);
  });

  it('clears its deadline timer once a request or lookup is answered', async () => {
    vi.useFakeTimers();
    const { gate } = setup(
      () => textResponse('x'),
      async () => ({ addresses: ['192.0.2.1'], isTRR: false }),
    );
    expect(await gate.get({ endpoint: ipify })).toMatchObject({ ok: true });
    expect(vi.getTimerCount()).toBe(0);
    expect(await gate.resolve(whoami, { token: 'abc' })).toMatchObject({ ok: true });
    expect(vi.getTimerCount()).toBe(0);
  });
});
