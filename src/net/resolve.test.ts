import { describe, expect, it } from 'vitest';
import { buildRegistry, type Endpoint, endpointById } from '../endpoints';
import { createGate } from './gate';
import { memoryLedger, scriptedFetch, textResponse } from './testing/fake-fetch';

const registry = buildRegistry('https://check.example.org');
function endpoint(id: string): Endpoint {
  const e = endpointById(registry, id);
  if (!e) throw new Error(`no endpoint ${id}`);
  return e;
}
const whoami = endpoint('leakless-whoami');
const akamai = endpoint('akamai-whoami');

function gateWith(resolve: ((host: string, flags: readonly string[]) => Promise<unknown>) | null, deadlineMs?: number) {
  const ledger = memoryLedger();
  const fetch = scriptedFetch(() => textResponse(''));
  return { ledger, fetch, gate: createGate({ fetch, ledger, now: () => 1000, resolve, deadlineMs }) };
}

describe('gate.resolve', () => {
  it('is unavailable without browser.dns', async () => {
    const { gate, ledger } = gateWith(null);
    expect(await gate.resolve(akamai)).toEqual({ ok: false, problem: { code: 'unavailable' } });
    expect(ledger.entries[0]).toMatchObject({ method: 'DNS', problem: 'unavailable', bytesOut: 0 });
  });

  it('resolves the declared host with the flags, and records a DNS ledger entry', async () => {
    const seen: [string, readonly string[]][] = [];
    const { gate, ledger, fetch } = gateWith(async (host, flags) => {
      seen.push([host, flags]);
      return { addresses: ['162.158.1.2', '2a06:98c1::1'], isTRR: true, canonicalName: 'x' };
    });
    const res = await gate.resolve(whoami, { token: 'abc123' }, ['bypass_cache']);
    expect(res).toEqual({ ok: true, answer: { addresses: ['162.158.1.2', '2a06:98c1::1'], isTRR: true } });
    expect(seen).toEqual([['abc123.whoami.check.example.org', ['bypass_cache']]]);
    expect(ledger.entries[0]).toMatchObject({
      endpointId: 'leakless-whoami',
      url: 'dns:abc123.whoami.check.example.org',
      host: 'abc123.whoami.check.example.org',
      method: 'DNS',
      bytesIn: 20,
      status: null,
      problem: null,
    });
    expect(fetch.calls).toHaveLength(0);
  });

  it('times out a lookup that never answers', async () => {
    const { gate } = gateWith(() => new Promise(() => {}), 25);
    expect(await gate.resolve(akamai)).toEqual({ ok: false, problem: { code: 'timeout' } });
  });

  it('maps Firefox errors and malformed answers to problems', async () => {
    const unknown = gateWith(() => Promise.reject(new Error('NS_ERROR_UNKNOWN_HOST')));
    expect(await unknown.gate.resolve(akamai)).toEqual({ ok: false, problem: { code: 'unreachable', detail: 'NS_ERROR_UNKNOWN_HOST' } });
    const proxied = gateWith(() => Promise.reject(new Error('NS_ERROR_UNKNOWN_PROXY_HOST')));
    expect(await proxied.gate.resolve(akamai)).toMatchObject({ ok: false, problem: { code: 'blocked' } });
    const bad = gateWith(async () => ({ addresses: 'x', isTRR: true }));
    expect(await bad.gate.resolve(akamai)).toMatchObject({ ok: false, problem: { code: 'bad-shape' } });
    const noTrr = gateWith(async () => ({ addresses: [] }));
    expect(await noTrr.gate.resolve(akamai)).toMatchObject({ ok: false, problem: { code: 'bad-shape', detail: 'isTRR' } });
  });

  it('refuses non-dns endpoints, bad values and bad flags without resolving', async () => {
    let calls = 0;
    const { gate } = gateWith(async () => {
      calls++;
      return { addresses: [], isTRR: false };
    });
    expect(await gate.resolve(endpoint('ipify-ipv4'))).toMatchObject({ ok: false, problem: { code: 'internal' } });
    expect(await gate.resolve(whoami, { token: 'a.b' })).toMatchObject({ ok: false, problem: { code: 'internal' } });
    expect(await gate.resolve(akamai, {}, ['bypass cache; rm'])).toMatchObject({ ok: false, problem: { code: 'internal' } });
    expect(calls).toBe(0);
  });
});
