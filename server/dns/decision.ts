/** What an answer will hold, before it is encoded: records by owner, so they can be signed as well as compressed. */

export interface Rec {
  /** Owned by the query name (compressed to the question) or by the zone's apex. */
  owner: 'qname' | 'apex';
  type: number;
  ttl: number;
  /** Wire RDATA, given the zone name's offset in the question (names in it may point there). */
  rdata: (zoneOffset: number) => Buffer;
  /** The same RDATA in canonical form (RFC 4034 §6.2), as it is signed. */
  canonical: Buffer;
}

export interface Decision {
  rcode: number;
  authoritative: boolean;
  /** Each record is an RRset of its own: no name here holds two records of one type. */
  answers: Rec[];
  authority: Rec[];
  /** Types that exist at the query name (for a denial's NSEC); null = the name does not exist. */
  exists: number[] | null;
  /** One of the deliberately mis-signed names (dnssec/labels.ts). */
  broken?: boolean;
  token?: string;
}
