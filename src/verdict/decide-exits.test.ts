// Rows where the two exits know different things: the rule must look at the exit that has the fact.
import { describe, expect, it } from 'vitest';
import { decide } from '.';
import { absent, CLEAN, dns, EXIT6, failed, ip, locale, resolver, webrtc } from './fixtures';

const v4NoCountry = ip(4, '185.65.135.10', { organization: 'M247 Europe SRL' });
const v6 = (meta = {}) => ip(6, EXIT6, meta);

describe('decide: facts on one exit only', () => {
  it('the exit country comes from the exit that has one', () => {
    const verdict = decide({
      ...CLEAN,
      ipv4: v4NoCountry,
      ipv6: v6({ country: 'CH', organization: 'M247 Europe SRL' }),
      dns: dns(resolver('89.246.1.1', { country: 'DE' })),
    });
    expect(verdict.level).toBe('leak');
    expect(verdict.reasons.map((r) => [r.code, r.params])).toEqual([['dns-other-country', ['89.246.1.1', 'DE', 'CH']]]);
  });

  it('the time zone is compared with the country of the exit that has one', () => {
    const verdict = decide({
      ...CLEAN,
      ipv4: v4NoCountry,
      ipv6: v6({ country: 'DE', organization: 'M247 Europe SRL' }),
      locale: locale('Europe/Zurich', ['CH']),
    });
    expect(verdict.level).toBe('clean');
    expect(verdict.reasons.map((r) => [r.code, r.params])).toEqual([['timezone-mismatch', ['Europe/Zurich', 'DE']]]);
  });

  it('IPv4 failed, IPv6 without metadata: nothing to compare IPv6 with, so no "uncompared" warning', () => {
    const verdict = decide({ ...CLEAN, ipv4: failed(), ipv6: v6({}), webrtc: webrtc({ publicIps: [EXIT6] }) });
    expect(verdict.level).toBe('unknown');
    expect(verdict.reasons.map((r) => [r.code, r.params])).toEqual([['ip-unknown', ['4']]]);
  });

  it('WebRTC shows an IPv4 while the web has none (IPv4 absent) but has an IPv6: a leak', () => {
    const verdict = decide({ ...CLEAN, ipv4: absent(4), ipv6: v6({ country: 'CH' }), webrtc: webrtc({ publicIps: ['81.2.69.160'] }) });
    expect(verdict.level).toBe('leak');
    expect(verdict.reasons.map((r) => [r.code, r.params])).toEqual([['webrtc-reveals-other-ip', ['81.2.69.160', EXIT6]]]);
  });
});
