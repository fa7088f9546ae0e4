import { formatSubnet, ipBytes, type Peer } from '../ip.ts';
import type { Decision, Rec } from './decision.ts';
import type { ZoneKey } from './dnssec/key.ts';
import { DNSSEC_BROKEN, DNSSEC_LABEL_RE } from './dnssec/labels.ts';
import { secureDecision } from './dnssec/secure.ts';
import type { Signer } from './dnssec/sign.ts';
import { CLASS_IN, ecsOption, name, nsName, optRecord, rfc8482Hinfo, rr, soaCanonical, soaData, TYPE, wireName } from './records.ts';
import { OPCODE_QUERY, parseQuery, type Query } from './wire.ts';

export const RCODE = { NOERROR: 0, FORMERR: 1, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5, BADVERS: 16 } as const;
export const TOKEN_RE = /^[a-z0-9]{16,63}$/;

const STATIC_TTL = 300;
const NEGATIVE_TTL = 60;
const OUR_UDP_SIZE = 1232; // DNS flag day 2020: avoids IP fragmentation

export interface Zone {
  labels: string[];
  address4: Buffer | null;
  address6: Buffer | null;
  acmeCname: Buffer | null;
  /** null = the zone is not signed (unit tests of the unsigned answers). */
  signer: Signer | null;
}

export function prepareZone(
  zone: string,
  address4: string | null,
  address6: string | null,
  acmeCname: string | null = null,
  key: ZoneKey | null = null,
  now: () => number = () => Math.floor(Date.now() / 1000),
): Zone {
  const labels = zone.toLowerCase().split('.');
  return {
    labels,
    address4: address4 === null ? null : ipBytes(address4),
    address6: address6 === null ? null : ipBytes(address6),
    acmeCname: acmeCname === null ? null : name(acmeCname),
    signer: key === null ? null : { key, zoneName: wireName(labels), now },
  };
}

export interface Answer {
  response: Buffer;
  rcode: number;
  truncated: boolean;
  /** Set when the question named a token: the caller records the asker against it. */
  token?: string;
  ecs?: string;
}

function decide(q: Query, zone: Zone, source: Peer): Decision {
  const refused: Decision = { rcode: RCODE.REFUSED, authoritative: false, answers: [], authority: [], exists: null };
  const n = q.labels.length - zone.labels.length;
  if (q.qclass !== CLASS_IN || n < 0) return refused;
  for (let i = 0; i < zone.labels.length; i++) if (q.labels[n + i] !== zone.labels[i]) return refused;
  if (q.qtype === TYPE.AXFR || q.qtype === TYPE.IXFR) return refused;

  const rel = q.labels.slice(0, n);
  const soa = (): Rec => ({
    owner: 'apex',
    type: TYPE.SOA,
    ttl: NEGATIVE_TTL,
    rdata: (offset) => soaData(offset, NEGATIVE_TTL),
    canonical: soaCanonical(zone.labels, NEGATIVE_TTL),
  });
  const fixed = (type: number, ttl: number, rdata: Buffer): Rec => ({ owner: 'qname', type, ttl, rdata: () => rdata, canonical: rdata });
  // What exists at the name, by type; the answer is the asked type's record, and the NSEC of a NODATA lists the rest.
  const present: Rec[] = [];
  const own = (v4: boolean, v6: boolean, ttl: number) => {
    if (v4 && zone.address4) present.push(fixed(TYPE.A, ttl, zone.address4));
    if (v6 && zone.address6) present.push(fixed(TYPE.AAAA, ttl, zone.address6));
  };

  let token: string | undefined;
  let broken = false;
  const first = rel[0] ?? '';
  if (rel.length === 0) {
    present.push(soa());
    const nsCanonical = wireName(['ns', ...zone.labels]);
    present.push({ owner: 'apex', type: TYPE.NS, ttl: STATIC_TTL, rdata: (offset) => nsName(offset), canonical: nsCanonical });
    if (zone.signer) present.push(fixed(TYPE.DNSKEY, STATIC_TTL, zone.signer.key.dnskey));
    own(true, true, STATIC_TTL);
  } else if (rel.length === 1 && first === 'ns') {
    own(true, true, STATIC_TTL);
  } else if (rel.length === 1 && (first === 'ipv4' || first === 'ipv6')) {
    own(first === 'ipv4', first === 'ipv6', STATIC_TTL);
  } else if (rel[n - 1] === 'whoami') {
    // The answer is the asker itself, so it only exists in the asker's own family.
    present.push(fixed(source.family === 4 ? TYPE.A : TYPE.AAAA, 0, ipBytes(source.address)));
  } else if (rel.length === 1 && first === '_acme-challenge' && zone.acmeCname) {
    // A CNAME answers every type (RFC 1034 §3.6.2).
    const cname = fixed(TYPE.CNAME, STATIC_TTL, zone.acmeCname);
    return { rcode: RCODE.NOERROR, authoritative: true, answers: [cname], authority: [], exists: [TYPE.CNAME] };
  } else if (rel.length === 1 && TOKEN_RE.test(first)) {
    // Any query type proves the resolver asked (Chrome also asks HTTPS/type 65), so all are recorded.
    token = first;
    own(true, true, 0);
  } else if (rel.length === 1 && DNSSEC_LABEL_RE.test(first)) {
    // Fresh names per check, so no cache answers for them; TTL 0 for the same reason.
    broken = first.startsWith(DNSSEC_BROKEN);
    own(true, true, 0);
  } else {
    return { rcode: RCODE.NXDOMAIN, authoritative: true, answers: [], authority: [soa()], exists: null };
  }
  const answers = q.qtype === TYPE.ANY ? [fixed(TYPE.HINFO, STATIC_TTL, rfc8482Hinfo())] : present.filter((r) => r.type === q.qtype);
  const d: Decision = {
    rcode: RCODE.NOERROR,
    authoritative: true,
    answers,
    authority: answers.length ? [] : [soa()],
    exists: present.map((r) => r.type),
    broken,
  };
  if (token !== undefined) d.token = token;
  return d;
}

function maskedEcsAddress(q: Query): Buffer {
  const ecs = q.edns?.ecs;
  if (!ecs) return Buffer.alloc(0);
  const a = Buffer.from(ecs.address);
  const spare = a.length * 8 - ecs.sourcePrefix;
  // The parser keeps only addresses of ceil(prefix / 8) bytes, so spare bits (0–7) mean a last byte exists.
  if (spare > 0) a[a.length - 1] = (a[a.length - 1] ?? 0) & (0xff << spare);
  return a;
}

function assemble(q: Query, zone: Zone, d: Decision, truncate: boolean): Buffer {
  // Records are only ever made for names in the zone, so its name is in the question to point at.
  const zoneOffset = q.labelOffsets[q.labels.length - zone.labels.length] ?? 12;
  const encode = (r: Rec) => rr(r.owner === 'qname' ? 12 : zoneOffset, r.type, r.ttl, r.rdata(zoneOffset));
  const answers = truncate ? [] : d.answers.map(encode);
  const authority = truncate ? [] : d.authority.map(encode);
  const additional: Buffer[] = [];
  if (q.edns) {
    const ecs = q.edns.ecs;
    const opts = ecs ? ecsOption(ecs.family, ecs.sourcePrefix, maskedEcsAddress(q)) : Buffer.alloc(0);
    additional.push(optRecord(OUR_UDP_SIZE, d.rcode >> 4, q.edns.dnssecOk, opts));
  }
  const header = Buffer.alloc(12);
  header.writeUInt16BE(q.id, 0);
  let flags = 0x8000 | (q.opcode << 11) | (d.rcode & 0xf);
  if (d.authoritative) flags |= 0x0400;
  if (truncate) flags |= 0x0200;
  if (q.recursionDesired) flags |= 0x0100;
  header.writeUInt16BE(flags, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  header.writeUInt16BE(authority.length, 8);
  header.writeUInt16BE(additional.length, 10);
  return Buffer.concat([header, q.question, ...answers, ...authority, ...additional]);
}

/**
 * Pure: query bytes → response bytes, or null to drop. Recording the token is left to the caller,
 * so this function has no state and can be fuzzed directly.
 */
export interface AnswerOptions {
  transport: 'udp' | 'tcp';
  /** UDP size without EDNS (RFC 1035: 512); lowered only by tests to exercise truncation. */
  plainUdpLimit?: number;
  /**
   * Response-rate limiting's "slip": answer with the TC bit and no records, as authoritative servers
   * do, so a real resolver retries over TCP instead of losing the lookup. Nothing is recorded.
   */
  slip?: boolean;
}

export function answerQuery(
  packet: Buffer,
  zone: Zone,
  source: Peer,
  { transport, plainUdpLimit = 512, slip = false }: AnswerOptions,
): Answer | null {
  const q = parseQuery(packet);
  if (!q) return null;
  let d: Decision;
  if (q.opcode !== OPCODE_QUERY) d = { rcode: RCODE.NOTIMP, authoritative: false, answers: [], authority: [], exists: null };
  else if (q.edns && q.edns.version > 0) d = { rcode: RCODE.BADVERS, authoritative: false, answers: [], authority: [], exists: null };
  else d = decide(q, zone, source);
  // Signed only when asked (DO): without it the answers stay exactly as small as they were.
  if (zone.signer && q.edns?.dnssecOk && d.authoritative) d = secureDecision(q, d, zone.labels, zone.signer, NEGATIVE_TTL);

  // Compressed names keep every unsigned answer far below 512 bytes, and a signed one (two RRSIGs and an NSEC at
  // most, about 450 bytes for the longest name) below 1232; the check is a guarantee, not a path in use.
  const limit = transport === 'tcp' ? 65535 : q.edns ? Math.min(Math.max(q.edns.udpSize, plainUdpLimit), OUR_UDP_SIZE) : plainUdpLimit;
  let response = assemble(q, zone, d, slip);
  const truncated = slip || response.length > limit;
  if (truncated && !slip) response = assemble(q, zone, d, true);
  const result: Answer = { response, rcode: d.rcode, truncated };
  if (d.token !== undefined && !slip) {
    result.token = d.token;
    const ecs = q.edns?.ecs;
    if (ecs && ecs.sourcePrefix > 0) {
      result.ecs = formatSubnet(ecs.family === 1 ? 4 : 6, ecs.address, ecs.sourcePrefix);
    }
  }
  return result;
}
