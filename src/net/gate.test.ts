import { describe, expect, it } from 'vitest';
import { buildRegistry, type Endpoint, endpointById } from '../endpoints';
import { createGate } from './gate';
import {
  countingStream,
  jsonResponse,
  memoryLedger,
  scriptedFetch,
  stallingStream,
  steppingClock,
  textResponse,
} from './testing/fake-fetch';

const registry = buildRegistry('https://check.example.org');
function endpoint(id: string): Endpoint {
  const e = endpointById(registry, id);
  if (!e) throw new Error(`no endpoint ${id}`);
  return e;
}
const ipify = endpoint('ipify-ipv4');
const mullvadDns = endpoint('mullvad-dns');

function setup(handler: Parameters<typeof scriptedFetch>[0]) {
  const fetch = scriptedFetch(handler);
  const ledger = memoryLedger();
  const gate = createGate({ fetch, ledger, now: steppingClock() });
  return { fetch, ledger, gate };
}

describe('gate.get', () => {
  it('fetches the declared URL with privacy-preserving options and only an Accept header', async () => {
    const { fetch, gate } = setup(() => jsonResponse({ ip: '185.65.134.77' }));
    const res = await gate.get({ endpoint: ipify, accept: 'application/json' });
    expect(res).toEqual({ ok: true, status: 200, contentType: 'application/json', body: '{"ip":"185.65.134.77"}' });
    expect(fetch.calls).toHaveLength(1);
    const [call] = fetch.calls;
    expect(call?.url).toBe('https://api4.ipify.org/?format=json');
    expect(call?.init).toMatchObject({
      method: 'GET',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      redirect: 'error',
      mode: 'cors',
      headers: { Accept: 'application/json' },
    });
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('sends no header at all when no Accept is given', async () => {
    const { fetch, gate } = setup(() => textResponse('x'));
    await gate.get({ endpoint: ipify });
    expect(fetch.calls[0]?.init.headers).toEqual({});
  });

  it('fills placeholders and records one ledger entry per request', async () => {
    const { fetch, ledger, gate } = setup(() => textResponse('[]', { headers: { 'content-type': 'application/json' } }));
    const token = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
    await gate.get({ endpoint: mullvadDns, values: { token }, accept: 'application/json' });
    const url = `https://${token}.dnsleak.am.i.mullvad.net/`;
    expect(fetch.calls[0]?.url).toBe(url);
    expect(ledger.entries).toEqual([
      {
        time: 1_700_000_000_000,
        endpointId: 'mullvad-dns',
        url,
        host: `${token}.dnsleak.am.i.mullvad.net`,
        method: 'GET',
        bytesOut: `GET ${url} HTTP/1.1\r\nAccept: application/json\r\n`.length,
        bytesIn: 2,
        status: 200,
        problem: null,
        ms: 7,
      },
    ]);
  });

  it('refuses a value that would change the URL, without fetching', async () => {
    const { fetch, ledger, gate } = setup(() => textResponse('x'));
    for (const token of ['evil.example.com', 'UPPER', 'a/b', '', '-x']) {
      const res = await gate.get({ endpoint: mullvadDns, values: { token } });
      expect(res).toMatchObject({ ok: false, problem: { code: 'internal' } });
    }
    expect(fetch.calls).toHaveLength(0);
    expect(ledger.entries.map((e) => e.problem)).toEqual(['internal', 'internal', 'internal', 'internal', 'internal']);
    expect(ledger.entries.every((e) => e.bytesOut === 0)).toBe(true);
  });

  it('refuses non-https endpoints and URLs the endpoint does not declare', async () => {
    const { fetch, gate } = setup(() => textResponse('x'));
    const forged: Endpoint[] = [
      { ...ipify, url: 'http://api4.ipify.org/?format=json' },
      { ...ipify, transport: 'stun' },
      { ...ipify, url: 'https://user:pw@api4.ipify.org/' },
    ];
    for (const e of forged) expect(await gate.get({ endpoint: e })).toMatchObject({ ok: false, problem: { code: 'internal' } });
    expect(await gate.get({ endpoint: ipify, accept: 'text/plain\r\nCookie: a' })).toMatchObject({
      ok: false,
      problem: { code: 'internal' },
    });
    expect(fetch.calls).toHaveLength(0);
  });

  it('times out a fetch that never answers, at the deadline', async () => {
    let signal: AbortSignal | undefined;
    const { ledger, gate } = setup((_, init) => {
      signal = init.signal ?? undefined;
      return new Promise<Response>(() => {});
    });
    const res = await gate.get({ endpoint: ipify, deadlineMs: 30 });
    expect(res).toEqual({ ok: false, problem: { code: 'timeout' } });
    expect(signal?.aborted).toBe(true);
    expect(ledger.entries[0]?.problem).toBe('timeout');
  });

  it('times out a body that stalls after the headers, and cancels it', async () => {
    const { stream, state } = stallingStream(new Uint8Array([0x7b]));
    const { gate } = setup(() => new Response(stream));
    const res = await gate.get({ endpoint: ipify, deadlineMs: 30 });
    expect(res).toMatchObject({ ok: false, problem: { code: 'timeout' } });
    expect(state.cancelled).toBe(true);
  });

  it("stops when the caller's signal aborts", async () => {
    const { gate, fetch } = setup(() => new Promise<Response>(() => {}));
    const caller = new AbortController();
    const pending = gate.get({ endpoint: ipify, signal: caller.signal, deadlineMs: 60_000 });
    caller.abort();
    expect(await pending).toMatchObject({ ok: false, problem: { code: 'timeout' } });
    const already = await gate.get({ endpoint: ipify, signal: caller.signal });
    expect(already).toMatchObject({ ok: false, problem: { code: 'timeout' } });
    expect(fetch.calls).toHaveLength(1);
  });

  it('cuts a 10 MB body at 64 KiB and cancels the stream', async () => {
    const { stream, state } = countingStream(10 * 1024 * 1024);
    const { ledger, gate } = setup(() => new Response(stream));
    const res = await gate.get({ endpoint: ipify });
    expect(res).toMatchObject({ ok: false, problem: { code: 'too-large' }, status: 200 });
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(64 * 1024 + 16 * 1024);
    expect(ledger.entries[0]?.bytesIn).toBe(64 * 1024);
  });

  it('accepts a body of exactly the cap, and honours a smaller per-request cap', async () => {
    const exact = setup(() => new Response(countingStream(64 * 1024).stream));
    expect(await exact.gate.get({ endpoint: ipify })).toMatchObject({ ok: true });
    const small = setup(() => textResponse('x'.repeat(101)));
    expect(await small.gate.get({ endpoint: ipify, maxBytes: 100 })).toMatchObject({ ok: false, problem: { code: 'too-large' } });
  });

  it('refuses a declared Content-Length over the cap without reading', async () => {
    const { stream, state } = countingStream(1024);
    const { gate } = setup(() => new Response(stream, { headers: { 'content-length': String(10 * 1024 * 1024) } }));
    expect(await gate.get({ endpoint: ipify })).toMatchObject({ ok: false, problem: { code: 'too-large' } });
    expect(state.pulled).toBe(0);
  });

  it('asks the browser to refuse redirects, and refuses a redirected response that slips through', async () => {
    const browserLike = setup((_, init) =>
      init.redirect === 'error' ? Promise.reject(new TypeError('Failed to fetch')) : textResponse('{"ip":"185.65.134.77"}'),
    );
    expect(await browserLike.gate.get({ endpoint: ipify })).toMatchObject({ ok: false, problem: { code: 'unreachable' } });
    expect(browserLike.fetch.calls).toHaveLength(1);

    const slipped = setup(() => Object.defineProperty(textResponse('{}'), 'redirected', { value: true }));
    expect(await slipped.gate.get({ endpoint: ipify })).toMatchObject({ ok: false, problem: { code: 'blocked', detail: 'redirect' } });
  });

  it('maps statuses: 429 to rate-limited, other non-2xx to http-status with the status', async () => {
    const limited = setup(() => textResponse('slow down', { status: 429 }));
    expect(await limited.gate.get({ endpoint: ipify })).toEqual({ ok: false, problem: { code: 'rate-limited' }, status: 429 });
    const broken = setup(() => textResponse('oops', { status: 503 }));
    expect(await broken.gate.get({ endpoint: ipify })).toEqual({ ok: false, problem: { code: 'http-status', detail: '503' }, status: 503 });
    expect(broken.ledger.entries[0]).toMatchObject({ status: 503, problem: 'http-status' });
  });

  it('maps a rejected or throwing fetch to unreachable, and never throws', async () => {
    const rejected = setup(() => Promise.reject(new TypeError('NetworkError')));
    expect(await rejected.gate.get({ endpoint: ipify })).toEqual({ ok: false, problem: { code: 'unreachable' } });
    const thrown = setup(() => {
      throw new Error('boom');
    });
    expect(await thrown.gate.get({ endpoint: ipify })).toMatchObject({ ok: false, problem: { code: 'unreachable' } });
    const gate = createGate({
      fetch: scriptedFetch(() => textResponse('ok')),
      ledger: {
        record() {
          throw new Error('storage full');
        },
      },
      now: () => 0,
    });
    expect(await gate.get({ endpoint: ipify })).toMatchObject({ ok: true, body: 'ok' });
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode('{"city":"Malmö"}');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 14));
        controller.enqueue(bytes.slice(14));
        controller.close();
      },
    });
    const { gate } = setup(() => new Response(stream));
    expect(await gate.get({ endpoint: ipify })).toMatchObject({ ok: true, body: '{"city":"Malmö"}' });
  });
});
