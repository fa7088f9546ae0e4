import { describe, expect, it } from 'vitest';
import type { CheckResults } from '../model';
import { decide, MAX_PER_KIND } from '.';
import { absent, CLEAN, dns, done, EXIT4, EXIT6, failed, ip, locale, M247, partial, pending, resolver, webrtc } from './fixtures';
import { expectRow, type Row, v6 } from './verdict-rows';

const ALL_PENDING: CheckResults = {
  ipv4: pending,
  ipv6: pending,
  dns: pending,
  webrtc: pending,
  securedns: pending,
  headers: pending,
  locale: pending,
};

const rows: Row[] = [
  { name: 'VPN, nothing leaks', patch: {}, level: 'clean', codes: ['no-leak'] },
  // WebRTC
  {
    name: 'WebRTC shows another IPv4',
    patch: { webrtc: webrtc({ publicIps: ['81.2.69.160'] }) },
    level: 'leak',
    codes: ['webrtc-reveals-other-ip'],
    params: [['81.2.69.160', EXIT4]],
  },
  {
    name: 'WebRTC shows an IPv6 the web does not have',
    patch: { webrtc: webrtc({ publicIps: [EXIT4, '2001:4860:1::5'] }) },
    level: 'leak',
    codes: ['webrtc-reveals-other-ip'],
    params: [['2001:4860:1::5', EXIT4]],
  },
  {
    name: 'WebRTC IPv6 equals the web IPv6 in another spelling',
    patch: { ipv6: v6(), webrtc: webrtc({ publicIps: ['2A03:1B20:3:F011:0:0:0:A10F'] }) },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'WebRTC IPv6 while the IPv6 check failed',
    patch: { ipv6: failed(), webrtc: webrtc({ publicIps: [EXIT4, EXIT6] }) },
    level: 'unknown',
    codes: ['webrtc-reveals-ip-no-web-ip', 'ip-unknown'],
    params: [[EXIT6], ['6']],
  },
  {
    name: 'WebRTC IPv6 while IPv6 is pending',
    patch: { ipv6: pending, webrtc: webrtc({ publicIps: [EXIT6] }) },
    level: 'unknown',
    codes: ['webrtc-reveals-ip-no-web-ip'],
  },
  {
    name: 'local addresses every page can read (gathered as pages are: Firefox)',
    patch: { webrtc: webrtc({ localIps: ['192.168.1.20', 'fe80::1'], hostView: 'pages' }) },
    level: 'clean',
    codes: ['local-ips-exposed'],
    params: [['192.168.1.20, fe80::1']],
  },
  {
    name: 'local addresses only sites allowed camera or microphone can read (Chromium popup relay)',
    patch: { webrtc: webrtc({ localIps: ['192.168.1.20', 'fe80::1'], hostView: 'privileged' }) },
    level: 'clean',
    codes: ['no-leak', 'local-ips-permitted-sites'],
    params: [[], ['192.168.1.20, fe80::1']],
  },
  {
    name: 'privileged view with every host address masked',
    patch: { webrtc: webrtc({ mdnsMasked: 2, hostView: 'privileged' }) },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'WebRTC disabled',
    patch: { webrtc: done({ status: 'disabled', publicIps: [], localIps: [], mdnsMasked: 0, hostView: 'pages', observations: [] }) },
    level: 'clean',
    codes: ['no-leak', 'webrtc-disabled'],
  },
  // A part that could not be checked could be the one that leaks: "can't tell", never "no leak found".
  { name: 'WebRTC probe failed', patch: { webrtc: failed('internal') }, level: 'unknown', codes: ['webrtc-unknown'] },
  // IPv6 through another network
  {
    name: 'IPv6 from another ASN',
    patch: { ipv6: v6({ country: 'CH', organization: 'Swisscom', asn: 3303 }) },
    level: 'leak',
    codes: ['ipv6-other-network'],
    params: [['Swisscom', 'M247 Europe SRL']],
  },
  { name: 'IPv6 same ASN, other name', patch: { ipv6: v6({ organization: 'M247 Ltd', asn: 9009 }) }, level: 'clean', codes: ['no-leak'] },
  {
    name: 'IPv6 same name in other case, no ASN',
    patch: { ipv4: ip(4, EXIT4, { organization: 'M247' }), ipv6: v6({ organization: ' m247 ' }) },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'IPv6 other name, no ASN',
    patch: { ipv4: ip(4, EXIT4, { organization: 'M247' }), ipv6: v6({ organization: 'Deutsche Telekom AG' }) },
    level: 'leak',
    codes: ['ipv6-other-network'],
  },
  {
    name: 'IPv6 other country, nothing else known',
    patch: { ipv6: v6({ country: 'DE' }), ipv4: ip(4, EXIT4, { country: 'CH' }) },
    level: 'leak',
    codes: ['ipv6-other-network'],
    params: [[EXIT6, EXIT4]],
  },
  {
    name: 'IPv6 not a VPN exit while IPv4 is',
    patch: { ipv4: ip(4, EXIT4, { ...M247, vpnExit: true }), ipv6: v6({ ...M247, vpnExit: false }) },
    level: 'leak',
    codes: ['ipv6-other-network', 'vpn-exit'],
  },
  // Nothing to compare the networks by: not a leak claim, but no "nothing reveals more" either.
  { name: 'IPv6 without metadata', patch: { ipv6: v6({}) }, level: 'clean', codes: ['ipv6-uncompared'], params: [[EXIT6]] },
  { name: 'IPv6 with only its country', patch: { ipv6: v6({ country: 'CH' }) }, level: 'clean', codes: ['no-leak'] },
  // What is unknown
  {
    name: 'IPv4 failed, IPv6 known',
    patch: { ipv4: failed(), ipv6: v6(), webrtc: webrtc({ publicIps: [EXIT6] }) },
    level: 'unknown',
    codes: ['ip-unknown'],
    params: [['4']],
  },
  { name: 'IPv4 failed, no IPv6', patch: { ipv4: failed(), webrtc: webrtc() }, level: 'unknown', codes: ['ip-unknown'] },
  {
    name: 'offline: both families absent',
    patch: { ipv4: absent(4), webrtc: webrtc() },
    level: 'unknown',
    codes: ['ip-unknown'],
    params: [['4']],
  },
  { name: 'IPv4 providers answered nonsense', patch: { ipv4: ip(4, null), webrtc: webrtc() }, level: 'unknown', codes: ['ip-unknown'] },
  // Streaming
  { name: 'everything pending', patch: ALL_PENDING, level: 'unknown', codes: [] },
  { name: 'only DNS still pending', patch: { dns: pending }, level: 'unknown', codes: [] },
  {
    name: 'a leak is final while others are pending',
    patch: { ...ALL_PENDING, ipv4: CLEAN.ipv4, webrtc: webrtc({ publicIps: ['81.2.69.160'] }) },
    level: 'leak',
    codes: ['webrtc-reveals-other-ip'],
  },
  // Provisional sections (some providers answered, others still out): never "no leak" while one is open.
  { name: 'IPv4 provisional, everything else clean', patch: { ipv4: partial(CLEAN.ipv4) }, level: 'unknown', codes: [] },
  { name: 'IPv6 provisional, everything else clean', patch: { ipv6: partial(v6()) }, level: 'unknown', codes: [] },
  {
    name: 'DNS provisional, own-network resolver so far (bash.ws still out)',
    patch: { dns: partial(CLEAN.dns, ['bashws-result']) },
    level: 'unknown',
    codes: [],
  },
  {
    name: 'WebRTC provisional: local addresses known, STUN still out',
    patch: { webrtc: partial(webrtc({ mdnsMasked: 1 }), ['leakless-stun']) },
    level: 'unknown',
    codes: [],
  },
  {
    name: 'every section provisional',
    patch: { ipv4: partial(CLEAN.ipv4), dns: partial(CLEAN.dns), webrtc: partial(CLEAN.webrtc) },
    level: 'unknown',
    codes: [],
  },
  {
    name: 'a provisional IPv4 with no address yet is not yet unknown',
    patch: { ipv4: partial(ip(4, null)), webrtc: webrtc() },
    level: 'unknown',
    codes: [],
  },
  {
    name: 'a leak in a provisional DNS section is a leak at once',
    patch: { dns: partial(dns(resolver('89.246.1.1', { country: 'DE', organization: 'Vodafone', asn: 3209 })), ['bashws-result']) },
    level: 'leak',
    codes: ['dns-other-country'],
    params: [['89.246.1.1', 'DE', 'CH']],
  },
  {
    name: 'a provisional IPv4 exit already shows a WebRTC leak',
    patch: { ipv4: partial(CLEAN.ipv4), webrtc: webrtc({ publicIps: ['81.2.69.160'] }) },
    level: 'leak',
    codes: ['webrtc-reveals-other-ip'],
    params: [['81.2.69.160', EXIT4]],
  },
  {
    name: 'leaks, then warnings, then unknown, then information',
    patch: {
      webrtc: webrtc({ publicIps: ['81.2.69.160'], localIps: ['10.0.0.2'] }),
      dns: failed(),
      securedns: done({ available: true, observations: [], isTRR: true, resolverIps: [] }),
      locale: locale('Europe/Berlin', ['DE']),
    },
    level: 'leak',
    codes: ['webrtc-reveals-other-ip', 'local-ips-exposed', 'timezone-mismatch', 'dns-unknown', 'securedns-on'],
  },
];

describe('decide', () => {
  it.each(rows)('$name → $level', (row) => expectRow(row));

  it('gives one reason per distinct leaking resolver', () => {
    const other = { country: 'DE', organization: 'Vodafone', asn: 3209 };
    const verdict = decide({
      ...CLEAN,
      dns: dns(resolver('89.246.1.1', other), resolver('89.246.1.2', other), resolver('185.65.135.1', M247)),
    });
    expect(verdict.reasons.map((r) => r.params[0])).toEqual(['89.246.1.1', '89.246.1.2']);
  });

  it('marks severities consistently', () => {
    const verdict = decide({ ...CLEAN, webrtc: webrtc({ publicIps: ['81.2.69.160'], localIps: ['10.0.0.2'] }), dns: failed() });
    expect(verdict.reasons.map((r) => r.severity)).toEqual(['leak', 'warning', 'warning']);
  });
});

describe('decide: bounded', () => {
  it('lists at most MAX_PER_KIND leaks, however many resolvers a provider reports', () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      resolver(`81.2.${Math.floor(i / 250)}.${(i % 250) + 1}`, { country: 'GB', organization: `ISP ${i}` }),
    );
    const verdict = decide({ ...CLEAN, dns: dns(...many) });
    expect(verdict.level).toBe('leak');
    expect(verdict.reasons.filter((r) => r.severity === 'leak')).toHaveLength(MAX_PER_KIND);
  });
});
