// Every alias and every non-country, literally: a name the table loses is a country the verdict cannot compare.
import { describe, expect, it } from 'vitest';
import { alpha2, countryCode } from './countries';

describe('countryCode aliases', () => {
  it.each([
    ['Czech Republic', 'CZ'],
    ['Turkey', 'TR'],
    ['Hong Kong', 'HK'],
    ['Macau', 'MO'],
    ['Macao', 'MO'],
    ['Ivory Coast', 'CI'],
    ['Republic of Korea', 'KR'],
    ['Russian Federation', 'RU'],
    ['United States of America', 'US'],
    ['USA', 'US'],
    ['UK', 'GB'],
    ['The Netherlands', 'NL'],
    ['Viet Nam', 'VN'],
    ['Burma', 'MM'],
    ['Myanmar', 'MM'],
    ['Democratic Republic of the Congo', 'CD'],
    ['Republic of the Congo', 'CG'],
    ['Swaziland', 'SZ'],
    ['Cape Verde', 'CV'],
    ['East Timor', 'TL'],
    ['Palestine', 'PS'],
    ['Vatican City', 'VA'],
  ])('%s → %s', (name, code) => {
    expect(countryCode(name)).toBe(code);
  });
});

describe('countryCode names', () => {
  it('CLDR names, however spaced, cased, accented or apostrophed', () => {
    expect(countryCode('Sweden')).toBe('SE');
    expect(countryCode('  united   kingdom ')).toBe('GB');
    expect(countryCode('Bosnia & Herzegovina')).toBe('BA');
    expect(countryCode('Bosnia and Herzegovina')).toBe('BA');
    expect(countryCode('Côte d’Ivoire')).toBe('CI');
    expect(countryCode("Cote d'Ivoire")).toBe('CI');
    expect(countryCode('Cote dIvoire')).toBe('CI');
    expect(countryCode('Curaçao')).toBe('CW');
    expect(countryCode('Germany')).toBe('DE');
  });

  it('regions that are no country, and codes, are not names', () => {
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
    expect(countryCode('SE')).toBeUndefined();
    expect(countryCode('Soviet Union')).toBeUndefined();
  });

  it('bounds: empty, over 100 characters, not a string', () => {
    expect(countryCode('')).toBeUndefined();
    expect(countryCode(null)).toBeUndefined();
    expect(countryCode(undefined)).toBeUndefined();
    expect(countryCode(`Sweden${' '.repeat(94)}`)).toBe('SE');
    expect(countryCode(`Sweden${' '.repeat(95)}`)).toBeUndefined();
  });

  it('the table is built once and keeps answering', () => {
    expect(countryCode('Norway')).toBe('NO');
    expect(countryCode('Norway')).toBe('NO');
  });
});

describe('alpha2', () => {
  it('two letters, upper-cased; no other shapes', () => {
    expect(alpha2('se')).toBe('SE');
    expect(alpha2('Ch')).toBe('CH');
    for (const bad of ['S', 'SWE', 'T1', '12', ' se', 'se ', '', null, 42]) expect(alpha2(bad), String(bad)).toBeUndefined();
  });

  it('XX and the regions that name no single country are not countries', () => {
    for (const code of ['XX', 'xx', 'EU', 'EZ', 'QO', 'UN', 'XA', 'XB', 'ZZ', 'zz']) expect(alpha2(code), code).toBeUndefined();
    expect(alpha2('XK')).toBe('XK');
  });
});
