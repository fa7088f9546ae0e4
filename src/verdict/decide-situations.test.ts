// Verdict rows for situations decide.test.ts had none for (issue 10): each written out with its level and codes.
import { describe, it } from 'vitest';
import { dns, EXIT4, EXIT6, M247, resolver } from './fixtures';
import { expectRow, type Row, v4, v6 } from './verdict-rows';

const rows: Row[] = [
  // A DNS leak seen only through the resolver's country.
  {
    name: 'resolver known only by its country, another than the exit’s',
    patch: { dns: dns(resolver('89.246.1.1', { country: 'DE' })) },
    level: 'leak',
    codes: ['dns-other-country'],
    params: [['89.246.1.1', 'DE', 'CH']],
  },
  {
    name: 'resolver known only by its country, the exit’s own (lower case)',
    patch: { dns: dns(resolver('89.246.1.1', { country: 'ch' })) },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'resolver known only by its country, the IPv6 exit’s while the IPv4 exit is elsewhere',
    patch: { ipv6: v6({ ...M247, country: 'DE' }), dns: dns(resolver('89.246.1.1', { country: 'DE' })) },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'resolver known only by its country, exits of unknown country',
    patch: { ipv4: v4({ organization: 'M247 Europe SRL' }), dns: dns(resolver('89.246.1.1', { country: 'DE' })) },
    level: 'clean',
    codes: ['no-leak'],
  },
  // An ASN known on one side only: the names decide.
  {
    name: 'resolver ASN only, exit without ASN, other name',
    patch: {
      ipv4: v4({ country: 'CH', organization: 'M247 Europe SRL' }),
      dns: dns(resolver('195.186.1.111', { country: 'CH', organization: 'Swisscom (Schweiz) AG', asn: 3303 })),
    },
    level: 'leak',
    codes: ['dns-other-organization'],
    params: [['195.186.1.111', 'Swisscom (Schweiz) AG', 'M247 Europe SRL']],
  },
  {
    name: 'resolver ASN only, exit without ASN, the same operator’s name',
    patch: {
      ipv4: v4({ country: 'CH', organization: 'M247 Europe SRL' }),
      dns: dns(resolver('185.65.135.1', { country: 'CH', organization: 'M247 Ltd', asn: 9009 })),
    },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'resolver ASN only, neither side named',
    patch: { ipv4: v4({ country: 'CH' }), dns: dns(resolver('195.186.1.111', { country: 'CH', asn: 3303 })) },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'IPv6 with an ASN, IPv4 without, the same operator’s other legal name',
    patch: {
      ipv4: v4({ country: 'CH', organization: 'M247 Europe SRL' }),
      ipv6: v6({ country: 'CH', organization: 'M247 Ltd', asn: 9009 }),
    },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'IPv6 with an ASN, IPv4 without, another operator',
    patch: {
      ipv4: v4({ country: 'CH', organization: 'M247 Europe SRL' }),
      ipv6: v6({ country: 'CH', organization: 'Swisscom', asn: 3303 }),
    },
    level: 'leak',
    codes: ['ipv6-other-network'],
    params: [['Swisscom', 'M247 Europe SRL']],
  },
  {
    name: 'IPv6 with an ASN only, IPv4 with a name only: only the countries compare',
    patch: { ipv4: v4({ country: 'CH', organization: 'M247 Europe SRL' }), ipv6: v6({ country: 'CH', asn: 3303 }) },
    level: 'clean',
    codes: ['no-leak'],
  },
  // The same organisation under another ASN: one operator, several ASNs, is no leak.
  {
    name: 'resolver of the exit’s operator under another ASN',
    patch: { dns: dns(resolver('185.65.135.1', { country: 'CH', organization: 'M247 Ltd', asn: 60068 })) },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'IPv6 of the IPv4 operator under another ASN',
    patch: { ipv6: v6({ country: 'CH', organization: 'M247 Europe SRL', asn: 60068 }) },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'IPv6 under another ASN, neither side named',
    patch: { ipv4: v4({ country: 'CH', asn: 9009 }), ipv6: v6({ country: 'CH', asn: 3303 }) },
    level: 'leak',
    codes: ['ipv6-other-network'],
    params: [[EXIT6, EXIT4]],
  },
  // A provider saying "not a VPN exit".
  {
    name: 'IPv4 said not to be a VPN exit: a fact, not a leak, and no VPN-exit note',
    patch: { ipv4: v4({ ...M247, vpnExit: false }) },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'both families said not to be VPN exits, one network',
    patch: { ipv4: v4({ ...M247, vpnExit: false }), ipv6: v6({ ...M247, vpnExit: false }) },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'IPv4 not a VPN exit while IPv6 is, same ASN',
    patch: { ipv4: v4({ ...M247, vpnExit: false }), ipv6: v6({ ...M247, vpnExit: true }) },
    level: 'leak',
    codes: ['ipv6-other-network'],
    params: [['M247 Europe SRL', 'M247 Europe SRL']],
  },
  {
    name: 'IPv6 flag unknown while IPv4 is a VPN exit: the ASNs decide',
    patch: { ipv4: v4({ ...M247, vpnExit: true }), ipv6: v6(M247) },
    level: 'clean',
    codes: ['no-leak', 'vpn-exit'],
    params: [[], ['Mullvad']],
  },
  // A resolver that is the exit itself, whatever its metadata says.
  {
    name: 'resolver at the IPv4 exit address, metadata of another country and operator',
    patch: { dns: dns(resolver(EXIT4, { country: 'DE', organization: 'Hetzner Online GmbH', asn: 24940 })) },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'resolver at the IPv6 exit address, written differently',
    patch: {
      ipv6: v6(M247),
      dns: dns(resolver('2A03:1B20:3:F011:0:0:0:A10F', { country: 'DE', organization: 'Hetzner Online GmbH', asn: 24940 })),
    },
    level: 'clean',
    codes: ['no-leak'],
  },
  {
    name: 'resolver at the IPv6 exit address while IPv6 is unknown',
    patch: { dns: dns(resolver(EXIT6, { country: 'DE', organization: 'Hetzner Online GmbH', asn: 24940 })) },
    level: 'leak',
    codes: ['dns-other-country'],
    params: [[EXIT6, 'DE', 'CH']],
  },
];

describe('decide: more situations', () => {
  it.each(rows)('$name → $level', (row) => expectRow(row));
});
