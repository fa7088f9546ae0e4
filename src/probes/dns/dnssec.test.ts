import { describe, expect, it } from 'vitest';
import { failed, okBody, okJson, scriptedGate, TEST_REGISTRY } from '../../net/testing/fake-gate';
import type { GateRequest, GateResponse } from '../../net/types';
import { fakeDeps, settings } from '../testing/fake-deps';
import { checkDnssec, DNSSEC_BROKEN, DNSSEC_GOOD, judgeDnssec, parseDnssecReached } from './dnssec';
import { probeDns } from './probe';

const LABEL = 'dnssec-ok-0123456789abcdefghijklmn';
const reached = okJson({ label: LABEL });

/** What a resolver does with the two names: a validating one resolves only the signed one. */
function resolverThat(good: (r: GateRequest) => GateResponse, broken: (r: GateRequest) => GateResponse) {
  return (r: GateRequest): GateResponse => {
    const label = `${r.endpoint.id === DNSSEC_GOOD ? 'dnssec-ok' : 'dnssec-bad'}-${r.values?.nonce}`;
    if (r.endpoint.id === DNSSEC_GOOD) return good(r) ?? okJson({ label });
    if (r.endpoint.id === DNSSEC_BROKEN) return broken(r) ?? okJson({ label });
    if (r.endpoint.id === 'leakless-dns') return okJson({ token: r.values?.token, resolvers: [] });
    return failed('unreachable');
  };
}
const echo = (r: GateRequest) => okJson({ label: `${r.endpoint.id === DNSSEC_GOOD ? 'dnssec-ok' : 'dnssec-bad'}-${r.values?.nonce}` });

describe('judgeDnssec', () => {
  it.each<[string, GateResponse, GateResponse, ReturnType<typeof judgeDnssec>]>([
    ['signed reached, mis-signed not resolved: validates', reached, failed('unreachable'), { validates: true }],
    ['mis-signed reached: does not validate', reached, reached, { validates: false }],
    [
      'mis-signed answered with an error status: it resolved, so no',
      failed('unreachable'),
      failed('http-status', 503),
      { validates: false },
    ],
    ['neither reached: cannot tell', failed('unreachable'), failed('unreachable'), { validates: null, problem: { code: 'unreachable' } }],
    ['mis-signed timed out: not proof', reached, failed('timeout'), { validates: null, problem: { code: 'timeout' } }],
    [
      'signed reached under another name (a cache, a portal)',
      okJson({ label: 'dnssec-ok-other' }),
      failed('unreachable'),
      { validates: null, problem: { code: 'bad-shape', detail: 'label' } },
    ],
    ['signed answered something else', okBody('<html>'), failed('unreachable'), { validates: null, problem: { code: 'not-json' } }],
  ])('%s', (_, good, broken, expected) => {
    expect(judgeDnssec(good, broken, LABEL)).toEqual(expected);
  });
});

describe('parseDnssecReached', () => {
  it('is the very label asked, as a DNS label can be', () => {
    expect(parseDnssecReached(JSON.stringify({ label: LABEL }), LABEL)).toEqual({ ok: true, value: true });
    // Longer than a DNS label: no name of ours, even when it is what was expected.
    const long = `dnssec-ok-${'a'.repeat(54)}`;
    expect(parseDnssecReached(JSON.stringify({ label: long }), long)).toEqual({
      ok: false,
      problem: { code: 'bad-shape', detail: 'label' },
    });
  });
});

describe('the DNSSEC check in probeDns', () => {
  it('asks both names once, with one fresh nonce, alongside our own DNS check', async () => {
    const gate = scriptedGate(resolverThat(echo, () => failed('unreachable')));
    const r = await probeDns(fakeDeps(gate), settings({ dns: ['leakless-dns'] }));
    expect(r.dnssec).toEqual({ validates: true });
    const asked = gate.requests.filter((q) => q.endpoint.id.startsWith('leakless-dnssec'));
    expect(asked.map((q) => q.endpoint.id).sort()).toEqual([DNSSEC_BROKEN, DNSSEC_GOOD]);
    expect(asked[0]?.values?.nonce).toMatch(/^[a-z0-9]{24}$/);
    expect(asked[1]?.values).toEqual(asked[0]?.values);
    expect(asked.map((q) => [q.accept, q.deadlineMs])).toEqual([
      ['application/json', 4000],
      ['application/json', 4000],
    ]);
    const second = scriptedGate(resolverThat(echo, echo));
    expect((await probeDns(fakeDeps(second), settings({ dns: ['leakless-dns'] }))).dnssec).toEqual({ validates: false });
    const nonces = [...gate.requests, ...second.requests].filter((q) => q.endpoint.id === DNSSEC_GOOD).map((q) => q.values?.nonce);
    expect(new Set(nonces).size).toBe(2);
  });

  it('not asked without our own server among the DNS providers: the result has no DNSSEC line', async () => {
    const gate = scriptedGate(resolverThat(echo, echo));
    const r = await probeDns(fakeDeps(gate), settings({ dns: ['mullvad-dns'] }));
    expect(r.dnssec).toBeUndefined();
    expect(gate.requests.some((q) => q.endpoint.id.startsWith('leakless-dnssec'))).toBe(false);
  });

  it('a build with only one of the two names asks neither: one answer alone proves nothing', async () => {
    for (const missing of [DNSSEC_GOOD, DNSSEC_BROKEN]) {
      const gate = scriptedGate(resolverThat(echo, () => failed('unreachable')));
      const registry = { ...TEST_REGISTRY, endpoints: TEST_REGISTRY.endpoints.filter((e) => e.id !== missing) };
      expect(await checkDnssec({ deps: fakeDeps(gate, { registry }), names: 6, deadlineMs: 4000 }), missing).toBeUndefined();
      expect(gate.requests).toEqual([]);
    }
  });

  it('a random source that throws breaks only this line', async () => {
    const gate = scriptedGate(resolverThat(echo, echo));
    let calls = 0;
    const deps = fakeDeps(gate, {
      randomToken: (n) => {
        if (n === 24) throw new Error('no randomness');
        return `${++calls}`.padStart(n ?? 32, 'a');
      },
    });
    const r = await probeDns(deps, settings({ dns: ['leakless-dns'] }));
    expect(r.dnssec).toEqual({ validates: null, problem: { code: 'internal' } });
    expect(r.observations.map((o) => o.endpointId)).toEqual(['leakless-dns']);
  });
});
