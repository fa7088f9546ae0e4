import { ZONES_BY_COUNTRY } from './zones';

let byZone: Map<string, readonly string[]> | null = null;

function table(): Map<string, readonly string[]> {
  if (byZone) return byZone;
  const map = new Map<string, string[]>();
  for (const entry of ZONES_BY_COUNTRY.split('|')) {
    const [cc, ...zones] = entry.split(' ');
    if (!cc) continue;
    for (const zone of zones) map.set(zone.toLowerCase(), [...(map.get(zone.toLowerCase()) ?? []), cc]);
  }
  byZone = map;
  return map;
}

/**
 * The countries (ISO alpha-2) an IANA time zone is for; [] for UTC, Etc/* and names the tz database does not know.
 * Case-insensitive, because some systems report `europe/berlin`-style names.
 */
export function timeZoneCountries(zone: string): readonly string[] {
  return table().get(zone.trim().toLowerCase()) ?? [];
}
