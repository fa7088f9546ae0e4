import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hex } from '../../testing.ts';
import { wireName } from '../records.ts';
import { nsecRdata, typeBitmap } from './denial.ts';
import { TEST_NOW, testKey } from './fixture.ts';
import { dnskeyLine, dsLine, keyTag } from './key.ts';
import { type RRset, rrsigHeader, rrsigRdata, signedData } from './sign.ts';

const key = testKey();
const signer = { key, zoneName: wireName(['check', 'leakless', 'test']), now: () => TEST_NOW };
const OWNER = ['dnssec-ok-0123456789abcdef', 'check', 'leakless', 'test'];
const A_SET: RRset = { owner: OWNER, type: 1, ttl: 0, rdatas: [Buffer.from([192, 0, 2, 10])] };

describe('the zone key', () => {
  it('gives the DNSKEY, key tag and DS that delv and dnsmasq accept (dnssec.test.ts)', () => {
    expect(key.keyTag).toBe(14608);
    expect(dnskeyLine('check.leakless.test', key)).toBe(
      'check.leakless.test. IN DNSKEY 257 3 13 I5aa+hvylfPuxPL5FdUqMx9UfuRMNWZqy4Ng1JZMFY2yDQFTUIPTF7J1fIZxmrxJZq2wQAEu5bjaVmMsNXrVCw==',
    );
    expect(dsLine('check.leakless.test', key)).toBe(
      'check.leakless.test. IN DS 14608 13 2 3F81C45B7115977CCC281FA784BEBFCE804CADA72791246EC7B05D22CA20BA9E',
    );
  });

  it('computes the RFC 4034 Appendix B key tag (the example DNSKEY of RFC 4034 §5.4 has tag 60485)', () => {
    const rfcKey = Buffer.concat([
      hex('01 00 03 05'),
      Buffer.from(
        'AQOeiiR0GOMYkDshWoSKz9XzfwJr1AYtsmx3TGkJaNXVbfi/2pHm822aJ5iI9BMzNXxeYCmZDRD99WYwYqUSdjMmmAphXdvxegXd/M5+X7OrzKBaMbCVdFLUUh6DhweJBjEVv5f2wwjM9XzcnOf+EPbtG9DMBmADjFDc2w/rljwvFw==',
        'base64',
      ),
    ]);
    expect(keyTag(rfcKey)).toBe(60485);
  });
});

describe('RRSIG', () => {
  it('header: type A, algorithm 13, 4 labels, TTL 0, expires a day ahead, valid from an hour ago, tag, signer', () => {
    expect(rrsigHeader(A_SET, signer)).toEqual(
      hex('0001 0d 04 00000000 6b100840 6b0ea8b0 3910 05636865636b 086c65616b6c657373 0474657374 00'),
    );
  });

  it('signs the header followed by the record in canonical form', () => {
    expect(signedData(A_SET, rrsigHeader(A_SET, signer))).toEqual(
      hex(
        '00010d04000000006b1008406b0ea8b0391005636865636b086c65616b6c65737304746573740' +
          '01a646e737365632d6f6b2d303132333435363738396162636465660' +
          '5636865636b086c65616b6c65737304746573740000010001000000000004c000020a',
      ),
    );
  });

  it('orders the records of a set by RDATA', () => {
    const two: RRset = { ...A_SET, rdatas: [Buffer.from([192, 0, 2, 20]), Buffer.from([192, 0, 2, 10])] };
    const data = signedData(two, Buffer.alloc(0));
    expect(data.subarray(data.length - 4)).toEqual(Buffer.from([192, 0, 2, 20]));
  });

  it('carries a 64-byte P-256 signature that verifies with the public key; broken, it does not', () => {
    const publicKey = createPublicKey(key.privateKey);
    const check = (rdata: Buffer) => {
      const header = rdata.subarray(0, rdata.length - 64);
      const sig = rdata.subarray(rdata.length - 64);
      return verify('sha256', signedData(A_SET, header), { key: publicKey, dsaEncoding: 'ieee-p1363' }, sig);
    };
    const good = rrsigRdata(A_SET, signer);
    expect(good.length).toBe(18 + 21 + 64);
    expect(check(good)).toBe(true);
    expect(check(rrsigRdata(A_SET, signer, true))).toBe(false);
  });

  it('wraps the validity window around the 32-bit serial-number boundary instead of throwing', () => {
    const late = { ...signer, now: () => 2 ** 32 - 10 };
    expect(rrsigHeader(A_SET, late).readUInt32BE(8)).toBe(86390);
  });
});

describe('compact denial', () => {
  it('type bitmaps: one window sized to its highest type, windows in order', () => {
    expect(typeBitmap([1, 28, 46, 47])).toEqual(hex('0006 40000008 0003'));
    expect(typeBitmap([47, 46, 1, 1])).toEqual(hex('0006 40000000 0003'));
    expect(typeBitmap([1, 2, 6, 28, 46, 47, 48, 256])).toEqual(hex('0007 62000008000380 0101 80'));
    // A type whose byte is just past the window's current end grows it by one byte.
    expect(typeBitmap([1, 8])).toEqual(hex('0002 4080'));
    expect(typeBitmap([1, 15, 16])).toEqual(hex('0003 400180'));
    // Windows in number order whatever the order of the types.
    expect(typeBitmap([513, 256, 1])).toEqual(hex('0001 40 0101 80 0201 40'));
    expect(typeBitmap([])).toEqual(hex(''));
  });

  it('an NSEC at the name, next name \\000.<name>: NXNAME for a name that does not exist', () => {
    expect(nsecRdata(['x', 'check', 'leakless', 'test'], null)).toEqual(
      hex('0100 0178 05636865636b086c65616b6c6573730474657374 00 0011 0000000000030000000000000000000080'),
    );
    expect(nsecRdata(['x', 'check', 'leakless', 'test'], [1]).subarray(25)).toEqual(hex('0006 400000000003'));
  });
});
