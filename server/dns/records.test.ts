/** The record encoders, byte for byte (RFC 1035 §3.2 and §4.1.4, RFC 6891 §6.1.2, RFC 7871 §6, RFC 8482 §4.2). */
import { describe, expect, it } from 'vitest';
import { hex } from '../testing.ts';
import { ecsOption, name, nsName, optRecord, pointer, rfc8482Hinfo, rr, soaCanonical, soaData, wireName } from './records.ts';

/** serial 1, refresh 3600, retry 600, expire 86400, minimum 60. */
const SOA_NUMBERS = '00000001 00000e10 00000258 00015180 0000003c';

describe('record encoders', () => {
  it('compression pointers: two bytes, 0b11 then the 14-bit offset', () => {
    expect(pointer(12)).toEqual(hex('c00c'));
    expect(pointer(300)).toEqual(hex('c12c'));
    expect(pointer(0x3fff)).toEqual(hex('ffff'));
  });

  it('a record: owner pointer, type, class IN, TTL, RDATA length, RDATA', () => {
    expect(rr(12, 1, 300, hex('c0000201'))).toEqual(hex('c00c 0001 0001 0000012c 0004 c0000201'));
    expect(rr(300, 28, 0x01020304, hex(''))).toEqual(hex('c12c 001c 0001 01020304 0000'));
  });

  it('names: length-prefixed labels and the root, bytes as latin1', () => {
    expect(wireName(['ab', 'c'])).toEqual(hex('02 6162 01 63 00'));
    expect(wireName(['\u00e9'])).toEqual(hex('01 e9 00'));
    expect(wireName([])).toEqual(hex('00'));
    expect(name('ns.example')).toEqual(hex('02 6e73 07 6578616d706c65 00'));
  });

  it('ns.<zone> and the SOA, compressed against the zone name in the question', () => {
    expect(nsName(12)).toEqual(hex('02 6e73 c00c'));
    expect(soaData(16, 60)).toEqual(hex(`02 6e73 c010 0a 686f73746d6173746572 c010 ${SOA_NUMBERS}`));
  });

  it('the SOA in canonical form: the same numbers, names written out', () => {
    expect(soaCanonical(['z', 't'], 60)).toEqual(hex(`02 6e73 01 7a 01 74 00 0a 686f73746d6173746572 01 7a 01 74 00 ${SOA_NUMBERS}`));
    expect(soaCanonical(['z'], 7).subarray(-4)).toEqual(hex('00000007'));
  });

  it('the RFC 8482 HINFO: "RFC8482" and an empty OS string', () => {
    expect(rfc8482Hinfo()).toEqual(hex('07 52464338343832 00'));
  });

  it('the OPT: root owner, type 41, payload size, extended rcode, version 0, DO, options', () => {
    expect(optRecord(1232, 1, true, hex('abcd'))).toEqual(hex('00 0029 04d0 01 00 8000 0002 abcd'));
    expect(optRecord(512, 0, false, hex(''))).toEqual(hex('00 0029 0200 00 00 0000 0000'));
  });

  it('the ECS option: code 8, length, family, source prefix, scope 0, address', () => {
    expect(ecsOption(1, 24, hex('c63364'))).toEqual(hex('0008 0007 0001 18 00 c63364'));
    expect(ecsOption(2, 0, hex(''))).toEqual(hex('0008 0004 0002 00 00'));
  });
});
