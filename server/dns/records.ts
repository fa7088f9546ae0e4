/** Resource-record encoders. Owner and target names are compression pointers into the echoed question. */

export const TYPE = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  HINFO: 13,
  AAAA: 28,
  OPT: 41,
  DS: 43,
  RRSIG: 46,
  NSEC: 47,
  DNSKEY: 48,
  /** RFC 9824: the pseudo-type that marks a name as not existing in a compact denial. */
  NXNAME: 128,
  IXFR: 251,
  AXFR: 252,
  ANY: 255,
} as const;
export const CLASS_IN = 1;

export const pointer = (offset: number) => Buffer.from([0xc0 | (offset >> 8), offset & 0xff]);

function label(text: string): Buffer {
  return Buffer.concat([Buffer.from([text.length]), Buffer.from(text, 'latin1')]);
}

function charString(text: string): Buffer {
  return label(text);
}

export function rr(ownerOffset: number, type: number, ttl: number, rdata: Buffer): Buffer {
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(type, 0);
  fixed.writeUInt16BE(CLASS_IN, 2);
  fixed.writeUInt32BE(ttl, 4);
  fixed.writeUInt16BE(rdata.length, 8);
  return Buffer.concat([pointer(ownerOffset), fixed, rdata]);
}

/** A full, uncompressed name from its labels (bytes as received: the parser reads them as latin1). */
export function wireName(labels: readonly string[]): Buffer {
  return Buffer.concat([...labels.map(label), Buffer.from([0])]);
}

/** A full, uncompressed name (for targets outside the question). */
export function name(text: string): Buffer {
  return wireName(text.split('.'));
}

/** "ns.<zone>" as a label plus a pointer to the zone's name in the question. */
export function nsName(zoneOffset: number): Buffer {
  return Buffer.concat([label('ns'), pointer(zoneOffset)]);
}

function soaNumbers(negativeTtl: number): Buffer {
  const numbers = Buffer.alloc(20);
  numbers.writeUInt32BE(1, 0); // serial: the zone is synthesised, it never changes
  numbers.writeUInt32BE(3600, 4); // refresh
  numbers.writeUInt32BE(600, 8); // retry
  numbers.writeUInt32BE(86400, 12); // expire
  numbers.writeUInt32BE(negativeTtl, 16); // minimum = negative-caching TTL
  return numbers;
}

export function soaData(zoneOffset: number, negativeTtl: number): Buffer {
  return Buffer.concat([nsName(zoneOffset), label('hostmaster'), pointer(zoneOffset), soaNumbers(negativeTtl)]);
}

/** The SOA's RDATA in canonical form (RFC 4034 §6.2: names uncompressed), as it is signed. */
export function soaCanonical(zone: readonly string[], negativeTtl: number): Buffer {
  return Buffer.concat([wireName(['ns', ...zone]), wireName(['hostmaster', ...zone]), soaNumbers(negativeTtl)]);
}

/** RFC 8482 §4.2: answer ANY with one small synthesised HINFO instead of everything. */
export function rfc8482Hinfo(): Buffer {
  return Buffer.concat([charString('RFC8482'), charString('')]);
}

export function optRecord(payloadSize: number, extendedRcode: number, dnssecOk: boolean, options: Buffer): Buffer {
  const b = Buffer.alloc(11);
  b.writeUInt8(0, 0); // root owner
  b.writeUInt16BE(TYPE.OPT, 1);
  b.writeUInt16BE(payloadSize, 3);
  b.writeUInt8(extendedRcode, 5);
  b.writeUInt8(0, 6); // version 0
  b.writeUInt16BE(dnssecOk ? 0x8000 : 0, 7);
  b.writeUInt16BE(options.length, 9);
  return Buffer.concat([b, options]);
}

export function ecsOption(family: number, sourcePrefix: number, address: Buffer): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt16BE(8, 0);
  b.writeUInt16BE(4 + address.length, 2);
  b.writeUInt16BE(family, 4);
  b.writeUInt8(sourcePrefix, 6);
  b.writeUInt8(0, 7); // scope 0: the answer is the same for every subnet
  return Buffer.concat([b, address]);
}
