// The verdict's table, part two: what the resolvers reveal (organisation, country, ECS, DNSSEC) and the locale.
import { describe, it } from 'vitest';
import { dns, dnssec, done, EXIT4, failed, ip, locale, M247, resolver, webrtc } from './fixtures';
import { expectRow, type Row, v4, v6 } from './verdict-rows';

const rows: Row[] = [
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
];

describe('decide: resolvers and locale', () => {
  it.each(rows)('$name → $level', (row) => expectRow(row));
});
