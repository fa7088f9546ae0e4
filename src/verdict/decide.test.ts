import { describe, expect, it } from 'vitest';
import type { CheckResults, IpMeta, ReasonCode, VerdictLevel } from '../model';
import { decide, MAX_PER_KIND } from '.';
import { absent, CLEAN, dns, dnssec, done, EXIT4, EXIT6, failed, ip, locale, M247, partial, pending, resolver, webrtc } from './fixtures';

interface Row {
  readonly name: string;
  readonly patch: Partial<CheckResults>;
  readonly level: VerdictLevel;
  readonly codes: readonly ReasonCode[];
  readonly params?: readonly (readonly string[])[];
}

const v6 = (meta: IpMeta = M247) => ip(6, EXIT6, meta);
const v4 = (meta: IpMeta = M247) => ip(4, EXIT4, meta);
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
  // EDNS Client Subnet: what the resolver tells every authoritative server
  {
    name: "resolver forwards the home network's subnet, not the exit's (ECS leak)",
    patch: { dns: dns(resolver('185.65.135.1', { ...M247, ecs: '84.171.20.0/24' })) },
    level: 'leak',
    codes: ['dns-ecs-other-network'],
    params: [['84.171.20.0/24', '185.65.135.1']],
  },
  {
    name: "resolver forwards the exit's own subnet (information only)",
    patch: { dns: dns(resolver('185.65.135.1', { ...M247, ecs: '185.65.135.0/24' })) },
    level: 'clean',
    codes: ['no-leak', 'dns-ecs-exit'],
    params: [[], ['185.65.135.0/24', '185.65.135.1']],
  },
  {
    name: 'resolver forwards a private subnet: says nothing about the network',
    patch: { dns: dns(resolver('185.65.135.1', { ...M247, ecs: '10.64.0.0/24' })) },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'IPv6 ECS while the web has no IPv6 at all',
    patch: { dns: dns(resolver('185.65.135.1', { ...M247, ecs: '2001:4860:1::/56' })) },
    level: 'leak',
    codes: ['dns-ecs-other-network'],
    params: [['2001:4860:1::/56', '185.65.135.1']],
  },
  {
    name: 'IPv6 ECS inside the IPv6 exit',
    patch: { ipv6: v6(), dns: dns(resolver('185.65.135.1', { ...M247, ecs: '2a03:1b20:3::/48' })) },
    level: 'clean',
    codes: ['no-leak', 'dns-ecs-exit'],
    params: [[], ['2a03:1b20:3::/48', '185.65.135.1']],
  },
  {
    name: 'IPv6 ECS while the IPv6 check failed: cannot compare',
    patch: { ipv6: failed(), dns: dns(resolver('185.65.135.1', { ...M247, ecs: '2001:4860:1::/56' })) },
    level: 'unknown',
    codes: ['ip-unknown'],
    params: [['6']],
  },
  // DNS
  {
    name: 'resolver in another country',
    patch: { dns: dns(resolver('89.246.1.1', { country: 'de', organization: 'Vodafone', asn: 3209 })) },
    level: 'leak',
    codes: ['dns-other-country'],
    params: [['89.246.1.1', 'DE', 'CH']],
  },
  {
    name: 'resolver of another operator in the same country',
    patch: { dns: dns(resolver('195.186.1.111', { country: 'CH', organization: 'Swisscom', asn: 3303 })) },
    level: 'leak',
    codes: ['dns-other-organization'],
    params: [['195.186.1.111', 'Swisscom', 'M247 Europe SRL']],
  },
  {
    // The common DNS leak: the ISP's resolver in the exit's own country. Exits rarely come with an ASN.
    name: 'resolver of another operator, ASN unknown, same country',
    patch: { dns: dns(resolver('195.186.1.111', { country: 'CH', organization: 'Swisscom' })) },
    level: 'leak',
    codes: ['dns-other-organization'],
    params: [['195.186.1.111', 'Swisscom', 'M247 Europe SRL']],
  },
  {
    name: 'resolver of the same operator under another legal name, no ASN on either side',
    patch: {
      ipv4: v4({ country: 'CH', organization: 'M247 Europe SRL' }),
      dns: dns(resolver('185.213.1.1', { country: 'CH', organization: 'M247 Ltd' })),
    },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'an ISP resolver while the exit has no ASN (Mullvad-style metadata)',
    patch: {
      ipv4: v4({ country: 'DE', organization: 'M247 Europe SRL', vpnExit: true }),
      ipv6: v6({ country: 'DE', organization: 'M247 Europe SRL', vpnExit: true }),
      dns: dns(resolver('217.0.43.1', { country: 'DE', organization: 'Deutsche Telekom AG', asn: 3320 })),
    },
    level: 'leak',
    codes: ['dns-other-organization', 'timezone-mismatch', 'vpn-exit'],
  },
  { name: 'resolver without metadata', patch: { dns: dns(resolver('9.9.9.9')) }, level: 'clean', codes: ['no-leak'] },
  {
    name: "VPN's own resolver abroad (same ASN)",
    patch: { dns: dns(resolver('185.213.1.1', { country: 'SE', asn: 9009 })) },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'IPv6 resolver of the IPv6 exit operator (macvk/dnsleaktest#24)',
    patch: {
      ipv6: v6({ country: 'CH', organization: 'Init7', asn: 13030 }),
      ipv4: ip(4, EXIT4, { country: 'CH', organization: 'Init7', asn: 13030 }),
      dns: dns(resolver('2001:1620::1', { country: 'CH', asn: 13030 })),
    },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'resolver seen, IP not known',
    patch: { ipv4: failed(), webrtc: webrtc(), dns: dns(resolver('89.246.1.1', { country: 'DE' })) },
    level: 'unknown',
    codes: ['ip-unknown'],
  },
  { name: 'DNS failed', patch: { dns: failed() }, level: 'unknown', codes: ['dns-unknown'] },
  { name: 'DNS answered without resolvers', patch: { dns: dns() }, level: 'unknown', codes: ['dns-unknown'] },
  {
    name: 'DNS and WebRTC both failed',
    patch: { dns: failed(), webrtc: failed('internal') },
    level: 'unknown',
    codes: ['dns-unknown', 'webrtc-unknown'],
  },
  // Locale, providers, information
  {
    name: 'time zone of another country',
    patch: { locale: locale('Europe/Berlin', ['DE']) },
    level: 'clean',
    codes: ['timezone-mismatch'],
    params: [['Europe/Berlin', 'CH']],
  },
  { name: 'UTC says nothing', patch: { locale: locale('UTC', []) }, level: 'clean', codes: ['no-leak'] },
  // DNSSEC: a resolver that accepts a mis-signed answer is a warning, not a leak; can't tell says nothing.
  { name: 'resolver validates DNSSEC', patch: { dns: dnssec(true) }, level: 'clean', codes: ['no-leak'] },
  {
    name: 'resolver does not validate DNSSEC',
    patch: { dns: dnssec(false) },
    level: 'clean',
    codes: ['dnssec-not-validated'],
    params: [[]],
  },
  { name: "DNSSEC can't tell", patch: { dns: dnssec(null) }, level: 'clean', codes: ['no-leak'] },
  {
    name: 'DNSSEC not validated next to a DNS leak',
    patch: { dns: dnssec(false, resolver('217.0.43.1', { country: 'DE', asn: 3320 })) },
    level: 'leak',
    codes: ['dns-other-country', 'dnssec-not-validated'],
  },
  {
    name: 'providers disagree on IPv4',
    patch: {
      ipv4: ip(4, EXIT4, M247, {
        disagreement: true,
        observations: [
          { endpointId: 'mullvad-ipv4', outcome: { ok: true, value: { ip: EXIT4, meta: {} } }, ms: 1 },
          { endpointId: 'ipify-ipv4', outcome: { ok: true, value: { ip: '81.2.69.160', meta: {} } }, ms: 1 },
          { endpointId: 'cloudflare-ipv4', outcome: { ok: false, problem: { code: 'timeout' } }, ms: 1 },
        ],
      }),
    },
    level: 'clean',
    codes: ['providers-disagree'],
    params: [['4', `${EXIT4}, 81.2.69.160`]],
  },
  {
    name: 'secure DNS on and a known VPN exit',
    patch: {
      ipv4: ip(4, EXIT4, { ...M247, vpnExit: true }),
      securedns: done({ available: true, observations: [], isTRR: true, resolverIps: ['162.158.1.1'] }),
    },
    level: 'clean',
    codes: ['no-leak', 'securedns-on', 'vpn-exit'],
    params: [[], [], ['Mullvad']],
  },
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
  it.each(rows)('$name → $level', ({ patch, level, codes, params }) => {
    const verdict = decide({ ...CLEAN, ...patch });
    expect(verdict.level).toBe(level);
    expect(verdict.reasons.map((r) => r.code)).toEqual(codes);
    if (params) expect(verdict.reasons.map((r) => r.params)).toEqual(params);
  });

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
