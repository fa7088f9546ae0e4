import { describe, expect, it } from 'vitest';
import { alpha2, countryCode } from './countries';

describe('countryCode', () => {
  it.each([
    ['Sweden', 'SE'],
    ['Germany', 'DE'],
    ['United States', 'US'],
    ['United Kingdom', 'GB'],
    ['Netherlands', 'NL'],
    ['Switzerland', 'CH'],
    ['Czechia', 'CZ'],
    ['Czech Republic', 'CZ'],
    ['Hong Kong', 'HK'],
    ['Bosnia and Herzegovina', 'BA'],
    ['Curacao', 'CW'],
    ['Côte d’Ivoire', 'CI'],
    ['  sweden ', 'SE'],
  ])('maps %s to %s', (name, code) => {
    expect(countryCode(name)).toBe(code);
  });

  it('says nothing for names that are not countries', () => {
    for (const name of ['', 'Atlantis', 'European Union', 'Unknown Region', 'SE', undefined, null, 'x'.repeat(1000)]) {
      expect(countryCode(name)).toBeUndefined();
    }
  });
});

describe('alpha2', () => {
  it('upper-cases two-letter codes and refuses placeholders', () => {
    expect(alpha2('se')).toBe('SE');
    expect(alpha2('US')).toBe('US');
    for (const bad of ['XX', 'T1', 'USA', '', 4, false, null, 'ZZ']) expect(alpha2(bad)).toBeUndefined();
  });
});
