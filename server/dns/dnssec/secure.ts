/** Turns an answer into a signed one, for a query with the DO bit (RFC 3225): the only place signing happens. */
import type { Decision, Rec } from '../decision.ts';
import { TYPE } from '../records.ts';
import type { Query } from '../wire.ts';
import { nsecRdata } from './denial.ts';
import { rrsigRdata, type Signer } from './sign.ts';

const RCODE_NOERROR = 0;
const RCODE_NXDOMAIN = 3;

/**
 * Every RRset gets its RRSIG; a negative answer gets an NSEC at the query name (compact denial, RFC 9824),
 * so a non-existent name answers NOERROR with NXNAME in the bitmap. Only the query name's own signatures are
 * broken on the broken name: the zone's SOA and DNSKEY stay valid, so only that name fails.
 */
export function secureDecision(q: Query, d: Decision, zoneLabels: readonly string[], signer: Signer, negativeTtl: number): Decision {
  const sign = (recs: readonly Rec[]): Rec[] =>
    recs.flatMap((r) => {
      const set = { owner: r.owner === 'qname' ? q.labels : zoneLabels, type: r.type, ttl: r.ttl, rdatas: [r.canonical] };
      const sig = rrsigRdata(set, signer, d.broken === true && r.owner === 'qname');
      return [r, { owner: r.owner, type: TYPE.RRSIG, ttl: r.ttl, rdata: () => sig, canonical: sig }];
    });
  const authority = [...d.authority];
  if (d.answers.length === 0) {
    const nsec = nsecRdata(q.labels, d.exists);
    authority.push({ owner: 'qname', type: TYPE.NSEC, ttl: negativeTtl, rdata: () => nsec, canonical: nsec });
  }
  return {
    ...d,
    rcode: d.rcode === RCODE_NXDOMAIN ? RCODE_NOERROR : d.rcode,
    answers: sign(d.answers),
    authority: sign(authority),
  };
}
