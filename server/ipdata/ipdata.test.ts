import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { openIpData } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'leakless-ipdata-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('ASN CSV files', () => {
  it('finds the range holding an address, in either family; AS 0 and gaps say nothing', async () => {
    const v4 = file(
      'v4.csv',
      '1.2.3.0,1.2.3.255,64500,"Example, Inc."\n1.2.4.0,1.2.4.255,0,Not routed\n1.2.6.0,1.2.6.255,64501,\n5.0.0.0,5.0.0.0,64502,One\n',
    );
    const v6 = file('v6.csv', '2001:db8::,2001:db8:0:ffff:ffff:ffff:ffff:ffff,64503,Six\n');
    const data = await openIpData([v4, v6], null);
    expect(data.lookup('1.2.3.0')).toEqual({ asn: 64500, org: 'Example, Inc.' });
    expect(data.lookup('1.2.3.255')).toEqual({ asn: 64500, org: 'Example, Inc.' });
    expect(data.lookup('1.2.4.9')).toEqual({});
    expect(data.lookup('1.2.5.1')).toEqual({});
    expect(data.lookup('1.2.6.1')).toEqual({ asn: 64501 });
    expect(data.lookup('5.0.0.0')).toEqual({ asn: 64502, org: 'One' });
    expect(data.lookup('5.0.0.1')).toEqual({});
    expect(data.lookup('1.2.2.255')).toEqual({});
    expect(data.lookup('2001:db8::42')).toEqual({ asn: 64503, org: 'Six' });
    expect(data.lookup('2001:db8:1::')).toEqual({});
    expect(data.lookup('not an address')).toEqual({});
  });

  it('lets a later overlapping range win where the published data overlaps', async () => {
    const data = await openIpData([file('overlap.csv', '10.0.0.0,10.0.1.255,64500,A\n10.0.1.0,10.0.2.255,64501,B\n')], null);
    expect(data.lookup('10.0.0.9')).toEqual({ asn: 64500, org: 'A' });
    expect(data.lookup('10.0.1.9')).toEqual({ asn: 64501, org: 'B' });
  });
});

describe('a missing or damaged database stops the start with the path and the fix', () => {
  const fails = (asn: string[] | null, country: string | null) => openIpData(asn, country);
  it('missing files', async () => {
    await expect(fails(['/nonexistent/asn-ipv4.csv'], null)).rejects.toThrow(
      /^--asn-db: '\/nonexistent\/asn-ipv4.csv': cannot read \(ENOENT\); install it \(npm ci\), copy dist-server\/ip-data\/ beside the bundle, give --asn-db/,
    );
    await expect(fails(null, '/nonexistent/country.mmdb')).rejects.toThrow(
      /^--country-db: '\/nonexistent\/country.mmdb': cannot read \(ENOENT\); .*--country-db off$/,
    );
    await expect(fails(null, '/nonexistent/country.mmdb')).rejects.toBeInstanceOf(ConfigError);
  });

  it('CSV rows that are not ranges, out of order, or no rows at all', async () => {
    const cases: [string, RegExp][] = [
      ['1.2.3.0,1.2.3.255,64500,A\n1.2.3.x,1.2.4.0,64501,B\n', /row 2: not an address range/],
      ['1.2.3.0,::1,64500,A\n', /row 1: not an address range/],
      ['1.2.3.9,1.2.3.0,64500,A\n', /row 1: range ends before it starts/],
      ['1.2.3.0,1.2.3.255,AS64500,A\n', /row 1: not an AS number/],
      ['1.2.3.0,1.2.3.255,4294967296,A\n', /row 1: not an AS number/],
      ['1.2.4.0,1.2.4.255,64500,A\n1.2.3.0,1.2.3.255,64501,B\n', /row 2: ranges out of order/],
      ['1.2.3.0,1.2.3.255,64500,A,extra\n', /row 1: expected 4 fields, got 5/],
      ['1.2.3.0,1.2.3.255,64500,"A\n', /not CSV/],
      ['', /no address ranges/],
    ];
    for (const [content, message] of cases) {
      const path = file('bad.csv', content);
      await expect(fails([path], null), content).rejects.toThrow(message);
      await expect(fails([path], null), content).rejects.toThrow(`--asn-db: '${path}'`);
    }
  });

  it('a country file that is not an MMDB', async () => {
    for (const content of ['not a database', Buffer.alloc(0), Buffer.alloc(4096, 0xab)]) {
      const path = file('bad.mmdb', content);
      await expect(fails(null, path)).rejects.toThrow(new RegExp(`^--country-db: '${path}': not an MMDB database`));
    }
  });
});
