/** The ASN table on small hand-written CSV files: the search's boundaries in both families, and which rows it refuses. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFileError, loadAsnTable } from './asn-table.ts';

const dir = mkdtempSync(join(tmpdir(), 'leakless-asn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const csv = (content: string) => {
  const path = join(dir, `t${n++}.csv`);
  writeFileSync(path, content);
  return path;
};
const load = (...contents: string[]) => loadAsnTable(contents.map(csv));

describe('loadAsnTable lookups', () => {
  it('finds every range of a longer table at its first and last address, and nothing in the gaps', async () => {
    const rows = Array.from({ length: 9 }, (_, i) => `10.${i * 2}.0.0,10.${i * 2}.255.255,${64500 + i},Org ${i}`);
    const table = await load(`${rows.join('\n')}\n`);
    expect(table.ranges).toBe(9);
    for (let i = 0; i < 9; i++) {
      expect(table.lookup(`10.${i * 2}.0.0`)).toEqual({ asn: 64500 + i, org: `Org ${i}` });
      expect(table.lookup(`10.${i * 2}.255.255`)).toEqual({ asn: 64500 + i, org: `Org ${i}` });
      expect(table.lookup(`10.${i * 2 + 1}.0.0`)).toBeUndefined();
    }
    expect(table.lookup('9.255.255.255')).toBeUndefined();
    expect(table.lookup('255.255.255.255')).toBeUndefined();
    expect(table.lookup('0.0.0.0')).toBeUndefined();
  });

  it('compares IPv6 keys word by word: ranges that differ only in a later word', async () => {
    const table = await load(
      '2001:db8::,2001:db8::ffff,64510,Low\n2001:db8::1:0,2001:db8::1:ffff,64511,\n2001:db8:0:0:1::,2001:db8:0:0:1::ffff,64512,Mid\n2001:db9::,2001:db9::,64513,One\n',
    );
    expect(table.ranges).toBe(4);
    expect(table.lookup('2001:db8::ffff')).toEqual({ asn: 64510, org: 'Low' });
    expect(table.lookup('2001:db8::1:0')).toEqual({ asn: 64511 });
    expect(table.lookup('2001:db8::1:ffff')).toEqual({ asn: 64511 });
    expect(table.lookup('2001:db8::2:0')).toBeUndefined();
    expect(table.lookup('2001:db8:0:0:1::7')).toEqual({ asn: 64512, org: 'Mid' });
    expect(table.lookup('2001:db8:0:0:1::1:0')).toBeUndefined();
    expect(table.lookup('2001:db9::')).toEqual({ asn: 64513, org: 'One' });
    expect(table.lookup('2001:db9::1')).toBeUndefined();
    expect(table.lookup('2001:db7:ffff:ffff:ffff:ffff:ffff:ffff')).toBeUndefined();
    // The families are apart: an IPv4 address never lands in an IPv6 range, nor a zone-scoped IPv6 one anywhere.
    expect(table.lookup('32.1.13.184')).toBeUndefined();
    expect(table.lookup('2001:db8::1%eth0')).toBeUndefined();
  });

  it('reads several files, either family in each; names are trimmed and shared; AS 0 names nobody', async () => {
    const table = await load(
      '1.0.0.0,1.0.0.255,64500, Same Org \n\n1.0.1.0,1.0.1.255,0,Reserved\n',
      '2001:db8::,2001:db8::ff,64501,Same Org\n3.0.0.0,3.0.0.0,4294967295,Top\n',
      '4.0.0.0,4.0.0.255,64502\n', // three fields: no organisation column
    );
    expect(table.ranges).toBe(5);
    expect(table.lookup('1.0.0.7')).toEqual({ asn: 64500, org: 'Same Org' });
    expect(table.lookup('2001:db8::7')).toEqual({ asn: 64501, org: 'Same Org' });
    expect(table.lookup('1.0.1.7')).toBeUndefined();
    expect(table.lookup('3.0.0.0')).toEqual({ asn: 4294967295, org: 'Top' });
    expect(table.lookup('4.0.0.1')).toEqual({ asn: 64502 });
    expect(table.lookup('not an address')).toBeUndefined();
  });

  it('one range in each family is a table of two', async () => {
    const table = await load('1.0.0.0,1.0.0.255,64500,Four\n2001:db8::,2001:db8::ff,64501,Six\n');
    expect(table.ranges).toBe(2);
    expect([table.lookup('1.0.0.1'), table.lookup('2001:db8::1')]).toEqual([
      { asn: 64500, org: 'Four' },
      { asn: 64501, org: 'Six' },
    ]);
  });
});

describe('loadAsnTable refusals', () => {
  const refused = async (content: string) => {
    const path = csv(content);
    const err = await loadAsnTable([path]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataFileError);
    expect((err as Error).name).toBe('DataFileError');
    return (err as Error).message.replace(path, 'F');
  };

  it.each([
    ['1.2.3.0,1.2.3.255,64500,A\n1.2.3.0,1.2.3.9,64501,B\n', "'F' row 2: ranges out of order"],
    ['2001:db8::,2001:db8::1,1,A\n2001:db8::,2001:db8::2,2,B\n', "'F' row 2: ranges out of order"],
    ['2001:db8::1:0,2001:db8::1:0,1,A\n2001:db8::0:1,2001:db8::0:1,2,B\n', "'F' row 2: ranges out of order"],
    ['2001:db8::1,2001:db8::1,1,A\n2001:db8::3,2001:db8::3,2,B\n2001:db8::2,2001:db8::2,3,C\n', "'F' row 3: ranges out of order"],
    ['2001:db8::9,2001:db8::1,1,A\n', "'F' row 1: range ends before it starts"],
    ['2001:db8::1:0,2001:db8::0:1,1,A\n', "'F' row 1: range ends before it starts"],
    ['1.2.3.0,1.2.3.255,1e3,A\n', "'F' row 1: not an AS number"],
    ['1.2.3.0,1.2.3.255,+5,A\n', "'F' row 1: not an AS number"],
    ['1.2.3.0,1.2.3.255, 5,A\n', "'F' row 1: not an AS number"],
    ['1.2.3.0,1.2.3.255,0x10,A\n', "'F' row 1: not an AS number"],
    ['1.2.3.0,1.2.3.255,,A\n', "'F' row 1: not an AS number"],
    ['1.2.3.0,1.2.3.255\n', "'F' row 1: expected 4 fields, got 2"],
    ['1.2.3.0,1.2.3.255,1,A,\n', "'F' row 1: expected 4 fields, got 5"],
    ['1.2.3.0,,1,A\n', "'F' row 1: not an address range"],
    ['fe80::1%eth0,fe80::2,1,A\n', "'F' row 1: not an address range"],
    ['\n\n', "'F': no address ranges"],
    // csv-parse's codes: CSV_… and INVALID_OPENING_QUOTE; only the file system's start with E.
    ['1.2.3.0,1.2.3.255,64500,A"B"\n', '\'F\': not CSV (Invalid Opening Quote: a quote is found on field 3 at line 1, value is "A")'],
    [
      '1.2.3.0,1.2.3.255,64500,"A"B\n',
      '\'F\': not CSV (Invalid Closing Quote: got "B" at line 1 instead of delimiter, record delimiter, trimable character (if activated) or comment)',
    ],
  ])('%j', async (content, message) => {
    expect(await refused(content)).toBe(message);
  });

  it('names the file of a read error, and every file when none holds a range', async () => {
    const sub = join(dir, 'a-directory');
    mkdirSync(sub);
    await expect(loadAsnTable([sub])).rejects.toThrow(`'${sub}': cannot read (EISDIR)`);
    const [a, b] = [csv(''), csv('')];
    await expect(loadAsnTable([a, b])).rejects.toThrow(`'${a},${b}': no address ranges`);
    const good = csv('1.0.0.0,1.0.0.255,1,A\n');
    await expect(loadAsnTable([good, csv('x\n')])).rejects.toThrow(/t\d+\.csv' row 1: expected 4 fields, got 1$/);
  });
});
