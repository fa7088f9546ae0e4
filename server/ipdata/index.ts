import { ConfigError } from '../config.ts';
import { type AsnTable, DataFileError, loadAsnTable } from './asn-table.ts';
import { type CountryDb, loadCountryDb } from './country.ts';

/** What the local databases say about an address: only what they know, nothing guessed. */
export interface Operator {
  country?: string;
  asn?: number;
  org?: string;
}

export interface IpData {
  lookup(address: string): Operator;
}

export const NO_IP_DATA: IpData = { lookup: () => ({}) };

const FIX = {
  asn: "install it (npm ci), copy dist-server/ip-data/ beside the bundle, give --asn-db <file,...> (ip-location-db's asn-ipv4.csv/asn-ipv6.csv), or --asn-db off",
  country: 'install it (npm ci), copy dist-server/ip-data/ beside the bundle, give --country-db <file.mmdb>, or --country-db off',
};

async function guarded<T>(flag: 'asn' | 'country', load: () => Promise<T> | T): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof DataFileError) throw new ConfigError(`--${flag}-db: ${err.message}; ${FIX[flag]}`);
    throw err;
  }
}

/** Loads the databases once, at startup; a missing or damaged file stops the server with the path and the fix. */
export async function openIpData(asnDb: readonly string[] | null, countryDb: string | null): Promise<IpData> {
  const asn: AsnTable | null = asnDb ? await guarded('asn', () => loadAsnTable(asnDb)) : null;
  const country: CountryDb | null = countryDb ? await guarded('country', () => loadCountryDb(countryDb)) : null;
  if (!asn && !country) return NO_IP_DATA;
  return {
    lookup(address) {
      const out: Operator = {};
      const code = country?.lookup(address);
      if (code) out.country = code;
      const entry = asn?.lookup(address);
      if (entry) {
        out.asn = entry.asn;
        if (entry.org) out.org = entry.org;
      }
      return out;
    },
  };
}
