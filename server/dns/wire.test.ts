/** The query parser on hand-made bytes: every field it reads, and each malformation it must drop (null). */
import { describe, expect, it } from 'vitest';
import { hex } from '../testing.ts';
import { parseQuery } from './wire.ts';

/** id 0x1234, the given flags and counts (qd, an, ns, ar). */
const header = (flags: string, an = 0, ns = 0, ar = 0, qd = 1) =>
  hex(`1234 ${flags} ${[qd, an, ns, ar].map((n) => n.toString(16).padStart(4, '0')).join('')}`);
/** "Ab.example." type A class IN. */
const QUESTION = hex('02 4162 07 6578616d706c65 00 0001 0001');
/** An OPT: root owner, the given UDP size, TTL (ext-rcode, version, flags) and RDATA. */
const opt = (size: string, ttl: string, rdata = '') =>
  hex(`00 0029 ${size} ${ttl} ${(rdata.replace(/\s/g, '').length / 2).toString(16).padStart(4, '0')} ${rdata}`);
const ecs = (body: string) => `0008 ${(body.replace(/\s/g, '').length / 2).toString(16).padStart(4, '0')} ${body}`;
const query = (...parts: Buffer[]) => Buffer.concat(parts);
const withOpt = (o: Buffer) => query(header('0000', 0, 0, 1), QUESTION, o);

describe('parseQuery: the fields', () => {
  it('reads id, opcode, RD, labels (lowercased, with their offsets), type, class and the question as sent', () => {
    const q = parseQuery(query(header('2900'), QUESTION));
    expect(q).toEqual({
      id: 0x1234,
      opcode: 5,
      recursionDesired: true,
      labels: ['ab', 'example'],
      labelOffsets: [12, 15],
      qtype: 1,
      qclass: 1,
      question: QUESTION,
      edns: null,
    });
    expect(parseQuery(query(header('0000'), QUESTION))).toMatchObject({ opcode: 0, recursionDesired: false });
    expect(parseQuery(query(header('7800'), QUESTION))).toMatchObject({ opcode: 15, recursionDesired: false });
  });

  it('lowercases ASCII letters only: bytes above 0x7f and the characters around A–Z stay as they are', () => {
    const q = parseQuery(query(header('0000'), hex('05 405a5bc4e9 00 0010 0003')));
    expect(q?.labels).toEqual(['@z[\u00c4\u00e9']);
    expect([q?.qtype, q?.qclass]).toEqual([16, 3]);
  });

  it('reads the OPT: UDP size, version, DO, and a well-formed ECS option among others', () => {
    expect(parseQuery(withOpt(opt('04d0', '00000000')))?.edns).toEqual({ udpSize: 1232, version: 0, dnssecOk: false, ecs: null });
    expect(parseQuery(withOpt(opt('0200', '00ff8000')))?.edns).toEqual({ udpSize: 512, version: 255, dnssecOk: true, ecs: null });
    expect(parseQuery(withOpt(opt('0200', '00017fff')))?.edns).toMatchObject({ version: 1, dnssecOk: false });
    const rdata = `000a 0002 abcd ${ecs('0001 18 00 c63364')} 000c 0000`;
    expect(parseQuery(withOpt(opt('1000', '00000000', rdata)))?.edns).toEqual({
      udpSize: 4096,
      version: 0,
      dnssecOk: false,
      ecs: { family: 1, sourcePrefix: 24, address: hex('c63364') },
    });
  });

  it('keeps an ECS option only when it is well formed (RFC 7871 §6), and drops nothing for it', () => {
    const ecsOf = (body: string) => parseQuery(withOpt(opt('0200', '00000000', ecs(body))))?.edns?.ecs;
    expect(ecsOf('0001 20 00 c6336401')).toEqual({ family: 1, sourcePrefix: 32, address: hex('c6336401') });
    expect(ecsOf('0002 80 00 20010db8000000000000000000000001')).toEqual({
      family: 2,
      sourcePrefix: 128,
      address: hex('20010db8000000000000000000000001'),
    });
    expect(ecsOf('0001 00 00')).toEqual({ family: 1, sourcePrefix: 0, address: hex('') });
    expect(ecsOf('0002 21 00 20010db801')).toEqual({ family: 2, sourcePrefix: 33, address: hex('20010db801') });
    for (const bad of [
      '0001 18', // shorter than family, prefix and scope
      '0003 08 00 c6', // no such family
      '0000 08 00 c6',
      '0001 21 00 c633640100', // an IPv4 prefix longer than 32
      '0002 81 00 20010db8000000000000000000000001 00', // an IPv6 prefix longer than 128
      '0001 18 01 c63364', // a scope in a query
      '0001 18 00 c633', // address shorter than the prefix needs
      '0001 18 00 c6336401', // longer
      '0001 00', // three bytes, even with prefix 0
      '00', // one byte
    ]) {
      expect(ecsOf(bad), bad).toBeNull();
    }
  });

  it('skips other records before the OPT, with plain or compressed owner names', () => {
    const rr = hex('c00c 0001 0001 00000000 0004 c0000201'); // owner: a pointer to the question's name
    const plain = hex('01 78 00 0010 0001 00000000 0000');
    expect(parseQuery(query(header('0000', 1, 1, 1), QUESTION, rr, plain, opt('0200', '00008000')))?.edns?.dnssecOk).toBe(true);
    expect(parseQuery(query(header('0000', 0, 0, 2), QUESTION, plain, opt('0200', '00008000')))?.edns?.dnssecOk).toBe(true);
    expect(parseQuery(query(header('0000', 0, 0, 1), QUESTION, plain))?.edns).toBeNull();
  });
});

describe('parseQuery: what it drops', () => {
  it.each([
    ['shorter than a header', hex('1234 0000 0001 0000 0000 00')],
    ['a response (QR set)', query(header('8000'), QUESTION)],
    ['no question', query(header('0000', 0, 0, 0, 0), QUESTION)],
    ['two questions', query(header('0000', 0, 0, 0, 2), QUESTION, QUESTION)],
    ['a pointer in the question', query(header('0000'), hex('c00c 0001 0001'))],
    ['a reserved label type (0x40)', query(header('0000'), hex('41'), Buffer.alloc(65, 0x61), hex('00 0001 0001'))],
    ['a reserved label type (0x80)', query(header('0000'), hex('81'), Buffer.alloc(129, 0x61), hex('00 0001 0001'))],
    ['a name running past the end', query(header('0000'), hex('05 6162'))],
    ['a name with no end', query(header('0000'), hex('02 6162'))],
    ['a label one byte past the end', query(header('0000'), hex('03 6162'))],
    ['no type and class', query(header('0000'), hex('01 61 00 0001 00'))],
    ['trailing bytes', query(header('0000'), QUESTION, hex('00'))],
    ['a missing record', query(header('0000', 0, 0, 1), QUESTION)],
    ['a record cut in its fixed part', query(header('0000', 0, 0, 1), QUESTION, hex('00 0029 0200 00000000 00'))],
    ['a record cut in its RDATA', query(header('0000', 0, 0, 1), QUESTION, hex('00 0001 0001 00000000 0004 c00002'))],
    ['a record whose RDATA runs past the end by one', query(header('0000', 0, 0, 1), QUESTION, hex('00 0001 0001 00000000 0002 c0'))],
    ['a record owner pointer cut in half', query(header('0000', 0, 0, 1), QUESTION, hex('c0'))],
    ['a record owner with a reserved label type', query(header('0000', 0, 0, 1), QUESTION, hex('40 0001 0001 00000000 0000'))],
    ['a record owner with the other reserved type', query(header('0000', 0, 0, 1), QUESTION, hex('80 0001 0001 00000000 0000'))],
    ['an OPT in the answer section', query(header('0000', 1), QUESTION, opt('0200', '00000000'))],
    ['an OPT in the authority section', query(header('0000', 0, 1), QUESTION, opt('0200', '00000000'))],
    ['two OPTs', query(header('0000', 0, 0, 2), QUESTION, opt('0200', '00000000'), opt('0200', '00000000'))],
    ['an OPT not owned by the root', query(header('0000', 0, 0, 1), QUESTION, hex('01 61 00 0029 0200 00000000 0000'))],
    ['an OPT owned by a pointer', query(header('0000', 0, 0, 1), QUESTION, hex('c00c 0029 0200 00000000 0000'))],
    ['an option cut in its header', withOpt(opt('0200', '00000000', '0008 00'))],
    ['an option longer than the RDATA', withOpt(opt('0200', '00000000', '000a 0003 abcd'))],
  ])('%s', (_what, packet) => {
    expect(parseQuery(packet)).toBeNull();
  });

  // Each of these would parse if the name skipper's "no" (-1) were read as an offset: from offset 1 the header's
  // bytes 9–10 give an RDATA length (the NS count times 256) that ends exactly at the packet's end.
  it('a record missing after one that ends the packet (NS count 2)', () => {
    const first = Buffer.concat([hex('00 0010 0001 00000000 01e4'), Buffer.alloc(0x1e4)]);
    const packet = query(header('0000', 0, 2), QUESTION, first);
    expect(packet.length).toBe(11 + 512);
    expect(parseQuery(packet)).toBeNull();
  });

  it('a record owner with a reserved label type, followed by bytes that would read as a record', () => {
    const rest = Buffer.concat([hex('40'), Buffer.alloc(64, 0x61), hex('00 0010 0001 00000000 00a3'), Buffer.alloc(0xa3)]);
    const packet = query(header('0000', 0, 1), QUESTION, rest);
    expect(packet.length).toBe(11 + 256);
    expect(parseQuery(packet)).toBeNull();
  });

  it('a record owner ending in half a pointer', () => {
    const labels = [63, 63, 63, 45].map((n) => Buffer.concat([Buffer.from([n]), Buffer.alloc(n, 0x61)]));
    const packet = query(header('0000', 0, 1), QUESTION, ...labels, hex('c0'));
    expect(packet.length).toBe(11 + 256);
    expect(parseQuery(packet)).toBeNull();
  });

  it('takes a question name of 255 bytes, not 256', () => {
    // Four labels: 63 + 63 + 63 + 61 bytes with length bytes and the root = 255.
    const name = (last: number) =>
      Buffer.concat([...[63, 63, 63, last].map((n) => Buffer.concat([Buffer.from([n]), Buffer.alloc(n, 0x61)])), hex('00')]);
    expect(name(61).length).toBe(255);
    expect(parseQuery(query(header('0000'), name(61), hex('0001 0001')))?.labels.length).toBe(4);
    expect(parseQuery(query(header('0000'), name(62), hex('0001 0001')))).toBeNull();
  });

  it('takes a packet of 65535 bytes, not 65536', () => {
    const rr = (rdlen: number) =>
      Buffer.concat([hex('00 0010 0001 00000000'), Buffer.from([rdlen >> 8, rdlen & 0xff]), Buffer.alloc(rdlen)]);
    // Header 12, question 16, two records of 11 bytes plus their RDATA.
    const sized = (total: number) => query(header('0000', 0, 0, 2), QUESTION, rr(40_000), rr(total - 50 - 40_000));
    expect(sized(65535).length).toBe(65535);
    expect(parseQuery(sized(65535))?.qtype).toBe(1);
    expect(parseQuery(sized(65536))).toBeNull();
  });
});
