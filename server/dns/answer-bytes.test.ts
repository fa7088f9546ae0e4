/** Whole responses written out byte by byte, and the UDP size rules (RFC 1035 §4.2.1, RFC 6891 §6.2.5). */
import { describe, expect, it } from 'vitest';
import type { Peer } from '../ip.ts';
import { hex } from '../testing.ts';
import { answerQuery, prepareZone } from './answer.ts';

const zone = prepareZone('Check.Leakless.TEST', '192.0.2.10', '2001:db8::10');
const v4: Peer = { address: '203.0.113.53', family: 4 };
const ZONE_NAME = '05 636865636b 08 6c65616b6c657373 04 74657374 00';
/** ns.<zone> and hostmaster.<zone>, both pointing at the zone name at `at`; serial 1, 3600, 600, 86400, minimum 60. */
const soaRdata = (at: string) => `02 6e73 c0${at} 0a 686f73746d6173746572 c0${at} 00000001 00000e10 00000258 00015180 0000003c`;
const answer = (query: Buffer, opts: { transport?: 'udp' | 'tcp'; plainUdpLimit?: number } = {}) =>
  answerQuery(query, zone, v4, { transport: 'udp', ...opts });

describe('whole responses', () => {
  it('the apex SOA, RD echoed: one answer, TTL 60, names compressed to the question', () => {
    const q = hex(`1234 0100 0001 0000 0000 0000 ${ZONE_NAME} 0006 0001`);
    expect(answer(q)?.response).toEqual(
      hex(`1234 8500 0001 0001 0000 0000 ${ZONE_NAME} 0006 0001  c00c 0006 0001 0000003c 0026 ${soaRdata('0c')}`),
    );
  });

  it('NXDOMAIN with EDNS: the SOA in authority, and an OPT of 1232 bytes echoing DO', () => {
    const q = hex(`abcd 0000 0001 0000 0000 0001 04 6e6f7065 ${ZONE_NAME} 0001 0001  00 0029 1000 00 00 8000 0000`);
    expect(answer(q)).toEqual({
      rcode: 3,
      truncated: false,
      response: hex(
        `abcd 8403 0001 0000 0001 0001 04 6e6f7065 ${ZONE_NAME} 0001 0001  c011 0006 0001 0000003c 0026 ${soaRdata('11')}  00 0029 04d0 00 00 8000 0000`,
      ),
    });
  });

  it('a token: A with TTL 0, the ECS option echoed masked with scope 0, the token and subnet reported', () => {
    const token = '10 61626364656667686a6b6c6d6e6f7071'; // "abcdefghjklmnopq"
    const ecs = '0008 0007 0001 17 00 c63365'; // 198.51.101.0/23
    const q = hex(`0001 0000 0001 0000 0000 0001 ${token} ${ZONE_NAME} 0001 0001  00 0029 0200 00 00 0000 000b ${ecs}`);
    expect(answer(q)).toEqual({
      rcode: 0,
      truncated: false,
      token: 'abcdefghjklmnopq',
      ecs: '198.51.100.0/23',
      response: hex(
        `0001 8400 0001 0001 0000 0001 ${token} ${ZONE_NAME} 0001 0001  c00c 0001 0001 00000000 0004 c000020a  00 0029 04d0 00 00 0000 000b 0008 0007 0001 17 00 c63364`,
      ),
    });
  });

  it('NOTIMP: the question echoed with the opcode, nothing else, not authoritative', () => {
    const q = hex(`0002 2000 0001 0000 0000 0000 ${ZONE_NAME} 0006 0001`);
    expect(answer(q)).toEqual({ rcode: 4, truncated: false, response: hex(`0002 a004 0001 0000 0000 0000 ${ZONE_NAME} 0006 0001`) });
  });
});

describe('UDP size', () => {
  // A token's A answer without EDNS is 12 + 42 + 16 = 70 bytes; with an OPT of no options, 81.
  const plain = hex(`0003 0000 0001 0000 0000 0000 10 6162636465666768696a6b6c6d6e6f70 ${ZONE_NAME} 0001 0001`);
  const withEdns = (size: number) =>
    Buffer.concat([
      hex(`0003 0000 0001 0000 0000 0001 10 6162636465666768696a6b6c6d6e6f70 ${ZONE_NAME} 0001 0001 00 0029`),
      Buffer.from([size >> 8, size & 0xff]),
      hex('00 00 0000 0000'),
    ]);

  it('without EDNS the plain limit holds, over UDP only', () => {
    expect(answer(plain)?.response.length).toBe(70);
    expect(answer(plain, { plainUdpLimit: 70 })?.truncated).toBe(false);
    expect(answer(plain, { plainUdpLimit: 69 })?.truncated).toBe(true);
    expect(answer(plain, { plainUdpLimit: 69, transport: 'tcp' })?.truncated).toBe(false);
  });

  it('with EDNS the advertised size holds, never below the plain limit nor above 1232', () => {
    expect(answer(withEdns(81), { plainUdpLimit: 10 })?.truncated).toBe(false);
    expect(answer(withEdns(80), { plainUdpLimit: 10 })?.truncated).toBe(true);
    // Advertised below the plain limit: the plain limit applies.
    expect(answer(withEdns(10), { plainUdpLimit: 81 })?.truncated).toBe(false);
    expect(answer(withEdns(10), { plainUdpLimit: 80 })?.truncated).toBe(true);
    // Both above 1232: 1232 applies, which this answer fits.
    expect(answer(withEdns(4096), { plainUdpLimit: 2000 })?.truncated).toBe(false);
  });

  it('a truncated answer keeps the question and the OPT, sets TC, and drops the records', () => {
    const t = answer(withEdns(80), { plainUdpLimit: 10 });
    expect(t?.response).toEqual(
      hex(`0003 8600 0001 0000 0000 0001 10 6162636465666768696a6b6c6d6e6f70 ${ZONE_NAME} 0001 0001 00 0029 04d0 00 00 0000 0000`),
    );
    expect(t?.token).toBe('abcdefghijklmnop');
  });
});
