import { describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS } from '../ip/parse-json';
import { parseBashwsId, splitAsn } from './bashws';

describe('parseBashwsId', () => {
  it('one lowercase label, trimmed', () => {
    expect(parseBashwsId(' abc123\n')).toEqual({ ok: true, value: 'abc123' });
    expect(parseBashwsId('a'.repeat(63))).toEqual({ ok: true, value: 'a'.repeat(63) });
    for (const bad of ['', 'a'.repeat(64), 'ABC', 'a-b', 'a.b', 'x y'])
      expect(parseBashwsId(bad), bad).toEqual({ ok: false, problem: { code: 'bad-shape', detail: 'id' } });
  });

  it('not a string, or over the body cap, is refused before it is looked at', () => {
    expect(parseBashwsId(42 as unknown as string)).toEqual({ ok: false, problem: { code: 'bad-shape', detail: 'id' } });
    expect(parseBashwsId(`abc${' '.repeat(MAX_BODY_CHARS - 3)}`)).toEqual({ ok: true, value: 'abc' });
    expect(parseBashwsId(`abc${' '.repeat(MAX_BODY_CHARS - 2)}`)).toEqual({ ok: false, problem: { code: 'bad-shape', detail: 'id' } });
  });
});

describe('splitAsn', () => {
  it('a number: a valid ASN or nothing', () => {
    expect(splitAsn(13335)).toEqual({ asn: 13335 });
    expect(splitAsn(1)).toEqual({ asn: 1 });
    expect(splitAsn(2 ** 32 - 1)).toEqual({ asn: 2 ** 32 - 1 });
    for (const bad of [0, -1, 2 ** 32, 1.5, Number.NaN]) expect(splitAsn(bad), String(bad)).toEqual({});
  });

  it('text: "AS<n> <name>", or just the name', () => {
    expect(splitAsn('AS13335 Cloudflare, Inc.')).toEqual({ asn: 13335, organization: 'Cloudflare, Inc.' });
    expect(splitAsn('as3303   Swisscom ')).toEqual({ asn: 3303, organization: 'Swisscom' });
    expect(splitAsn('AS9009')).toEqual({ asn: 9009 });
    expect(splitAsn('AS4294967295 Big')).toEqual({ asn: 4294967295, organization: 'Big' });
    expect(splitAsn('AS4294967296 Too big')).toEqual({ organization: 'Too big' });
    expect(splitAsn('AS0 Zero')).toEqual({ organization: 'Zero' });
    expect(splitAsn('Cloudflare')).toEqual({ organization: 'Cloudflare' });
    expect(splitAsn('The AS13335 Cloudflare')).toEqual({ organization: 'The AS13335 Cloudflare' });
    expect(splitAsn('AS13335x Cloudflare')).toEqual({ organization: 'AS13335x Cloudflare' });
    expect(splitAsn('AS12345678901 Long')).toEqual({ organization: 'AS12345678901 Long' });
    expect(splitAsn('AS1\tTab')).toEqual({ asn: 1, organization: 'Tab' });
    expect(splitAsn('   ')).toEqual({});
    expect(splitAsn('')).toEqual({});
    expect(splitAsn(undefined)).toEqual({});
  });
});
