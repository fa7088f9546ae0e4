import { createReadStream } from 'node:fs';
import { isIP } from 'node:net';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import ipaddr from 'ipaddr.js';

/** What the ASN table says about one address; fields the data lacks stay absent. */
export interface AsnEntry {
  asn: number;
  org?: string;
}

export interface AsnTable {
  lookup(address: string): AsnEntry | undefined;
  readonly ranges: number;
}

export class DataFileError extends Error {
  override name = 'DataFileError';
}

/** Organisation names repeat across thousands of ranges: each distinct name is stored once. */
class Interner {
  readonly names: string[] = [''];
  private readonly index = new Map<string, number>([['', 0]]);
  id(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }
}

/**
 * Ranges of one family in start order. Keys are big-endian 32-bit words (1 for IPv4, 4 for IPv6) in flat
 * arrays: half a million ranges as objects or Buffers would cost hundreds of MB.
 */
class Ranges {
  private starts: number[] = [];
  private ends: number[] = [];
  private asns: number[] = [];
  private orgs: number[] = [];
  private frozen: { starts: Uint32Array; ends: Uint32Array; asns: Uint32Array; orgs: Uint32Array } | null = null;
  constructor(readonly words: number) {}

  /** Compares key a (at word offset ai of array A) with key b; <0, 0, >0. */
  private cmp(a: ArrayLike<number>, ai: number, b: ArrayLike<number>, bi: number): number {
    for (let w = 0; w < this.words; w++) {
      const d = (a[ai + w] as number) - (b[bi + w] as number);
      if (d !== 0) return d;
    }
    return 0;
  }

  add(start: number[], end: number[], asn: number, org: number): string | null {
    if (this.cmp(start, 0, end, 0) > 0) return 'range ends before it starts';
    const n = this.asns.length;
    // The published data has the odd overlap; the later range wins there (lookups find the last start at or
    // before the address), and any tail of the earlier range past it reads as unknown — never as a guess.
    if (n > 0 && this.cmp(this.starts, (n - 1) * this.words, start, 0) >= 0) return 'ranges out of order';
    this.starts.push(...start);
    this.ends.push(...end);
    this.asns.push(asn);
    this.orgs.push(org);
    return null;
  }

  freeze(): void {
    this.frozen = {
      starts: Uint32Array.from(this.starts),
      ends: Uint32Array.from(this.ends),
      asns: Uint32Array.from(this.asns),
      orgs: Uint32Array.from(this.orgs),
    };
    this.starts = this.ends = this.asns = this.orgs = [];
  }

  /** The range holding the key, by binary search for the last start at or before it. */
  find(key: number[]): { asn: number; org: number } | undefined {
    const t = this.frozen;
    if (!t) return undefined;
    let lo = 0;
    let hi = t.asns.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.cmp(t.starts, mid * this.words, key, 0) <= 0) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0 || this.cmp(key, 0, t.ends, found * this.words) > 0) return undefined;
    return { asn: t.asns[found] as number, org: t.orgs[found] as number };
  }

  get size(): number {
    return this.frozen?.asns.length ?? this.asns.length;
  }
}

/** An address as big-endian 32-bit words, or null when it is not one. */
function key(text: string): number[] | null {
  // node's own check: ipaddr.js's validation costs seconds over a million fields. A valid IPv4 is four octets.
  const family = isIP(text);
  if (family === 4) return [text.split('.').reduce((n, octet) => n * 256 + Number(octet), 0)];
  if (family !== 6 || text.includes('%')) return null;
  const parts = ipaddr.IPv6.parse(text).parts;
  return [0, 2, 4, 6].map((i) => (parts[i] as number) * 0x10000 + (parts[i + 1] as number));
}

/**
 * Loads ip-location-db's ASN CSV files (`start,end,asn,organisation`, inclusive ranges, either family, sorted
 * by start): the whole table in memory, so a lookup never touches the disk. Rejects with DataFileError naming
 * the file and line of the first row that is not such a range.
 */
export async function loadAsnTable(paths: readonly string[]): Promise<AsnTable> {
  const orgs = new Interner();
  const v4 = new Ranges(1);
  const v6 = new Ranges(4);
  for (const path of paths) {
    const rows = parse({ skip_empty_lines: true });
    // pipeline, not pipe: a read error (ENOENT) must reach the loop below instead of escaping as an 'error' event.
    pipeline(createReadStream(path), rows, () => {});
    let line = 0;
    try {
      for await (const record of rows as AsyncIterable<string[]>) {
        line++;
        const [startText = '', endText = '', asnText = '', org = '', extra] = record;
        const start = key(startText);
        const end = key(endText);
        const asn = /^\d{1,10}$/.test(asnText) ? Number(asnText) : Number.NaN;
        let problem: string | null = null;
        if (extra !== undefined || record.length < 3) problem = `expected 4 fields, got ${record.length}`;
        else if (!start || !end || start.length !== end.length) problem = 'not an address range';
        else if (!(asn >= 0 && asn < 2 ** 32)) problem = 'not an AS number';
        else problem = (start.length === 1 ? v4 : v6).add(start, end, asn, orgs.id(org.trim()));
        if (problem) throw new DataFileError(`'${path}' row ${line}: ${problem}`);
      }
    } catch (err) {
      if (err instanceof DataFileError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      throw new DataFileError(`'${path}': ${code?.startsWith('E') ? `cannot read (${code})` : `not CSV (${(err as Error).message})`}`);
    }
  }
  if (v4.size + v6.size === 0) throw new DataFileError(`'${paths.join(',')}': no address ranges`);
  v4.freeze();
  v6.freeze();
  return {
    ranges: v4.size + v6.size,
    lookup(address) {
      const k = key(address);
      if (!k) return undefined;
      const hit = (k.length === 1 ? v4 : v6).find(k);
      // AS 0 marks space nobody routes (RFC 7607): no operator to name.
      if (!hit || hit.asn === 0) return undefined;
      const org = orgs.names[hit.org];
      return org ? { asn: hit.asn, org } : { asn: hit.asn };
    },
  };
}
