import { describe, expect, it } from 'vitest';
import { failed, okBody, okJson, scriptedGate } from '../../net/testing/fake-gate';
import type { GateRequest, GateResponse } from '../../net/types';
import { fakeDeps, settings } from '../../probes/testing/fake-deps';
import { safeParse } from './adapters';
import { probeIp } from './probe';
import { CLOUDFLARE_TRACE, MULLVAD_EXIT_V4 } from './samples';

const answers: Record<string, GateResponse> = {
  'leakless-ipv4': okJson({ ip: '185.65.134.77', family: 4 }),
  'mullvad-ipv4': okBody(MULLVAD_EXIT_V4),
  'ipify-ipv4': okJson({ ip: '185.65.134.77' }),
  'cloudflare-ipv4': okBody(CLOUDFLARE_TRACE, 'text/plain'),
};

describe('probeIp', () => {
  it('asks every enabled endpoint of the family, with the right Accept and deadline, and combines', async () => {
    const gate = scriptedGate((r) => answers[r.endpoint.id] ?? failed('internal'));
    const r = await probeIp(fakeDeps(gate), settings(), 4);
    expect(gate.requests.map((q) => [q.endpoint.id, q.accept, q.deadlineMs])).toEqual([
      ['leakless-ipv4', 'application/json', 4000],
      ['mullvad-ipv4', 'application/json', 4000],
      ['ipify-ipv4', 'application/json', 4000],
      ['cloudflare-ipv4', 'text/plain', 4000],
    ]);
    expect(r).toMatchObject({ family: 4, ip: '185.65.134.77', disagreement: false, absent: false });
    expect(r.meta).toEqual({ country: 'SE', city: 'Malmö', organization: 'M247 Europe SRL', vpnExit: true });
    expect(r.observations.map((o) => o.endpointId)).toEqual(['leakless-ipv4', 'mullvad-ipv4', 'ipify-ipv4', 'cloudflare-ipv4']);
    expect(r.observations.every((o) => o.outcome.ok && o.ms >= 0)).toBe(true);
  });

  it('runs the requests in parallel', async () => {
    const pending: ((r: GateResponse) => void)[] = [];
    const gate = scriptedGate((r) => new Promise((resolve) => pending.push(() => resolve(answers[r.endpoint.id] ?? failed('internal')))));
    const result = probeIp(fakeDeps(gate), settings(), 4);
    await new Promise((r) => setTimeout(r, 0));
    // All four are in flight before any has answered.
    expect(pending).toHaveLength(4);
    for (const release of pending) release(failed('internal'));
    expect((await result).observations).toHaveLength(4);
  });

  it('streams: each answer that leaves an address known is reported at once, with who is still out', async () => {
    const release: Record<string, (r: GateResponse) => void> = {};
    const gate = scriptedGate((r) => new Promise((resolve) => (release[r.endpoint.id] = resolve)));
    const partials: [string | null, number, readonly string[], string[]][] = [];
    const result = probeIp(fakeDeps(gate), settings(), 4, undefined, (so, answered, waiting) =>
      partials.push([so.ip, answered, waiting, so.observations.map((o) => o.endpointId)]),
    );
    const tick = () => new Promise((r) => setTimeout(r, 0));
    await tick();
    // A failure first says nothing yet; the first address is shown with it.
    release['cloudflare-ipv4']?.(failed('timeout'));
    await tick();
    release['ipify-ipv4']?.(answers['ipify-ipv4'] as GateResponse);
    await tick();
    release['mullvad-ipv4']?.(answers['mullvad-ipv4'] as GateResponse);
    await tick();
    // The last answer is the final result, not a partial one.
    release['leakless-ipv4']?.(answers['leakless-ipv4'] as GateResponse);
    const r = await result;
    expect(partials).toEqual([
      ['185.65.134.77', 2, ['leakless-ipv4', 'mullvad-ipv4'], ['ipify-ipv4', 'cloudflare-ipv4']],
      ['185.65.134.77', 3, ['leakless-ipv4'], ['mullvad-ipv4', 'ipify-ipv4', 'cloudflare-ipv4']],
    ]);
    expect(r.observations.map((o) => o.endpointId)).toEqual(['leakless-ipv4', 'mullvad-ipv4', 'ipify-ipv4', 'cloudflare-ipv4']);
  });

  it('skips unknown ids, duplicates and endpoints of another probe', async () => {
    const gate = scriptedGate((r) => answers[r.endpoint.id] ?? failed('internal'));
    await probeIp(fakeDeps(gate), settings({ ipv4: ['nope', 'ipify-ipv4', 'ipify-ipv6', 'mullvad-dns', 'ipify-ipv4', 'google-stun'] }), 4);
    expect(gate.requests.map((q: GateRequest) => q.endpoint.id)).toEqual(['ipify-ipv4']);
  });

  it('reports no IPv6 as absent, not as an error', async () => {
    const gate = scriptedGate(() => failed('unreachable'));
    const r = await probeIp(fakeDeps(gate), settings(), 6);
    expect(r).toMatchObject({ family: 6, ip: null, absent: true, disagreement: false });
    expect(gate.requests.map((q) => q.endpoint.probe)).toEqual(['ipv6', 'ipv6', 'ipv6']);
  });

  it('a lying provider fails alone; a throwing gate becomes internal', async () => {
    const gate = scriptedGate((r) => {
      if (r.endpoint.id === 'ipify-ipv4') return okBody('<html>captive</html>', 'text/html');
      if (r.endpoint.id === 'cloudflare-ipv4') throw new Error('gate bug');
      return answers[r.endpoint.id] ?? failed('internal');
    });
    const r = await probeIp(fakeDeps(gate), settings(), 4);
    expect(r.ip).toBe('185.65.134.77');
    expect(r.observations.map((o) => (o.outcome.ok ? 'ok' : o.outcome.problem.code))).toEqual(['ok', 'ok', 'not-json', 'internal']);
  });

  it('turns a throwing parser into an internal problem', () => {
    const boom = () => {
      throw new Error('bug');
    };
    expect(safeParse(boom, '', '', 4)).toEqual({ ok: false, problem: { code: 'internal', detail: 'parser' } });
  });
});
