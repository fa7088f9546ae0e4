/** Boundaries of the STUN codec, one per rule: sizes, attribute tiling, and a decoder that skips what it does not know. */
import { describe, expect, it } from 'vitest';
import { bindingRequest } from '../testing.ts';
import { decodeXorMappedAddress, encodeBindingSuccess, parseBindingRequest } from './codec.ts';

const txid = Buffer.alloc(12, 7);
const attr = (type: number, value: Buffer) => {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(type, 0);
  head.writeUInt16BE(value.length, 2);
  return Buffer.concat([head, value, Buffer.alloc((4 - (value.length % 4)) % 4)]);
};

describe('parseBindingRequest boundaries', () => {
  it('accepts exactly 1500 bytes and refuses 1504', () => {
    expect(parseBindingRequest(bindingRequest(txid, attr(0x8022, Buffer.alloc(1476))))).toEqual(txid);
    expect(parseBindingRequest(bindingRequest(txid, attr(0x8022, Buffer.alloc(1480))))).toBeNull();
  });

  it('accepts a last attribute with an empty value', () => {
    expect(parseBindingRequest(bindingRequest(txid, attr(0x8022, Buffer.alloc(0))))).toEqual(txid);
    expect(
      parseBindingRequest(bindingRequest(txid, Buffer.concat([attr(0x8022, Buffer.from('ab')), attr(0x8028, Buffer.alloc(0))]))),
    ).toEqual(txid);
  });
});

describe('decodeXorMappedAddress', () => {
  const success = encodeBindingSuccess(txid, '192.0.2.1', 40000);
  const withAttrs = (attrs: Buffer) => {
    const head = Buffer.from(success.subarray(0, 20));
    head.writeUInt16BE(attrs.length, 2);
    return Buffer.concat([head, attrs]);
  };
  const xor = success.subarray(20);

  it('skips attributes before XOR-MAPPED-ADDRESS', () => {
    const msg = withAttrs(Buffer.concat([attr(0x8022, Buffer.from('abc')), attr(0x8028, Buffer.alloc(4)), xor]));
    expect(decodeXorMappedAddress(msg)).toEqual({ transactionId: txid, address: '192.0.2.1', port: 40000 });
  });

  it('null for short messages, no attributes, other attributes only, or a truncated address', () => {
    expect(decodeXorMappedAddress(Buffer.alloc(3))).toBeNull();
    expect(decodeXorMappedAddress(withAttrs(Buffer.alloc(0)))).toBeNull();
    expect(decodeXorMappedAddress(withAttrs(attr(0x8022, Buffer.alloc(8))))).toBeNull();
    expect(decodeXorMappedAddress(withAttrs(attr(0x0020, Buffer.from(xor.subarray(4, 8)))))).toBeNull();
    expect(decodeXorMappedAddress(Buffer.concat([Buffer.from([0x01, 0x01]), success.subarray(2)]))).not.toBeNull();
  });

  it('null for anything but a Binding Success with the magic cookie, even with a well-formed address', () => {
    const request = Buffer.from(success);
    request.writeUInt16BE(0x0001, 0);
    expect(decodeXorMappedAddress(request)).toBeNull();
    const error = Buffer.from(success);
    error.writeUInt16BE(0x0111, 0);
    expect(decodeXorMappedAddress(error)).toBeNull();
    const oldCookie = Buffer.from(success);
    oldCookie.writeUInt32BE(0x2112a443, 4);
    expect(decodeXorMappedAddress(oldCookie)).toBeNull();
  });
});
