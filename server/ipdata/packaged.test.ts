/** The packaged databases, loaded once (tens of seconds): in a file of their own, apart from the small-file tests. */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config.ts';
import { type IpData, openIpData } from './index.ts';

describe('the packaged databases (ip-location-db asn + iptoasn-country)', () => {
  let data: IpData;
  beforeAll(async () => {
    data = await openIpData(DEFAULTS.asnDb, DEFAULTS.countryDb);
  }, 120_000);

  // Expected values as the package's own files state them: asn-ipv4.csv's first row is
  // `1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."`, asn-ipv6.csv's second `2001:4:112::,…,112,DNS-OARC`.
  it('names the operator and country of well-known addresses', () => {
    expect(data.lookup('1.0.0.1')).toEqual({ country: 'US', asn: 13335, org: 'Cloudflare, Inc.' });
    expect(data.lookup('9.9.9.9')).toEqual({ country: 'US', asn: 19281, org: 'Quad9' });
    expect(data.lookup('8.8.8.8')).toEqual({ country: 'US', asn: 15169, org: 'Google LLC' });
    expect(data.lookup('2001:4:112::1')).toEqual({ country: 'US', asn: 112, org: 'DNS-OARC' });
    expect(data.lookup('2606:4700:4700::1111')).toEqual({ country: 'US', asn: 13335, org: 'Cloudflare, Inc.' });
  });

  it('says nothing about private, shared, documentation and special ranges', () => {
    for (const ip of [
      '0.0.0.1',
      '10.0.0.1',
      '100.64.0.1',
      '127.0.0.1',
      '169.254.1.1',
      '172.16.0.1',
      '192.0.2.1',
      '192.168.1.1',
      '198.18.0.1',
      '198.51.100.1',
      '203.0.113.9',
      '224.0.0.1',
      '240.0.0.1',
      '::1',
      '2001:db8::1',
      'fd00::1',
      'fe80::1',
    ]) {
      expect(data.lookup(ip), ip).toEqual({});
    }
  });
});
