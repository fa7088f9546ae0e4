/**
 * Compact denial of existence (RFC 9824, "black lies"): instead of a signed chain of every name, each
 * negative answer carries one NSEC, made on the fly at the query name, whose next name is the name's
 * immediate successor (`\000.<qname>`): it covers nothing else, so it cannot be used to walk the zone.
 */
import { TYPE, wireName } from '../records.ts';

/** RFC 4034 §4.1.2: window blocks of up to 32 bytes, each only as long as its highest type needs. */
export function typeBitmap(types: readonly number[]): Buffer {
  const windows = new Map<number, Buffer>();
  for (const type of new Set(types)) {
    const w = type >> 8;
    const low = type & 0xff;
    const prev = windows.get(w) ?? Buffer.alloc(0);
    const bits = prev.length > low >> 3 ? prev : Buffer.concat([prev, Buffer.alloc((low >> 3) + 1 - prev.length)]);
    bits[low >> 3] = (bits[low >> 3] ?? 0) | (0x80 >> (low & 7));
    windows.set(w, bits);
  }
  return Buffer.concat(
    [...windows.entries()].sort(([a], [b]) => a - b).map(([w, bits]) => Buffer.concat([Buffer.from([w, bits.length]), bits])),
  );
}

/**
 * The NSEC RDATA for `qname`: the types that exist there (plus RRSIG and NSEC themselves), or, for a name
 * that does not exist, NXNAME alone — which is how a resolver tells NXDOMAIN from NODATA under NOERROR.
 */
export function nsecRdata(qname: readonly string[], types: readonly number[] | null): Buffer {
  const present = types === null ? [TYPE.NXNAME] : types;
  return Buffer.concat([wireName(['\0', ...qname]), typeBitmap([...present, TYPE.RRSIG, TYPE.NSEC])]);
}
