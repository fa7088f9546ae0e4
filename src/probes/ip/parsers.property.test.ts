import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress } from '../../model/address';
import { IP_ADAPTERS, type IpParser } from './adapters';

const parsers: [string, IpParser][] = Object.entries(IP_ADAPTERS).flatMap(([name, a]) =>
  a ? [[name, a.parse] as [string, IpParser]] : [],
);

const privateIps = fc.constantFrom(
  '10.0.0.1',
  '192.168.1.1',
  '127.0.0.1',
  '100.64.1.2',
  '169.254.0.1',
  '::1',
  'fe80::1',
  'fd12::1',
  '0.0.0.0',
  '::',
);
const anyIp = fc.oneof(fc.ipV4(), fc.ipV6(), fc.ipV4Extended(), privateIps, fc.string({ maxLength: 50 }));
const fieldValue = fc.oneof(anyIp, fc.anything(), fc.constant(null), fc.integer());

/** Bodies a hostile or broken endpoint might send. */
const bodies = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.json(),
  fc.jsonValue().map((j) => JSON.stringify(j)),
  fc
    .record({ ip: fieldValue, family: fc.oneof(fc.constantFrom(4, 6, '4', null), fc.anything()), country: fieldValue })
    .map((o) => JSON.stringify(o)),
  fc.record({ ip: anyIp, family: fc.constantFrom(4, 6) }).map((o) => JSON.stringify(o)),
  anyIp.map((ip) => `fl=1\nip=${ip}\nloc=SE\n`),
  anyIp.map((ip) => `<html><body>ip=${ip}</body></html>`),
  fc.string().map((s) => s.repeat(2000)),
);

describe.each(parsers)('%s parser under hostile input', (_name, parse) => {
  it('never throws and never accepts a non-public or wrong-family address', () => {
    fc.assert(
      fc.property(bodies, fc.string({ maxLength: 40 }), fc.constantFrom(4 as const, 6 as const), (body, contentType, family) => {
        const r = parse(body, contentType, family);
        if (r.ok) {
          expect(classifyAddress(r.value.ip)).toBe('public');
          expect(r.value.ip.includes(':')).toBe(family === 6);
        } else {
          expect(typeof r.problem.code).toBe('string');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('survives 10k nested arrays, a huge string and wrong top-level types', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const deepObject = `${'{"ip":'.repeat(5_000)}"185.65.134.77"${'}'.repeat(5_000)}`;
    for (const body of [
      deep,
      deepObject,
      'x'.repeat(10 * 1024 * 1024),
      'null',
      '0',
      '"185.65.134.77"',
      'true',
      '{}',
      '[{"ip":"185.65.134.77"}]',
    ]) {
      for (const family of [4, 6] as const) {
        expect(() => parse(body, 'application/json', family)).not.toThrow();
        expect(parse(body, 'application/json', family).ok).toBe(false);
      }
    }
  });

  it('rejects every private address the provider might report', () => {
    fc.assert(
      fc.property(privateIps, fc.constantFrom(4 as const, 6 as const), (ip, family) => {
        for (const body of [JSON.stringify({ ip, family }), `ip=${ip}\n`]) expect(parse(body, 'application/json', family).ok).toBe(false);
      }),
    );
  });
});
