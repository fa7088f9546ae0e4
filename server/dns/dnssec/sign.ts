/** RRSIG (RFC 4034 §3, RFC 6605): the canonical form of an RRset, and the signature over it. */
import { sign } from 'node:crypto';
import { CLASS_IN, wireName } from '../records.ts';
import { ALGORITHM_ECDSAP256SHA256, type ZoneKey } from './key.ts';

export interface RRset {
  /** Owner, lowercase labels, most specific first. */
  owner: readonly string[];
  type: number;
  ttl: number;
  /** Each record's RDATA in canonical form: names uncompressed and lowercase. */
  rdatas: readonly Buffer[];
}

export interface Signer {
  key: ZoneKey;
  /** The zone's name in wire form: the signer's name field (never compressed, RFC 4034 §3.1.7). */
  zoneName: Buffer;
  /** Seconds since the epoch; injected so tests are deterministic. */
  now: () => number;
}

/** Valid from an hour ago (clock skew between us and the resolver) to a day ahead; RRSIGs are made per answer. */
export const INCEPTION_BEFORE = 3600;
export const EXPIRATION_AFTER = 86400;

/** The RRSIG RDATA up to (not including) the signature. */
export function rrsigHeader(set: RRset, signer: Signer): Buffer {
  const now = signer.now();
  const b = Buffer.alloc(18);
  b.writeUInt16BE(set.type, 0);
  b.writeUInt8(ALGORITHM_ECDSAP256SHA256, 2);
  b.writeUInt8(set.owner.length, 3); // no wildcards: every name is synthesised exactly
  b.writeUInt32BE(set.ttl, 4);
  b.writeUInt32BE((now + EXPIRATION_AFTER) >>> 0, 8);
  b.writeUInt32BE((now - INCEPTION_BEFORE) >>> 0, 12);
  b.writeUInt16BE(signer.key.keyTag, 16);
  return Buffer.concat([b, signer.zoneName]);
}

/** RFC 4034 §3.1.8.1: the header, then every record in canonical order (RDATA sorted as octet strings). */
export function signedData(set: RRset, header: Buffer): Buffer {
  const owner = wireName(set.owner);
  const records = [...set.rdatas].sort(Buffer.compare).map((rdata) => {
    const fixed = Buffer.alloc(10);
    fixed.writeUInt16BE(set.type, 0);
    fixed.writeUInt16BE(CLASS_IN, 2);
    fixed.writeUInt32BE(set.ttl, 4);
    fixed.writeUInt16BE(rdata.length, 8);
    return Buffer.concat([owner, fixed, rdata]);
  });
  return Buffer.concat([header, ...records]);
}

/**
 * The RRSIG RDATA for `set`. `broken` flips one bit of the signature: the record looks right but fails
 * validation, which is how the check tells a validating resolver (SERVFAIL) from one that is not.
 */
export function rrsigRdata(set: RRset, signer: Signer, broken = false): Buffer {
  const header = rrsigHeader(set, signer);
  const signature = sign('sha256', signedData(set, header), { key: signer.key.privateKey, dsaEncoding: 'ieee-p1363' });
  const last = signature.length - 1;
  if (broken) signature.writeUInt8(signature.readUInt8(last) ^ 0x01, last);
  return Buffer.concat([header, signature]);
}
