// What the ledger records for refused requests and DNS lookups, field by field.
import { describe, expect, it } from 'vitest';
import { buildRegistry, type Endpoint, endpointById } from '../endpoints';
import { createGate } from './gate';
import { memoryLedger, scriptedFetch, textResponse } from './testing/fake-fetch';

const registry = buildRegistry('https://check.example.org');
const endpoint = (id: string): Endpoint => {
  const e = endpointById(registry, id);
  if (!e) throw new Error(id);
  return e;
};

describe('gate ledger entries', () => {
  it('a refused request: no URL, no host, nothing out, the reason', async () => {
    const ledger = memoryLedger();
    const gate = createGate({ fetch: scriptedFetch(() => textResponse('x')), ledger, now: () => 5 });
    expect(await gate.get({ endpoint: endpoint('mullvad-dns'), values: { token: 'A.B' } })).toEqual({
      ok: false,
      problem: { code: 'internal', detail: 'placeholder' },
    });
    expect(await gate.get({ endpoint: endpoint('ipify-ipv4'), accept: 'a(b)' })).toEqual({
      ok: false,
      problem: { code: 'internal', detail: 'accept' },
    });
    expect(ledger.entries[0]).toEqual({
      time: 5,
      endpointId: 'mullvad-dns',
      url: '',
      host: '',
      method: 'GET',
      bytesOut: 0,
      bytesIn: 0,
      status: null,
      problem: 'internal',
      ms: 0,
    });
    expect(ledger.entries[1]).toMatchObject({ url: 'https://api4.ipify.org/?format=json', host: 'api4.ipify.org', bytesOut: 0 });
  });

  it('a DNS lookup: query size out, 4 or 16 bytes per address in', async () => {
    const ledger = memoryLedger();
    let t = 100;
    const gate = createGate({
      fetch: scriptedFetch(() => textResponse('')),
      ledger,
      now: () => (t += 3),
      resolve: async () => ({ addresses: ['1.2.3.4', '2a06:98c1::1', '5.6.7.8'], isTRR: false }),
    });
    await gate.resolve(endpoint('akamai-whoami'));
    expect(ledger.entries).toEqual([
      {
        time: 103,
        endpointId: 'akamai-whoami',
        url: 'dns:whoami.akamai.net',
        host: 'whoami.akamai.net',
        method: 'DNS',
        bytesOut: 12 + 'whoami.akamai.net'.length + 6,
        bytesIn: 24,
        status: null,
        problem: null,
        ms: 3,
      },
    ]);
    expect(ledger.entries[0]?.bytesOut).toBe(35);
  });

  it('a refused DNS lookup says why', async () => {
    const ledger = memoryLedger();
    const gate = createGate({ fetch: scriptedFetch(() => textResponse('')), ledger, now: () => 0, resolve: async () => ({}) });
    expect(await gate.resolve(endpoint('ipify-ipv4'))).toEqual({ ok: false, problem: { code: 'internal', detail: 'not dns' } });
    expect(await gate.resolve(endpoint('akamai-whoami'), {}, ['BAD'])).toEqual({
      ok: false,
      problem: { code: 'internal', detail: 'flags' },
    });
    expect(await gate.resolve(endpoint('akamai-whoami'), {}, 'x' as unknown as string[])).toEqual({
      ok: false,
      problem: { code: 'internal', detail: 'flags' },
    });
    expect(ledger.entries.map((e) => [e.url, e.bytesOut, e.problem])).toEqual([
      ['', 0, 'internal'],
      ['dns:whoami.akamai.net', 0, 'internal'],
      ['dns:whoami.akamai.net', 0, 'internal'],
    ]);
  });

  it('a ledger that throws, or a clock that goes back, breaks nothing', async () => {
    let t = 1000;
    const ledger = memoryLedger();
    const gate = createGate({ fetch: scriptedFetch(() => textResponse('ok')), ledger, now: () => (t -= 10) });
    expect(await gate.get({ endpoint: endpoint('ipify-ipv4') })).toMatchObject({ ok: true });
    expect(ledger.entries[0]).toMatchObject({ time: 990, ms: 0 });
  });
});
