import { describe, expect, it } from 'vitest';
import type { IpMeta, Observation, ProblemCode, PublicIp } from '../../model';
import { combineIp } from './combine';

const said = (endpointId: string, ip: string, meta: IpMeta = {}): Observation<PublicIp> => ({
  endpointId,
  outcome: { ok: true, value: { ip, meta } },
  ms: 10,
});
const failed = (endpointId: string, code: ProblemCode): Observation<PublicIp> => ({
  endpointId,
  outcome: { ok: false, problem: { code } },
  ms: 10,
});

describe('combineIp', () => {
  it('agreement: one address, metadata merged first-wins, vpnExit true if anyone says so', () => {
    const r = combineIp(4, [
      said('leakless-ipv4', '185.65.134.77'),
      said('mullvad-ipv4', '185.65.134.77', { country: 'SE', city: 'Malmö', organization: 'M247 Europe SRL', vpnExit: true }),
      said('cloudflare-ipv4', '185.65.134.77', { country: 'NO', asn: 9009, vpnExit: false }),
    ]);
    expect(r).toMatchObject({ family: 4, ip: '185.65.134.77', disagreement: false, absent: false });
    expect(r.meta).toEqual({ country: 'SE', city: 'Malmö', organization: 'M247 Europe SRL', asn: 9009, vpnExit: true });
    expect(r.observations).toHaveLength(3);
  });

  it('disagreement: the majority wins, and metadata comes only from providers that agree with it', () => {
    const r = combineIp(4, [
      said('mullvad-ipv4', '89.45.90.12', { country: 'DE', vpnExit: false }),
      said('ipify-ipv4', '185.65.134.77'),
      said('cloudflare-ipv4', '185.65.134.77', { country: 'SE' }),
    ]);
    expect(r).toMatchObject({ ip: '185.65.134.77', disagreement: true, absent: false, meta: { country: 'SE' } });
    expect(r.meta.vpnExit).toBeUndefined();
  });

  it('a tie goes to the first provider in settings order', () => {
    expect(combineIp(4, [said('a', '89.45.90.12'), said('b', '185.65.134.77')]).ip).toBe('89.45.90.12');
    expect(combineIp(4, [said('b', '185.65.134.77'), said('a', '89.45.90.12')]).ip).toBe('185.65.134.77');
    expect(combineIp(4, [said('a', '1.1.1.1'), said('b', '8.8.8.8'), said('c', '8.8.8.8')]).ip).toBe('8.8.8.8');
  });

  it('absent IPv6: every provider failed to connect — a result, not an error', () => {
    const r = combineIp(6, [failed('mullvad-ipv6', 'unreachable'), failed('ipify-ipv6', 'timeout')]);
    expect(r).toEqual({ family: 6, observations: r.observations, ip: null, disagreement: false, absent: true, meta: {} });
  });

  it('not absent when a provider answered wrongly or nobody was asked', () => {
    expect(combineIp(6, [failed('mullvad-ipv6', 'unreachable'), failed('ipify-ipv6', 'not-json')]).absent).toBe(false);
    expect(combineIp(6, [failed('mullvad-ipv6', 'http-status')]).absent).toBe(false);
    expect(combineIp(6, []).absent).toBe(false);
    // Only timeouts: the network hangs; that is "could not check", not "no IPv6".
    expect(combineIp(6, [failed('mullvad-ipv6', 'timeout'), failed('ipify-ipv6', 'timeout')]).absent).toBe(false);
  });

  it('one liar costs only its own observation', () => {
    const liar: Observation<PublicIp> = {
      endpointId: 'ipify-ipv4',
      outcome: { ok: false, problem: { code: 'not-public', detail: 'private' } },
      ms: 3,
    };
    const r = combineIp(4, [said('mullvad-ipv4', '185.65.134.77', { country: 'SE' }), liar, said('cloudflare-ipv4', '185.65.134.77')]);
    expect(r).toMatchObject({ ip: '185.65.134.77', disagreement: false, absent: false, meta: { country: 'SE' } });
    expect(r.observations[1]).toBe(liar);
  });
});
