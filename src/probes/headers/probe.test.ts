import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../endpoints';
import { failed, okBody, okJson, scriptedGate } from '../../net/testing/fake-gate';
import { fakeDeps, settings } from '../testing/fake-deps';
import { probeHeaders } from '.';

const XFF = { name: 'x-forwarded-for', value: '84.171.20.7' };

describe('probeHeaders', () => {
  it("asks our server's echo once, for JSON, at the user's deadline, and reads the headers added", async () => {
    const gate = scriptedGate(() => okJson({ ip: '11.22.33.44', headers: [XFF] }));
    const result = await probeHeaders(fakeDeps(gate), settings({ headers: ['leakless-headers', 'leakless-headers'] }));
    expect(gate.requests.map((q) => [q.endpoint.id, q.accept, q.deadlineMs])).toEqual([['leakless-headers', 'application/json', 4000]]);
    expect(result.headers).toEqual([{ name: 'X-Forwarded-For', value: '84.171.20.7', ips: ['84.171.20.7'] }]);
    expect(result.observations.map((o) => o.endpointId)).toEqual(['leakless-headers']);
  });

  it("can't tell when the echo fails or lies: the observation says why", async () => {
    const down = await probeHeaders(fakeDeps(scriptedGate(() => failed('timeout'))), settings({ headers: ['leakless-headers'] }));
    expect(down).toMatchObject({ headers: null, observations: [{ outcome: { ok: false, problem: { code: 'timeout' } } }] });
    const lying = await probeHeaders(fakeDeps(scriptedGate(() => okBody('<html>'))), settings({ headers: ['leakless-headers'] }));
    expect(lying).toMatchObject({ headers: null, observations: [{ outcome: { ok: false, problem: { code: 'not-json' } } }] });
    const throwing = scriptedGate(() => Promise.reject(new Error('bug')));
    expect((await probeHeaders(fakeDeps(throwing), settings({ headers: ['leakless-headers'] }))).observations[0]?.outcome).toEqual({
      ok: false,
      problem: { code: 'internal' },
    });
  });

  it('asks nobody without our server, or for ids that are not header echoes', async () => {
    const gate = scriptedGate(() => okJson({ headers: [XFF] }));
    const publicOnly = fakeDeps(gate, { registry: buildRegistry(null) });
    expect(await probeHeaders(publicOnly, settings({ headers: ['leakless-headers'] }))).toEqual({ observations: [], headers: null });
    expect(await probeHeaders(fakeDeps(gate), settings({ headers: ['leakless-ipv4', 'nope'] }))).toEqual({
      observations: [],
      headers: null,
    });
    expect(gate.requests).toEqual([]);
  });
});
