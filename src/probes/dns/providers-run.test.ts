import { describe, expect, it } from 'vitest';
import { endpointOf, failed, okBody, scriptedGate, TEST_REGISTRY } from '../../net/testing/fake-gate';
import type { GateRequest, GateResponse } from '../../net/types';
import { fakeDeps } from '../testing/fake-deps';
import { runBashws, splitAsn } from './bashws';
import { collect, toFound } from './found';
import type { DnsContext } from './lookups';
import { mergeResolvers } from './merge';
import { runMullvadDns } from './mullvad';
import { BASHWS_RESULT, MULLVAD_DNS_CLEAN } from './samples';

function context(handler: (r: GateRequest) => GateResponse, registry = TEST_REGISTRY) {
  const gate = scriptedGate(handler);
  const ctx: DnsContext = { deps: fakeDeps(gate, { registry }), names: 2, deadlineMs: 5000 };
  return { gate, ctx };
}

describe('runBashws', () => {
  const result = endpointOf('bashws-result');

  it('asks for the id as text; a failed id request ends the run with its problem, nothing looked up', async () => {
    const { gate, ctx } = context(() => failed('rate-limited', 429));
    expect(await runBashws(ctx, result)).toEqual({ outcome: { ok: false, problem: { code: 'rate-limited' } }, namesResolved: 0 });
    expect(gate.requests.map((r) => [r.endpoint.id, r.accept])).toEqual([['bashws-id', 'text/plain']]);
  });

  it('a failed result request ends with its problem, counting the names that resolved', async () => {
    const { ctx } = context((r) => {
      if (r.endpoint.id === 'bashws-id') return okBody('8271634', 'text/plain');
      if (r.endpoint.id === 'bashws-lookup') return r.values?.n === '1' ? failed('http-status', 404) : failed('unreachable');
      return failed('timeout');
    });
    expect(await runBashws(ctx, result)).toEqual({ outcome: { ok: false, problem: { code: 'timeout' } }, namesResolved: 1 });
  });

  it('a registry without the id or the lookup endpoint is an internal problem, and nothing is asked', async () => {
    for (const missing of ['bashws-id', 'bashws-lookup']) {
      const registry = { ...TEST_REGISTRY, endpoints: TEST_REGISTRY.endpoints.filter((e) => e.id !== missing) };
      const { gate, ctx } = context(() => okBody(BASHWS_RESULT), registry);
      expect(await runBashws(ctx, result), missing).toEqual({
        outcome: { ok: false, problem: { code: 'internal', detail: 'registry' } },
        namesResolved: 0,
      });
      expect(gate.requests).toEqual([]);
    }
  });
});

describe('runMullvadDns', () => {
  it('asks for JSON', async () => {
    const { gate, ctx } = context(() => okBody(MULLVAD_DNS_CLEAN));
    expect(await runMullvadDns(ctx, endpointOf('mullvad-dns'))).toMatchObject({ outcome: { ok: true }, namesResolved: 2 });
    expect(gate.requests.map((r) => r.accept)).toEqual(['application/json', 'application/json']);
  });
});

describe('splitAsn separators', () => {
  it('after the number, only white space separates the name', () => {
    expect(splitAsn('AS13335-Cloudflare')).toStrictEqual({ asn: 13335, organization: '-Cloudflare' });
    expect(splitAsn('')).toStrictEqual({});
    expect(splitAsn(' \u200b ')).toStrictEqual({});
  });
});

describe('toFound and collect', () => {
  it('a row says only what it has: no key for a missing country, organisation or ASN', () => {
    expect(toFound([{ ip: '192.0.2.1', country: '', organization: undefined, asn: undefined }])).toStrictEqual({
      ok: true,
      value: [{ ip: '192.0.2.1' }],
    });
  });

  it('no lookups at all is an internal problem, not an empty success', () => {
    expect(collect([])).toEqual({ ok: false, problem: { code: 'internal', detail: 'no lookups' } });
  });
});

describe('mergeResolvers', () => {
  it("keeps the first provider's client subnet when a later one saw none", () => {
    const merged = mergeResolvers([
      {
        endpointId: 'leakless-dns',
        ms: 5,
        outcome: { ok: true, value: [{ ip: '192.0.2.1', seenBy: ['leakless-dns'], ecs: '203.0.113.0/24' }] },
      },
      { endpointId: 'mullvad-dns', ms: 5, outcome: { ok: true, value: [{ ip: '192.0.2.1', seenBy: ['mullvad-dns'] }] } },
    ]);
    expect(merged).toStrictEqual([{ ip: '192.0.2.1', seenBy: ['leakless-dns', 'mullvad-dns'], ecs: '203.0.113.0/24' }]);
  });
});
