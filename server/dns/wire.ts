/**
 * Strict DNS query parser. Hand-written rather than dns-packet so the question can be echoed
 * byte-for-byte (0x20 case randomisation survives) and any malformation means "drop", never a throw.
 */

export const OPCODE_QUERY = 0;
export const TYPE_OPT = 41;

export interface Ecs {
  family: 1 | 2;
  sourcePrefix: number;
  /** Address bytes exactly as sent (ceil(prefix / 8) long). */
  address: Buffer;
}

export interface Edns {
  udpSize: number;
  version: number;
  dnssecOk: boolean;
  /** Only a well-formed ECS option (RFC 7871 §6) is kept. */
  ecs: Ecs | null;
}

export interface Query {
  id: number;
  opcode: number;
  recursionDesired: boolean;
  /** Lowercased (ASCII only, as DNS compares) labels, most specific first. */
  labels: string[];
  /** Wire offset of each label, for compression pointers into the echoed question. */
  labelOffsets: number[];
  qtype: number;
  qclass: number;
  /** The question section as received, to echo verbatim. */
  question: Buffer;
  edns: Edns | null;
}

const lowerAscii = (s: string) => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

/** Returns the offset after a (possibly compressed) name, or -1. */
function skipName(buf: Buffer, offset: number): number {
  let o = offset;
  for (;;) {
    if (o >= buf.length) return -1;
    const len = buf[o] ?? 0;
    if (len === 0) return o + 1;
    if ((len & 0xc0) === 0xc0) return o + 2 <= buf.length ? o + 2 : -1;
    if ((len & 0xc0) !== 0) return -1;
    o += 1 + len;
  }
}

function parseEcs(data: Buffer): Ecs | null {
  if (data.length < 4) return null;
  const family = data.readUInt16BE(0);
  const sourcePrefix = data[2] ?? 0;
  const scope = data[3] ?? 0;
  const address = data.subarray(4);
  if (family !== 1 && family !== 2) return null;
  if (sourcePrefix > (family === 1 ? 32 : 128) || scope !== 0) return null;
  if (address.length !== Math.ceil(sourcePrefix / 8)) return null;
  return { family, sourcePrefix, address: Buffer.from(address) };
}

function parseOpt(buf: Buffer, ttlOffset: number, rdata: Buffer): Edns | null {
  const ttl = buf.readUInt32BE(ttlOffset);
  let ecs: Ecs | null = null;
  for (let o = 0; o < rdata.length; ) {
    if (o + 4 > rdata.length) return null;
    const code = rdata.readUInt16BE(o);
    const len = rdata.readUInt16BE(o + 2);
    if (o + 4 + len > rdata.length) return null;
    if (code === 8) ecs = parseEcs(rdata.subarray(o + 4, o + 4 + len));
    o += 4 + len;
  }
  return {
    udpSize: buf.readUInt16BE(ttlOffset - 2),
    version: (ttl >>> 16) & 0xff,
    dnssecOk: (ttl & 0x8000) !== 0,
    ecs,
  };
}

/** null = not a well-formed query: drop it silently. */
export function parseQuery(buf: Buffer): Query | null {
  if (buf.length < 12 || buf.length > 65535) return null;
  const flags = buf.readUInt16BE(2);
  if (flags & 0x8000) return null; // a response: never answer one (no reflection loops)
  const qd = buf.readUInt16BE(4);
  const rrCount = buf.readUInt16BE(6) + buf.readUInt16BE(8);
  const ar = buf.readUInt16BE(10);
  if (qd !== 1) return null;

  const labels: string[] = [];
  const labelOffsets: number[] = [];
  let o = 12;
  for (;;) {
    const len = buf[o];
    if (len === undefined || (len & 0xc0) !== 0) return null; // no pointers in a question
    if (len === 0) break;
    if (o + 1 + len > buf.length) return null;
    labelOffsets.push(o);
    labels.push(lowerAscii(buf.toString('latin1', o + 1, o + 1 + len)));
    o += 1 + len;
  }
  o += 1;
  if (o - 12 > 255 || o + 4 > buf.length) return null;
  const qtype = buf.readUInt16BE(o);
  const qclass = buf.readUInt16BE(o + 2);
  o += 4;
  const question = buf.subarray(12, o);

  let edns: Edns | null = null;
  for (let i = 0; i < rrCount + ar; i++) {
    const start = o;
    o = skipName(buf, o);
    if (o < 0 || o + 10 > buf.length) return null;
    const type = buf.readUInt16BE(o);
    const rdlen = buf.readUInt16BE(o + 8);
    if (o + 10 + rdlen > buf.length) return null;
    if (type === TYPE_OPT) {
      // One OPT, owned by the root, in the additional section only (RFC 6891 §6.1.1).
      if (i < rrCount || edns || o !== start + 1) return null;
      edns = parseOpt(buf, o + 4, buf.subarray(o + 10, o + 10 + rdlen));
      if (!edns) return null;
    }
    o += 10 + rdlen;
  }
  if (o !== buf.length) return null;

  return {
    id: buf.readUInt16BE(0),
    opcode: (flags >>> 11) & 0xf,
    recursionDesired: (flags & 0x0100) !== 0,
    labels,
    labelOffsets,
    qtype,
    qclass,
    question,
    edns,
  };
}
