import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../endpoints';
import { defaultSettings, sanitizeSettings, settingChoices } from './settings';

const publicOnly = buildRegistry(null);
const withServer = buildRegistry('https://check.example.org');

describe('defaultSettings', () => {
  it('uses public endpoints when no check server is compiled in', () => {
    expect(defaultSettings(publicOnly)).toEqual({
      ipv4: ['mullvad-ipv4', 'ipify-ipv4', 'cloudflare-ipv4'],
      ipv6: ['mullvad-ipv6', 'ipify-ipv6'],
      dns: ['mullvad-dns', 'bashws-result'],
      webrtc: ['cloudflare-stun'],
      securedns: ['akamai-whoami'],
      headers: [],
      dnsNames: 6,
      deadlineMs: 5000,
    });
  });

  it('puts the check server first and prefers it for STUN and whoami', () => {
    expect(defaultSettings(withServer)).toMatchObject({
      ipv4: ['leakless-ipv4', 'mullvad-ipv4', 'ipify-ipv4', 'cloudflare-ipv4'],
      ipv6: ['leakless-ipv6', 'mullvad-ipv6', 'ipify-ipv6'],
      dns: ['leakless-dns', 'mullvad-dns', 'bashws-result'],
      webrtc: ['leakless-stun'],
      securedns: ['leakless-whoami'],
      headers: ['leakless-headers'],
    });
  });

  it('offers only endpoints a user can pick', () => {
    const choices = settingChoices(withServer);
    expect(choices.dns).not.toContain('bashws-id');
    expect(choices.webrtc).toEqual(['leakless-stun', 'google-stun', 'cloudflare-stun']);
    // Only our own server echoes headers: the IPv4 endpoints on its host are no choice here.
    expect(choices.headers).toEqual(['leakless-headers']);
  });
});

describe('sanitizeSettings', () => {
  const defaults = defaultSettings(publicOnly);

  it.each([undefined, null, 42, 'settings', [], [1, 2]])('falls back to defaults for %j', (input) => {
    expect(sanitizeSettings(input, publicOnly)).toEqual(defaults);
  });

  it('keeps valid fields, drops unknown ids and duplicates', () => {
    const result = sanitizeSettings(
      { ipv4: ['ipify-ipv4', 'nope', 'ipify-ipv4', 'mullvad-ipv6'], ipv6: 'corrupt', webrtc: ['google-stun'], dnsNames: 36, extra: 1 },
      publicOnly,
    );
    expect(result).toEqual({ ...defaults, ipv4: ['ipify-ipv4'], webrtc: ['google-stun'], dnsNames: 36 });
  });

  it('keeps a list the user emptied, but not one emptied by a different build', () => {
    expect(sanitizeSettings({ webrtc: [] }, publicOnly).webrtc).toEqual([]);
    expect(sanitizeSettings({ webrtc: ['leakless-stun'], securedns: ['leakless-whoami'] }, publicOnly)).toMatchObject({
      webrtc: ['cloudflare-stun'],
      securedns: ['akamai-whoami'],
    });
  });

  it.each([
    [6, 6],
    [36, 36],
    [7, 6],
    ['36', 6],
    [null, 6],
  ])('dnsNames %j → %j', (dnsNames, expected) => {
    expect(sanitizeSettings({ dnsNames }, publicOnly).dnsNames).toBe(expected);
  });

  it.each([
    [5000, 5000],
    [10, 1000],
    [1e9, 30000],
    [2500.6, 2501],
    [Number.NaN, 5000],
    [Number.POSITIVE_INFINITY, 5000],
    ['5000', 5000],
  ])('deadlineMs %j → %j', (deadlineMs, expected) => {
    expect(sanitizeSettings({ deadlineMs }, publicOnly).deadlineMs).toBe(expected);
  });

  it('returns settings that survive another pass unchanged, for any input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const once = sanitizeSettings(input, withServer);
        expect(sanitizeSettings(once, withServer)).toEqual(once);
        expect([6, 36]).toContain(once.dnsNames);
        expect(once.deadlineMs).toBeGreaterThanOrEqual(1000);
        expect(once.deadlineMs).toBeLessThanOrEqual(30000);
      }),
    );
  });
});
