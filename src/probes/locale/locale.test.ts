import { describe, expect, it } from 'vitest';
import { probeLocale, timeZoneCountries } from '.';
import { ZONES_BY_COUNTRY } from './zones';

describe('timeZoneCountries', () => {
  it.each([
    ['Europe/Berlin', ['DE']],
    ['Europe/Amsterdam', ['NL']],
    ['America/New_York', ['US']],
    ['Asia/Kolkata', ['IN']],
    ['Asia/Calcutta', ['IN']],
    ['Europe/Kiev', ['UA']],
    ['Europe/Kyiv', ['UA']],
    ['US/Eastern', ['US']],
    ['Australia/Sydney', ['AU']],
    ['europe/paris', ['FR']],
  ])('%s → %j', (zone, countries) => {
    expect(timeZoneCountries(zone)).toEqual(countries);
  });

  it.each(['UTC', 'Etc/UTC', 'Etc/GMT+3', 'GMT', '', 'Mars/Olympus_Mons'])('%j → no country', (zone) => {
    expect(timeZoneCountries(zone)).toEqual([]);
  });

  it('covers every country code once, upper case', () => {
    const codes = ZONES_BY_COUNTRY.split('|').map((entry) => entry.split(' ')[0]);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(codes.length).toBeGreaterThan(200);
  });
});

describe('probeLocale', () => {
  it('reads the zone and languages', () => {
    const result = probeLocale({ timeZone: () => 'Europe/Zurich', languages: () => ['de-CH', 'en'] });
    expect(result).toEqual({ timeZone: 'Europe/Zurich', timeZoneCountries: ['CH'], languages: ['de-CH', 'en'] });
  });
});
