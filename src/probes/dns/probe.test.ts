import { describe, expect, it, vi } from 'vitest';
import { failed, okBody, okJson, type ScriptedGate, scriptedGate } from '../../net/testing/fake-gate';
import type { GateRequest, GateResponse } from '../../net/types';
import { fakeDeps, settings } from '../../probes/testing/fake-deps';
import { probeDns } from './probe';
import { BASHWS_RESULT, MULLVAD_DNS_CLEAN, MULLVAD_DNS_LEAK } from './samples';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A world where every provider works: Leakless echoes the token, Mullvad alternates clean/leak, bash.ws has a result. */
function happy(events: string[] = []) {
  let mullvad = 0;
  return (r: GateRequest): GateResponse => {
    events.push(r.endpoint.id);
    switch (r.endpoint.id) {
      case 'leakless-dns':
        return okJson({ token: r.values?.token, resolvers: [{ ip: '172.253.226.36', family: 4 }] });
      case 'mullvad-dns':
        return okBody(mullvad++ % 2 === 0 ? MULLVAD_DNS_CLEAN : MULLVAD_DNS_LEAK);
      case 'bashws-id':
        return okBody('8271634\n', 'text/plain');
      case 'bashws-lookup':
        return failed('unreachable');
      case 'bashws-result':
        return okBody(BASHWS_RESULT);
      default:
        return failed('internal');
    }
  };
}

const byId = (gate: ScriptedGate, id: string) => gate.requests.filter((r) => r.endpoint.id === id);

describe('probeDns', () => {
  it.each([6, 36])('uses %i fresh names per provider, each exactly once', async (n) => {
    const gate = scriptedGate(happy());
    const r = await probeDns(fakeDeps(gate), settings({ dnsNames: n }));
    const leak = byId(gate, 'leakless-dns').map((q) => q.values?.token ?? '');
    const mull = byId(gate, 'mullvad-dns').map((q) => q.values?.token ?? '');
    const bash = byId(gate, 'bashws-lookup').map((q) => `${q.values?.n}.${q.values?.id}`);
    expect(leak).toHaveLength(n);
    expect(mull).toHaveLength(n);
    expect(bash).toHaveLength(n);
    expect(new Set([...leak, ...mull, ...bash]).size).toBe(3 * n);
    for (const t of leak) expect(t).toMatch(/^[a-z0-9]{32}$/);
    for (const t of mull) expect(t).toMatch(UUID);
    for (const t of [...leak, ...mull]) expect(t).toMatch(LABEL);
    expect(byId(gate, 'bashws-lookup').map((q) => q.values?.n)).toEqual(Array.from({ length: n }, (_, i) => String(i + 1)));
    expect(r.namesResolved).toBe(2 * n);
  });

  it('merges resolvers across providers by address, keeping who saw them', async () => {
    const gate = scriptedGate(happy());
    const r = await probeDns(fakeDeps(gate), settings());
    expect(r.observations.map((o) => o.endpointId)).toEqual(['leakless-dns', 'mullvad-dns', 'bashws-result']);
    expect(r.resolvers).toEqual([
      {
        ip: '172.253.226.36',
        seenBy: ['leakless-dns', 'mullvad-dns', 'bashws-result'],
        country: 'DE',
        organization: 'Google LLC',
        asn: 15169,
      },
      { ip: '193.138.218.74', seenBy: ['mullvad-dns'], country: 'SE', organization: '31173 Services AB' },
      { ip: '2a00:1450:4001::104', seenBy: ['mullvad-dns', 'bashws-result'], country: 'DE', organization: 'Google LLC' },
      { ip: '194.71.118.1', seenBy: ['bashws-result'] },
    ]);
    const mullvad = r.observations[1]?.outcome;
    expect(mullvad?.ok && mullvad.value.every((x) => x.seenBy.length === 1 && x.seenBy[0] === 'mullvad-dns')).toBe(true);
  });

  it('asks bash.ws for an id, then looks up its names with a short deadline, then reads the result', async () => {
    const events: string[] = [];
    const gate = scriptedGate(happy(events));
    await probeDns(fakeDeps(gate), settings({ dns: ['bashws-result'], deadlineMs: 8000 }));
    expect(events).toEqual(['bashws-id', ...Array(6).fill('bashws-lookup'), 'bashws-result']);
    expect(byId(gate, 'bashws-lookup').every((q) => q.values?.id === '8271634' && q.deadlineMs === 3000)).toBe(true);
    expect(byId(gate, 'bashws-result')[0]).toMatchObject({ values: { id: '8271634' }, accept: 'application/json', deadlineMs: 8000 });
  });

  it('counts a bash.ws lookup that got an HTTP status as resolved', async () => {
    const base = happy();
    const gate = scriptedGate((r) => (r.endpoint.id === 'bashws-lookup' ? failed('http-status', 404) : base(r)));
    const r = await probeDns(fakeDeps(gate), settings({ dns: ['bashws-result'], deadlineMs: 1000 }));
    expect(r.namesResolved).toBe(6);
    expect(byId(gate, 'bashws-lookup').every((q) => q.deadlineMs === 1000)).toBe(true);
  });

  it('runs providers and their lookups in parallel', async () => {
    const held: (() => void)[] = [];
    const base = happy();
    const gate = scriptedGate((r) => new Promise((resolve) => held.push(() => resolve(base(r)))));
    const pending = probeDns(fakeDeps(gate), settings({ dns: ['leakless-dns', 'mullvad-dns'] }));
    // Every lookup is held at once before any is released (the Leakless labels are hashed first, asynchronously),
    // and the two DNSSEC names with them.
    await vi.waitFor(() => expect(held).toHaveLength(14));
    for (const release of held) release();
    expect((await pending).observations).toHaveLength(2);
  });

  it('a provider whose names do not resolve fails alone; zero resolvers is a valid answer', async () => {
    const base = happy();
    const gate = scriptedGate((r) => {
      if (r.endpoint.id === 'mullvad-dns') return failed('unreachable');
      if (r.endpoint.id === 'leakless-dns') return okJson({ token: r.values?.token, resolvers: [] });
      return base(r);
    });
    const r = await probeDns(fakeDeps(gate), settings());
    expect(r.observations.map((o) => o.outcome)).toEqual([
      { ok: true, value: [] },
      { ok: false, problem: { code: 'unreachable' } },
      expect.objectContaining({ ok: true }),
    ]);
    expect(r.namesResolved).toBe(6);
  });

  it('keeps partial answers: one good lookup among failures is enough', async () => {
    let i = 0;
    const base = happy();
    const gate = scriptedGate((r) => (r.endpoint.id === 'leakless-dns' && i++ > 0 ? failed('timeout') : base(r)));
    const r = await probeDns(fakeDeps(gate), settings({ dns: ['leakless-dns'] }));
    expect(r.observations[0]?.outcome).toEqual({ ok: true, value: [{ ip: '172.253.226.36', seenBy: ['leakless-dns'] }] });
    expect(r.namesResolved).toBe(1);
  });

  it('fails bash.ws on a bad id without any lookup', async () => {
    const base = happy();
    const gate = scriptedGate((r) => (r.endpoint.id === 'bashws-id' ? okBody('<html>blocked</html>', 'text/html') : base(r)));
    const r = await probeDns(fakeDeps(gate), settings({ dns: ['bashws-result'] }));
    expect(r.observations[0]?.outcome).toEqual({ ok: false, problem: { code: 'bad-shape', detail: 'id' } });
    expect(gate.requests).toHaveLength(1);
  });

  it('never throws: a throwing gate or a broken token source costs only that provider', async () => {
    const base = happy();
    const gate = scriptedGate((r) => {
      if (r.endpoint.id === 'bashws-id') throw new Error('bug');
      return base(r);
    });
    const r = await probeDns(fakeDeps(gate), settings());
    expect(r.observations.map((o) => (o.outcome.ok ? 'ok' : o.outcome.problem.code))).toEqual(['ok', 'ok', 'internal']);
    // A source repeating itself would reuse a name (answered from cache): refused rather than used.
    const same = await probeDns(fakeDeps(scriptedGate(happy()), { randomToken: () => 'same' }), settings());
    expect(same.observations.map((o) => (o.outcome.ok ? 'ok' : o.outcome.problem.code))).toEqual(['internal', 'internal', 'ok']);
  });

  it('ignores unknown or non-DNS ids and asks each provider once', async () => {
    const gate = scriptedGate(happy());
    const r = await probeDns(fakeDeps(gate), settings({ dns: ['nope', 'ipify-ipv4', 'bashws-lookup', 'mullvad-dns', 'mullvad-dns'] }));
    expect(r.observations.map((o) => o.endpointId)).toEqual(['mullvad-dns']);
    expect(byId(gate, 'mullvad-dns')).toHaveLength(6);
  });
});
