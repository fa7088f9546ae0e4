// Mullvad reports country names ("Sweden"); the verdict compares ISO 3166-1 alpha-2 codes.
import { AFTER_FIRST_REQUESTS_MS } from '../later';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Region codes that name no single country. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'QO', 'UN', 'XA', 'XB', 'ZZ']);
/** Names providers use that differ from CLDR's English names. */
const ALIASES: Readonly<Record<string, string>> = {
  'czech republic': 'CZ',
  turkey: 'TR',
  'hong kong': 'HK',
  macau: 'MO',
  macao: 'MO',
  'ivory coast': 'CI',
  'republic of korea': 'KR',
  'russian federation': 'RU',
  'united states of america': 'US',
  usa: 'US',
  uk: 'GB',
  'the netherlands': 'NL',
  'viet nam': 'VN',
  burma: 'MM',
  myanmar: 'MM',
  'democratic republic of the congo': 'CD',
  'republic of the congo': 'CG',
  swaziland: 'SZ',
  'cape verde': 'CV',
  'east timor': 'TL',
  palestine: 'PS',
  'vatican city': 'VA',
};

let byName: Map<string, string> | null = null;

/** Withdrawn codes (DD, SU, YU…) still have names ("Germany"): only the current code may claim a name. */
function isCanonical(code: string): boolean {
  try {
    return Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
  } catch {
    return false;
  }
}

function key(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '')
    .replace(/&/g, 'and')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Built once, on first use: 676 lookups are cheap but not free, and most checks never need them. */
function table(): Map<string, string> {
  if (byName) return byName;
  const map = new Map<string, string>();
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    // No ICU region names in this runtime: only the aliases are known.
  }
  for (const a of LETTERS) {
    for (const b of LETTERS) {
      const code = a + b;
      if (NOT_COUNTRIES.has(code) || names === null || !isCanonical(code)) continue;
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        name = undefined;
      }
      if (name && name !== code && !map.has(key(name))) map.set(key(name), code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) if (!map.has(alias)) map.set(alias, code);
  byName = map;
  return map;
}

let warming = false;

/**
 * Builds the name table shortly after a check starts, so the check pays for it while its requests are out,
 * not when the first answer naming a country is in (30–40 ms there, measured with `npm run bench:cpu`).
 */
export function warmCountryNames(): void {
  if (byName || warming) return;
  warming = true;
  setTimeout(table, AFTER_FIRST_REQUESTS_MS);
}

/** "Sweden" → "SE"; undefined for names we cannot map (better no country than a wrong one). */
export function countryCode(name: string | null | undefined): string | undefined {
  if (typeof name !== 'string' || name.length === 0 || name.length > 100) return undefined;
  return table().get(key(name));
}

/** A two-letter code as some providers send it ("se", "SE"); 'XX' and Cloudflare's 'T1' (Tor) are not countries. */
export function alpha2(code: unknown): string | undefined {
  if (typeof code !== 'string' || !/^[a-z]{2}$/i.test(code)) return undefined;
  const upper = code.toUpperCase();
  return upper === 'XX' || NOT_COUNTRIES.has(upper) ? undefined : upper;
}
