import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindingRequest } from '../testing.ts';
import { decodeXorMappedAddress, encodeBindingSuccess, MAGIC_COOKIE, parseBindingRequest } from './codec.ts';

const request = (attrs: Buffer = Buffer.alloc(0), txid = randomBytes(12)): Buffer => bindingRequest(txid, attrs);

describe('parseBindingRequest', () => {
  it('returns the transaction id of a Binding Request, attributes or not', () => {
    const txid = randomBytes(12);
    expect(parseBindingRequest(request(Buffer.alloc(0), txid))).toEqual(txid);
    // SOFTWARE attribute with 3 bytes of value padded to 4, as browsers send similar optional attributes.
    const attr = Buffer.from([0x80, 0x22, 0x00, 0x03, 0x61, 0x62, 0x63, 0x00]);
    expect(parseBindingRequest(request(attr, txid))).toEqual(txid);
  });

  it('drops everything else', () => {
    const ok = request();
    const variants: Buffer[] = [ok.subarray(0, 19), Buffer.alloc(0)];
    const wrongCookie = Buffer.from(ok);
    wrongCookie.writeUInt32BE(0x2112a443, 4);
    const indication = Buffer.from(ok);
    indication.writeUInt16BE(0x0011, 0); // Binding Indication
    const success = Buffer.from(ok);
    success.writeUInt16BE(0x0101, 0);
    const badLength = Buffer.from(ok);
    badLength.writeUInt16BE(4, 2);
    const attrOverrun = request(Buffer.from([0x80, 0x22, 0x00, 0x09, 1, 2, 3, 4]));
    variants.push(wrongCookie, indication, success, badLength, attrOverrun, Buffer.concat([ok, Buffer.from([1, 2])]));
    for (const v of variants) expect(parseBindingRequest(v)).toBeNull();
  });

  it('never throws on random input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (u) => {
        parseBindingRequest(Buffer.from(u));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});

describe('encodeBindingSuccess', () => {
  it('encodes an IPv4 XOR-MAPPED-ADDRESS per RFC 8489 §14.2', () => {
    const txid = Buffer.alloc(12, 0xab);
    const msg = encodeBindingSuccess(txid, '192.0.2.1', 32853);
    expect(msg.readUInt16BE(0)).toBe(0x0101);
    expect(msg.readUInt16BE(2)).toBe(12);
    expect(msg.readUInt32BE(4)).toBe(MAGIC_COOKIE);
    expect(msg.subarray(8, 20)).toEqual(txid);
    // type 0x0020, len 8, family 1, port ^ 0x2112, c0.00.02.01 ^ 21.12.a4.42
    expect(msg.subarray(20).toString('hex')).toBe(`0020000800${'01'}${(32853 ^ 0x2112).toString(16).padStart(4, '0')}e112a643`);
    expect(decodeXorMappedAddress(msg)).toEqual({ transactionId: txid, address: '192.0.2.1', port: 32853 });
  });

  it('encodes IPv6 XORed with cookie and transaction id', () => {
    const txid = Buffer.from('0102030405060708090a0b0c', 'hex');
    const msg = encodeBindingSuccess(txid, '2001:db8::1', 5000);
    expect(msg.readUInt16BE(22)).toBe(20);
    expect(msg[25]).toBe(0x02);
    // first 4 bytes XOR cookie: 2001:0db8 ^ 2112:a442 = 0113:a9fa; last byte 0x01 ^ 0x0c
    expect(msg.subarray(28, 32).toString('hex')).toBe('0113a9fa');
    expect(msg[43]).toBe(0x01 ^ 0x0c);
    expect(decodeXorMappedAddress(msg)).toMatchObject({ address: '2001:db8::1', port: 5000 });
  });
});
