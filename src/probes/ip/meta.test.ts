import { describe, expect, it } from 'vitest';
import { mergeMeta, meta } from './meta';

describe('meta', () => {
  it('keeps only the fields that were said', () => {
    expect(Object.keys(meta({ country: undefined, city: undefined, organization: undefined, asn: undefined, vpnExit: undefined }))).toEqual(
      [],
    );
    expect(meta({ country: 'SE', city: 'Malmö', organization: 'M247', asn: 9009, vpnExit: false })).toStrictEqual({
      country: 'SE',
      city: 'Malmö',
      organization: 'M247',
      asn: 9009,
      vpnExit: false,
    });
  });
});

describe('mergeMeta', () => {
  it('takes the first non-empty value of each field, in the given order', () => {
    const merged = mergeMeta([
      { country: '', asn: 39351 },
      { country: 'SE', city: 'Malmö' },
      { country: 'DE', city: 'Berlin', organization: '31173 Services AB', asn: 9009 },
    ]);
    expect(merged).toStrictEqual({ country: 'SE', city: 'Malmö', organization: '31173 Services AB', asn: 39351 });
  });

  it('a VPN exit if anyone says so, not one if all who speak say not, unknown if nobody does', () => {
    expect(mergeMeta([{ vpnExit: false }, {}, { vpnExit: true }])).toStrictEqual({ vpnExit: true });
    expect(mergeMeta([{ vpnExit: false }, {}])).toStrictEqual({ vpnExit: false });
    expect(mergeMeta([{}, { country: 'SE' }])).toStrictEqual({ country: 'SE' });
    expect(mergeMeta([])).toStrictEqual({});
  });
});
