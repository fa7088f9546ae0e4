import { readFileSync } from 'node:fs';
import { Reader, type Response } from 'mmdb-lib';
import { DataFileError } from './asn-table.ts';

export interface CountryDb {
  /** ISO 3166-1 alpha-2, upper case; undefined when the database has no entry. */
  lookup(address: string): string | undefined;
}

interface CountryRecord {
  country_code?: unknown;
  /** MaxMind's own layout, so a GeoLite2/GeoIP2 Country file dropped in works too. */
  country?: { iso_code?: unknown };
}

/** ZZ is "unknown" in ISO 3166 user space: not a country to compare. */
const ALPHA2 = /^(?!ZZ)[A-Z]{2}$/;

/** Reads an MMDB country database into memory once; mmdb-lib walks the Buffer on each lookup. */
export function loadCountryDb(path: string): CountryDb {
  let reader: Reader<Response>;
  try {
    reader = new Reader<Response>(readFileSync(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataFileError(`'${path}': ${code ? `cannot read (${code})` : `not an MMDB database (${(err as Error).message})`}`);
  }
  if (!/country/i.test(reader.metadata.databaseType)) {
    throw new DataFileError(`'${path}': database type '${reader.metadata.databaseType}' is not a country database`);
  }
  return {
    lookup(address) {
      let found: CountryRecord | null;
      try {
        // Whatever the file holds is checked below, field by field: nothing in it is trusted for its type.
        found = reader.get(address) as unknown as CountryRecord | null;
      } catch {
        // A damaged data section shows only on the lookup that reaches it: no country, not a failed request.
        return undefined;
      }
      const code = found?.country_code ?? found?.country?.iso_code;
      return typeof code === 'string' && ALPHA2.test(code) ? code : undefined;
    },
  };
}
