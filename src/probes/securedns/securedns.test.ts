import { describe, expect, it, vi } from 'vitest';
import { buildRegistry, type Endpoint } from '../../endpoints';
import type { Settings } from '../../model';
import type { Gate, ResolveResponse } from '../../net/types';
import type { ProbeDeps } from '../deps';
import { probeSecureDns } from '.';

const registry = buildRegistry('https://check.example.org');
const settings: Settings = {
  ipv4: [],
  ipv6: [],
  dns: [],
  webrtc: [],
  securedns: ['leakless-whoami', 'akamai-whoami'],
  headers: [],
  dnsNames: 6,
  deadlineMs: 5000,
};

function depsWith(answers: Record<string, ResolveResponse | Error>) {
  const resolve = vi.fn(
    async (endpoint: Endpoint, _values?: Readonly<Record<string, string>>, _flags?: readonly string[]): Promise<ResolveResponse> => {
      const answer = answers[endpoint.id];
      if (answer instanceof Error) throw answer;
      return answer ?? { ok: false, problem: { code: 'unavailable' } };
    },
  );
  const gate: Gate = { get: () => Promise.reject(new Error('unused')), resolve };
  let token = 0;
  const deps: ProbeDeps = {
    registry,
    gate,
    ledger: { record: () => {} },
    RTCPeerConnection: null,
    randomToken: () => `tok${++token}`,
    now: () => 0,
    timeZone: () => 'UTC',
    languages: () => [],
  };
  return { deps, resolve };
}

const ok = (addresses: string[], isTRR: boolean): ResolveResponse => ({ ok: true, answer: { addresses, isTRR } });

describe('probeSecureDns', () => {
  it('asks each whoami endpoint with a fresh token and bypass_cache', async () => {
    const { deps, resolve } = depsWith({ 'leakless-whoami': ok(['162.158.1.1'], true), 'akamai-whoami': ok(['172.253.1.2'], false) });
    const result = await probeSecureDns(deps, settings);
    expect(resolve.mock.calls.map((call) => [call[0].id, call[1], call[2]])).toEqual([
      ['leakless-whoami', { token: 'tok1' }, ['bypass_cache']],
      ['akamai-whoami', {}, ['bypass_cache']],
    ]);
    expect(result).toMatchObject({ available: true, isTRR: true, resolverIps: ['162.158.1.1', '172.253.1.2'] });
  });

  it('is unavailable when the gate says so for every endpoint (not Firefox)', async () => {
    const { deps } = depsWith({});
    expect(await probeSecureDns(deps, settings)).toMatchObject({ available: false, isTRR: null, resolverIps: [] });
  });

  it('keeps one answer when the other fails, and dedupes addresses', async () => {
    const { deps } = depsWith({
      'leakless-whoami': { ok: false, problem: { code: 'timeout' } },
      'akamai-whoami': ok(['::ffff:9.9.9.9', '9.9.9.9', '2620:fe::fe'], false),
    });
    const result = await probeSecureDns(deps, settings);
    expect(result).toMatchObject({ available: true, isTRR: false, resolverIps: ['9.9.9.9', '2620:fe::fe'] });
    expect(result.observations[0]?.outcome).toEqual({ ok: false, problem: { code: 'timeout' } });
  });

  it('rejects answers that cannot be a resolver egress address', async () => {
    const { deps } = depsWith({ 'leakless-whoami': ok(['10.0.0.1'], false), 'akamai-whoami': ok(['garbage'], false) });
    const result = await probeSecureDns(deps, settings);
    expect(result.observations.map((o) => o.outcome)).toEqual([
      { ok: false, problem: { code: 'not-public' } },
      { ok: false, problem: { code: 'not-an-ip' } },
    ]);
    expect(result).toMatchObject({ available: true, isTRR: null, resolverIps: [] });
  });

  it('turns a throwing gate into an internal problem', async () => {
    const { deps } = depsWith({ 'akamai-whoami': new Error('bug') });
    const result = await probeSecureDns(deps, { ...settings, securedns: ['akamai-whoami'] });
    expect(result.observations[0]?.outcome).toEqual({ ok: false, problem: { code: 'internal' } });
  });

  it('ignores ids that are not securedns endpoints of this registry', async () => {
    const { deps, resolve } = depsWith({});
    const result = await probeSecureDns(deps, { ...settings, securedns: ['mullvad-dns', 'nope'] });
    expect(resolve).not.toHaveBeenCalled();
    expect(result).toEqual({ available: true, observations: [], isTRR: null, resolverIps: [] });
  });
});
