import { formatSubnet, ipBytes, type Peer } from '../ip.ts';
import { CLASS_IN, ecsOption, name, nsName, optRecord, rfc8482Hinfo, rr, soaData, TYPE } from './records.ts';
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
}

export function prepareZone(zone: string, address4: string | null, address6: string | null, acmeCname: string | null = null): Zone {
  return {
    labels: zone.toLowerCase().split('.'),
    address4: address4 === null ? null : ipBytes(address4),
    address6: address6 === null ? null : ipBytes(address6),
    acmeCname: acmeCname === null ? null : name(acmeCname),
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

interface Decision {
  rcode: number;
  authoritative: boolean;
  answers: Buffer[];
  authority: Buffer[];
  token?: string;
}

function decide(q: Query, zone: Zone, source: Peer): Decision {
  const refused: Decision = { rcode: RCODE.REFUSED, authoritative: false, answers: [], authority: [] };
  const n = q.labels.length - zone.labels.length;
  if (q.qclass !== CLASS_IN || n < 0) return refused;
  for (let i = 0; i < zone.labels.length; i++) if (q.labels[n + i] !== zone.labels[i]) return refused;
  if (q.qtype === TYPE.AXFR || q.qtype === TYPE.IXFR) return refused;

  const zoneOffset = q.labelOffsets[n] ?? 12;
  const rel = q.labels.slice(0, n);
  const soa = () => rr(zoneOffset, TYPE.SOA, NEGATIVE_TTL, soaData(zoneOffset, NEGATIVE_TTL));
  const own = (v4: boolean, v6: boolean, ttl: number): Buffer[] => {
    if (q.qtype === TYPE.A && v4 && zone.address4) return [rr(12, TYPE.A, ttl, zone.address4)];
    if (q.qtype === TYPE.AAAA && v6 && zone.address6) return [rr(12, TYPE.AAAA, ttl, zone.address6)];
    return [];
  };

  let answers: Buffer[];
  let token: string | undefined;
  const first = rel[0] ?? '';
  if (rel.length === 0) {
    if (q.qtype === TYPE.SOA) answers = [soa()];
    else if (q.qtype === TYPE.NS) answers = [rr(12, TYPE.NS, STATIC_TTL, nsName(zoneOffset))];
    else answers = own(true, true, STATIC_TTL);
  } else if (rel.length === 1 && first === 'ns') {
    answers = own(true, true, STATIC_TTL);
  } else if (rel.length === 1 && (first === 'ipv4' || first === 'ipv6')) {
    answers = own(first === 'ipv4', first === 'ipv6', STATIC_TTL);
  } else if (rel[n - 1] === 'whoami') {
    // The answer is the asker itself, so it only exists in the asker's own family.
    const bytes = ipBytes(source.address);
    if (q.qtype === TYPE.A && source.family === 4) answers = [rr(12, TYPE.A, 0, bytes)];
    else if (q.qtype === TYPE.AAAA && source.family === 6) answers = [rr(12, TYPE.AAAA, 0, bytes)];
    else answers = [];
  } else if (rel.length === 1 && first === '_acme-challenge' && zone.acmeCname) {
    answers = [rr(12, TYPE.CNAME, STATIC_TTL, zone.acmeCname)];
  } else if (rel.length === 1 && TOKEN_RE.test(first)) {
    // Any query type proves the resolver asked (Chrome also asks HTTPS/type 65), so all are recorded.
    token = first;
    answers = own(true, true, 0);
  } else {
    return { rcode: RCODE.NXDOMAIN, authoritative: true, answers: [], authority: [soa()] };
  }
  if (q.qtype === TYPE.ANY) answers = [rr(12, TYPE.HINFO, STATIC_TTL, rfc8482Hinfo())];
  const d: Decision = { rcode: RCODE.NOERROR, authoritative: true, answers, authority: answers.length ? [] : [soa()] };
  if (token !== undefined) d.token = token;
  return d;
}

function maskedEcsAddress(q: Query): Buffer {
  const ecs = q.edns?.ecs;
  if (!ecs) return Buffer.alloc(0);
  const a = Buffer.from(ecs.address);
  const spare = a.length * 8 - ecs.sourcePrefix;
  if (a.length > 0 && spare > 0) a[a.length - 1] = (a[a.length - 1] ?? 0) & (0xff << spare);
  return a;
}

function assemble(q: Query, d: Decision, truncate: boolean): Buffer {
  const answers = truncate ? [] : d.answers;
  const authority = truncate ? [] : d.authority;
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
  if (q.opcode !== OPCODE_QUERY) d = { rcode: RCODE.NOTIMP, authoritative: false, answers: [], authority: [] };
  else if (q.edns && q.edns.version > 0) d = { rcode: RCODE.BADVERS, authoritative: false, answers: [], authority: [] };
  else d = decide(q, zone, source);

  // Compressed names keep every answer far below 512 bytes; the check is a guarantee, not a path in use.
  const limit = transport === 'tcp' ? 65535 : q.edns ? Math.min(Math.max(q.edns.udpSize, plainUdpLimit), OUR_UDP_SIZE) : plainUdpLimit;
  let response = assemble(q, d, slip);
  const truncated = slip || response.length > limit;
  if (truncated && !slip) response = assemble(q, d, true);
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
