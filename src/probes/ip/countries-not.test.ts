import { describe, expect, it } from 'vitest';
import { alpha2, countryCode } from './countries';

// One test on purpose: the name table is built on first use and kept, so with per-test coverage only the
// test that builds it "covers" the building code; every check of what the table holds must be in that test.
describe('countryCode never names what is not a current country', () => {
  it('no groupings or special regions, no code read as its own name, no withdrawn code', () => {
    for (const name of [
      'European Union',
      'Eurozone',
      'Outlying Oceania',
      'United Nations',
      'Pseudo-Accents',
      'Pseudo-Bidi',
      'Unknown Region',
    ]) {
      expect(countryCode(name), name).toBeUndefined();
    }
    for (const name of ['AA', 'aa', 'QZ', 'XK9', 'East Germany', 'Soviet Union', 'Yugoslavia'])
      expect(countryCode(name), name).toBeUndefined();
    expect(countryCode('Sweden')).toBe('SE');
    expect(alpha2(['se'])).toBeUndefined();
    expect(countryCode('Germany')).toBe('DE');
  });
});
