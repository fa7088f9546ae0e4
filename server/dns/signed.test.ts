/** Answers to queries with the DO bit: every RRset signed, denial by a compact NSEC; without DO, as before. */
import { createPublicKey, verify } from 'node:crypto';
import type dnsPacket from 'dns-packet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Peer } from '../ip.ts';
import { decode, encodeQuery, hex, type QType } from '../testing.ts';
import { answerQuery, prepareZone } from './answer.ts';
import { TEST_NOW, testKey } from './dnssec/fixture.ts';
import { signedData } from './dnssec/sign.ts';

const zone = prepareZone('check.leakless.test', '192.0.2.10', '2001:db8::10', null, testKey(), () => TEST_NOW);
const v4: Peer = { address: '203.0.113.53', family: 4 };
const GOOD = 'dnssec-ok-0123456789abcdef.check.leakless.test';
const BAD = 'dnssec-bad-0123456789abcdef.check.leakless.test';
const TOKEN = 'abcdefghij0123456789abcdefghij01.check.leakless.test';

function ask(name: string, type: QType, dnssecOk = true) {
  const a = answerQuery(encodeQuery(name, type, { dnssecOk, id: 7 }), zone, v4, { transport: 'udp' });
  if (!a) throw new Error('dropped');
  return { a, p: decode(a.response) };
}
type Rec = dnsPacket.Answer & { data: unknown };
const summary = (rs: dnsPacket.Answer[] | undefined) =>
  ((rs ?? []) as Rec[]).map((r) => (r.type === 'RRSIG' ? `RRSIG ${(r.data as { typeCovered: string }).typeCovered}` : r.type));
const record = (rs: dnsPacket.Answer[] | undefined, i: number) => (rs ?? [])[i] as Rec;
const nsec = (p: ReturnType<typeof decode>) =>
  ((p.authorities ?? []) as Rec[]).find((r) => r.type === 'NSEC') as { name: string; data: { nextDomain: string; rrtypes: string[] } };

const publicKey = createPublicKey(testKey().privateKey);
const ZONE_WIRE = '05 636865636b 08 6c65616b6c657373 04 74657374 00';
/**
 * Does the first answer's RRSIG verify over it, as owned by `owner` with `canonical` as its RDATA (default: as sent)?
 * Read from the response bytes: header, question, the record, its RRSIG.
 */
function answerVerifies(name: string, type: QType, owner: string, canonical?: Buffer): boolean {
  const query = encodeQuery(name, type, { dnssecOk: true, id: 7 });
  const r = (answerQuery(query, zone, v4, { transport: 'udp' }) as { response: Buffer }).response;
  let o = query.length - 11; // the question ends where the query's OPT (11 bytes) begins
  const length = r.readUInt16BE(o + 10);
  const set = {
    owner: owner.split('.'),
    type: r.readUInt16BE(o + 2),
    ttl: r.readUInt32BE(o + 6),
    rdatas: [canonical ?? r.subarray(o + 12, o + 12 + length)],
  };
  o += 12 + length;
  const sig = r.subarray(o + 12, o + 12 + r.readUInt16BE(o + 10));
  const header = sig.subarray(0, sig.length - 64);
  return verify('sha256', signedData(set, header), { key: publicKey, dsaEncoding: 'ieee-p1363' }, sig.subarray(sig.length - 64));
}

describe('signatures that verify (node:crypto, the zone key)', () => {
  it('the good name, a token, ns and the apex verify; the broken name does not, in either family', () => {
    expect(answerVerifies(GOOD, 'A', GOOD)).toBe(true);
    expect(answerVerifies(GOOD, 'AAAA', GOOD)).toBe(true);
    expect(answerVerifies(TOKEN, 'A', TOKEN)).toBe(true);
    expect(answerVerifies('ns.check.leakless.test', 'AAAA', 'ns.check.leakless.test')).toBe(true);
    expect(answerVerifies('check.leakless.test', 'NS', 'check.leakless.test', hex(`02 6e73 ${ZONE_WIRE}`))).toBe(true);
    const soa = hex(`02 6e73 ${ZONE_WIRE} 0a 686f73746d6173746572 ${ZONE_WIRE} 00000001 00000e10 00000258 00015180 0000003c`);
    expect(answerVerifies('check.leakless.test', 'SOA', 'check.leakless.test', soa)).toBe(true);
    expect(answerVerifies(BAD, 'A', BAD)).toBe(false);
    expect(answerVerifies(BAD, 'AAAA', BAD)).toBe(false);
  });
});

describe('signed answers (DO)', () => {
  it('the good name: A with its RRSIG (algorithm 13, signer = zone, window −1 h … +1 day)', () => {
    const { a, p } = ask(GOOD, 'A');
    expect(p.rcode).toBe('NOERROR');
    expect(summary(p.answers)).toEqual(['A', 'RRSIG A']);
    const sig = record(p.answers, 1).data as dnsPacket.RrsigData;
    expect(sig).toMatchObject({ algorithm: 13, labels: 4, originalTTL: 0, keyTag: 14608, signersName: 'check.leakless.test' });
    expect([sig.inception, sig.expiration]).toEqual([TEST_NOW - 3600, TEST_NOW + 86400]);
    expect(a.token).toBeUndefined(); // not a token: nothing is recorded for it
  });

  it('the broken name differs from the good one only in its signature bytes', () => {
    const good = record(ask(GOOD, 'A').p.answers, 1).data as dnsPacket.RrsigData;
    const bad = record(ask(BAD, 'A').p.answers, 1).data as dnsPacket.RrsigData;
    expect({ ...bad, signature: null }).toEqual({ ...good, signature: null });
    expect(bad.signature.length).toBe(64);
  });

  it('tokens, the apex and ns are signed too, so the leak check works through a validating resolver', () => {
    expect(summary(ask(TOKEN, 'AAAA').p.answers)).toEqual(['AAAA', 'RRSIG AAAA']);
    expect(ask(TOKEN, 'A').a.token).toBe('abcdefghij0123456789abcdefghij01');
    expect(summary(ask('check.leakless.test', 'SOA').p.answers)).toEqual(['SOA', 'RRSIG SOA']);
    expect(summary(ask('check.leakless.test', 'NS').p.answers)).toEqual(['NS', 'RRSIG NS']);
    expect(summary(ask('ns.check.leakless.test', 'A').p.answers)).toEqual(['A', 'RRSIG A']);
  });

  it('answers DNSKEY at the apex with the CSK (flags 257), signed by itself', () => {
    const { p } = ask('check.leakless.test', 'DNSKEY');
    expect(summary(p.answers)).toEqual(['DNSKEY', 'RRSIG DNSKEY']);
    expect((record(p.answers, 0).data as dnsPacket.DnskeyData).flags).toBe(257);
    expect(summary(ask('check.leakless.test', 'DNSKEY', false).p.answers)).toEqual(['DNSKEY']);
  });

  it('NODATA: SOA and an NSEC at the name listing what exists there, each signed', () => {
    const { p } = ask(TOKEN, 'TXT');
    expect(p.rcode).toBe('NOERROR');
    expect(p.answers).toEqual([]);
    expect(summary(p.authorities)).toEqual(['SOA', 'RRSIG SOA', 'NSEC', 'RRSIG NSEC']);
    expect(nsec(p)).toMatchObject({ name: TOKEN, data: { nextDomain: `\0.${TOKEN}`, rrtypes: ['A', 'AAAA', 'RRSIG', 'NSEC'] } });
    expect(nsec(ask('check.leakless.test', 'TXT').p).data.rrtypes).toEqual(['A', 'NS', 'SOA', 'AAAA', 'RRSIG', 'NSEC', 'DNSKEY']);
  });

  it('NXDOMAIN becomes NOERROR with NXNAME in the NSEC (RFC 9824); without DO it stays NXDOMAIN', () => {
    const { p } = ask('nothere.check.leakless.test', 'A');
    expect(p.rcode).toBe('NOERROR');
    expect(summary(p.authorities)).toEqual(['SOA', 'RRSIG SOA', 'NSEC', 'RRSIG NSEC']);
    expect(nsec(p).data.rrtypes).toEqual(['RRSIG', 'NSEC', 'UNKNOWN_128']);
    const plain = ask('nothere.check.leakless.test', 'A', false).p;
    expect(plain.rcode).toBe('NXDOMAIN');
    expect(summary(plain.authorities)).toEqual(['SOA']);
  });

  it('without DO nothing is signed', () => {
    expect(summary(ask(GOOD, 'A', false).p.answers)).toEqual(['A']);
    expect(summary(ask(TOKEN, 'TXT', false).p.authorities)).toEqual(['SOA']);
  });

  it('the largest signed answer (63-byte labels up to 255 bytes, NXDOMAIN) fits 1232 bytes untruncated', () => {
    const long = `${'a'.repeat(62)}-.${'b'.repeat(63)}.${'c'.repeat(63)}.check.leakless.test`;
    const { a, p } = ask(long, 'A');
    expect(a.truncated).toBe(false);
    expect(summary(p.authorities)).toEqual(['SOA', 'RRSIG SOA', 'NSEC', 'RRSIG NSEC']);
    expect(a.response.length).toBeLessThanOrEqual(1232);
  });

  it('REFUSED and out-of-zone questions stay unsigned', () => {
    const { p } = ask('example.org', 'A');
    expect(p.rcode).toBe('REFUSED');
    expect([p.answers, p.authorities]).toEqual([[], []]);
  });

  it('fuzzed names and types: never throws, fits 1232 bytes, every record followed by the RRSIG that covers it', () => {
    const label = fc.uint8Array({ minLength: 1, maxLength: 63 }).map((u) => Buffer.from(u).toString('latin1'));
    fc.assert(
      fc.property(fc.array(label, { maxLength: 3 }), fc.integer({ min: 0, max: 65535 }), (labels, qtype) => {
        const parts = [...labels.map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, 'latin1')]))];
        const zoneWire = Buffer.from('05636865636b086c65616b6c6573730474657374 00'.replace(/\s/g, ''), 'hex');
        const qname = Buffer.concat([...parts, zoneWire]);
        if (qname.length > 255) return;
        const tail = Buffer.alloc(4);
        tail.writeUInt16BE(qtype, 0);
        tail.writeUInt16BE(1, 2);
        const opt = Buffer.from('0000290200000080000000', 'hex'); // OPT, 512 bytes, DO
        const header = Buffer.from('000100000001000000000001', 'hex');
        const a = answerQuery(Buffer.concat([header, qname, tail, opt]), zone, v4, { transport: 'udp' });
        if (!a) return;
        expect(a.response.length).toBeLessThanOrEqual(1232);
        const p = decode(a.response);
        for (const section of [p.answers ?? [], p.authorities ?? []]) {
          expect(section.length % 2).toBe(0);
          for (let i = 0; i < section.length; i += 2) {
            const sig = section[i + 1] as Rec;
            expect(sig.type).toBe('RRSIG');
            expect((sig.data as { typeCovered: string }).typeCovered).toBe(section[i]?.type);
          }
        }
      }),
      { numRuns: 3000, seed: 20261201 },
    );
  });
});
