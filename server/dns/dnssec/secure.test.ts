/** secureDecision on hand-made decisions: which records get an RRSIG over which owner, the NSEC, the rcode. */
import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeQuery, hex } from '../../testing.ts';
import type { Decision, Rec } from '../decision.ts';
import { soaCanonical, wireName } from '../records.ts';
import { parseQuery, type Query } from '../wire.ts';
import { TEST_NOW, testKey } from './fixture.ts';
import { secureDecision } from './secure.ts';
import { signedData } from './sign.ts';

const ZONE = ['check', 'leakless', 'test'];
const key = testKey();
const signer = { key, zoneName: wireName(ZONE), now: () => TEST_NOW };
const publicKey = createPublicKey(key.privateKey);
const q = parseQuery(encodeQuery('X.check.leakless.test', 'A')) as Query;
const QNAME = ['x', ...ZONE];

const rec = (owner: Rec['owner'], type: number, ttl: number, rdata: Buffer): Rec => ({
  owner,
  type,
  ttl,
  rdata: () => rdata,
  canonical: rdata,
});
const A = rec('qname', 1, 0, hex('c000020a'));
const SOA = rec('apex', 6, 60, soaCanonical(ZONE, 60));
const decision = (over: Partial<Decision>): Decision => ({
  rcode: 0,
  authoritative: true,
  answers: [],
  authority: [],
  exists: [],
  ...over,
});
const NEGATIVE_TTL = 45;

/** Does `sig` (an RRSIG's RDATA) sign `covered` at `owner` with the zone key? */
const signs = (sig: Rec, covered: Rec, owner: readonly string[]) => {
  const data = sig.rdata(0);
  const header = data.subarray(0, data.length - 64);
  const set = { owner, type: covered.type, ttl: covered.ttl, rdatas: [covered.canonical] };
  return verify('sha256', signedData(set, header), { key: publicKey, dsaEncoding: 'ieee-p1363' }, data.subarray(data.length - 64));
};
const shape = (recs: readonly Rec[]) => recs.map((r) => `${r.owner} ${r.type} ${r.ttl}`);

describe('secureDecision', () => {
  it('an answer: each record followed by its RRSIG over the query name; no NSEC; the rest kept', () => {
    const s = secureDecision(q, decision({ answers: [A], exists: [1, 28], token: 'tok' }), ZONE, signer, NEGATIVE_TTL);
    expect(shape(s.answers)).toEqual(['qname 1 0', 'qname 46 0']);
    expect(s.authority).toEqual([]);
    const [a, sig] = s.answers as [Rec, Rec];
    expect(a).toBe(A);
    expect(sig.canonical).toEqual(sig.rdata(0));
    expect(sig.rdata(0).subarray(0, 4)).toEqual(hex('0001 0d 04')); // covers A, algorithm 13, 4 labels
    expect(signs(sig, A, QNAME)).toBe(true);
    expect([s.rcode, s.authoritative, s.exists, s.token]).toEqual([0, true, [1, 28], 'tok']);
  });

  it('NODATA: the SOA signed over the apex, then an NSEC at the name with the negative TTL, signed', () => {
    const s = secureDecision(q, decision({ authority: [SOA], exists: [1, 28] }), ZONE, signer, NEGATIVE_TTL);
    expect(s.answers).toEqual([]);
    expect(shape(s.authority)).toEqual(['apex 6 60', 'apex 46 60', 'qname 47 45', 'qname 46 45']);
    const [soa, soaSig, nsec, nsecSig] = s.authority as [Rec, Rec, Rec, Rec];
    expect(signs(soaSig, soa, ZONE)).toBe(true);
    expect(soaSig.rdata(0).subarray(0, 4)).toEqual(hex('0006 0d 03'));
    expect(nsec.rdata(0)).toEqual(hex('0100 0178 05636865636b 086c65616b6c657373 0474657374 00 0006 400000080003'));
    expect(nsec.canonical).toEqual(nsec.rdata(0));
    expect(signs(nsecSig, nsec, QNAME)).toBe(true);
    expect(s.rcode).toBe(0);
  });

  it('NXDOMAIN becomes NOERROR with NXNAME in the NSEC; any other rcode is kept', () => {
    const nx = secureDecision(q, decision({ rcode: 3, authority: [SOA], exists: null }), ZONE, signer, NEGATIVE_TTL);
    expect(nx.rcode).toBe(0);
    expect((nx.authority[2] as Rec).rdata(0).subarray(-19)).toEqual(hex('0011 00000000000300000000000000000000 80'));
    expect(secureDecision(q, decision({ rcode: 2, answers: [A] }), ZONE, signer, NEGATIVE_TTL).rcode).toBe(2);
  });

  it('the broken name: its own signatures fail, the apex ones still verify', () => {
    const answer = secureDecision(q, decision({ answers: [A], broken: true }), ZONE, signer, NEGATIVE_TTL);
    expect(signs(answer.answers[1] as Rec, A, QNAME)).toBe(false);
    const denial = secureDecision(q, decision({ authority: [SOA], exists: [1], broken: true }), ZONE, signer, NEGATIVE_TTL);
    const [soa, soaSig, nsec, nsecSig] = denial.authority as [Rec, Rec, Rec, Rec];
    expect(signs(soaSig, soa, ZONE)).toBe(true);
    expect(signs(nsecSig, nsec, QNAME)).toBe(false);
    const fine = secureDecision(q, decision({ authority: [SOA], exists: [1], broken: false }), ZONE, signer, NEGATIVE_TTL);
    expect(signs(fine.authority[3] as Rec, fine.authority[2] as Rec, QNAME)).toBe(true);
  });
});
