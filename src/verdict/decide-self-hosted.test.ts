// Verdict rows for a build that asks only its own check server: every fact about an address comes from the
// server's local databases (server/ipdata), which give country, ASN and organisation, never a city or a VPN flag.
import { describe, it } from 'vitest';
import type { CheckResults, Resolver } from '../model';
import { absent, CLEAN, dns, EXIT4, EXIT6, ip, locale, M247 } from './fixtures';
import { expectRow, type Row } from './verdict-rows';

const server = (address: string, meta: Partial<Resolver> = {}): Resolver => ({ ip: address, seenBy: ['leakless-dns'], ...meta });
const base: CheckResults = { ...CLEAN, ipv4: ip(4, EXIT4, M247), ipv6: absent(6), locale: locale('Europe/Zurich', ['CH']) };

const rows: Row[] = [
  {
    name: 'the VPN’s own resolver: the exit’s ASN',
    patch: { dns: dns(server('185.65.135.1', { country: 'CH', asn: 9009, organization: 'M247 Europe SRL' })) },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'the home ISP’s resolver, in another country',
    patch: { dns: dns(server('89.246.1.1', { country: 'DE', asn: 3320, organization: 'Deutsche Telekom AG' })) },
    level: 'leak',
    codes: ['dns-other-country'],
    params: [['89.246.1.1', 'DE', 'CH']],
  },
  {
    name: 'another operator’s resolver in the exit’s country',
    patch: { dns: dns(server('195.186.1.111', { country: 'CH', asn: 3303, organization: 'Swisscom (Schweiz) AG' })) },
    level: 'leak',
    codes: ['dns-other-organization'],
    params: [['195.186.1.111', 'Swisscom (Schweiz) AG', 'M247 Europe SRL']],
  },
  {
    name: 'a resolver the databases do not know (private, inside the tunnel): nothing to compare, no claim',
    patch: { dns: dns(server('10.64.0.1')) },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'IPv6 through the same operator: comparable by ASN, no warning',
    patch: { ipv6: ip(6, EXIT6, M247) },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'IPv6 through the home ISP while IPv4 goes through the VPN',
    patch: { ipv6: ip(6, '2003:e6:1234::1', { country: 'DE', asn: 3320, organization: 'Deutsche Telekom AG' }) },
    level: 'leak',
    codes: ['ipv6-other-network'],
    params: [['Deutsche Telekom AG', 'M247 Europe SRL']],
  },
  {
    name: 'a server without databases (as before): no facts, so IPv6 is uncompared and the resolver unjudged',
    patch: { ipv4: ip(4, EXIT4), ipv6: ip(6, EXIT6), dns: dns(server('89.246.1.1')) },
    level: 'clean',
    codes: ['ipv6-uncompared'],
  },
];

describe('decide: a build that asks only its own check server', () => {
  it.each(rows)('$name → $level', (row) => expectRow(row, base));
});
