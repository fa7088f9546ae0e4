import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnyIp } from '../../model/address';
import { parseBashwsId, parseBashwsResult } from './bashws';
import { parseLeaklessDns } from './leakless';
import { parseMullvadDns } from './mullvad';

const TOKEN = 'k3j4h5g6f7d8s9a0q1w2e3r4t5y6u7i8';
const parsers: [string, (body: string) => ReturnType<typeof parseMullvadDns>][] = [
  ['leakless', (b) => parseLeaklessDns(b, TOKEN)],
  ['mullvad', parseMullvadDns],
  ['bashws', parseBashwsResult],
];

const anyIp = fc.oneof(fc.ipV4(), fc.ipV6(), fc.ipV4Extended(), fc.string({ maxLength: 50 }), fc.anything());
const row = fc.record({
  ip: anyIp,
  family: fc.oneof(fc.constantFrom(4, 6), fc.anything()),
  type: fc.constantFrom('dns', 'ip', 'x'),
  country: fc.anything(),
});
const bodies = fc.oneof(
  fc.string(),
  fc.json(),
  fc.jsonValue().map((j) => JSON.stringify(j)),
  fc.array(row, { maxLength: 20 }).map((rows) => JSON.stringify(rows)),
  fc.array(row, { maxLength: 20 }).map((resolvers) => JSON.stringify({ token: TOKEN, resolvers })),
  fc.string().map((s) => `<html>${s.repeat(500)}</html>`),
);

describe.each(parsers)('%s DNS parser under hostile input', (_name, parse) => {
  it('never throws and only yields canonical addresses', () => {
    fc.assert(
      fc.property(bodies, (body) => {
        const r = parse(body);
        if (r.ok) {
          for (const f of r.value) expect(parseAnyIp(f.ip)).toEqual({ ok: true, value: { ip: f.ip, family: f.ip.includes(':') ? 6 : 4 } });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('survives deep nesting, huge strings and wrong top-level types', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    for (const body of [
      deep,
      'x'.repeat(10 * 1024 * 1024),
      'null',
      '{}',
      '"a"',
      '1e309',
      JSON.stringify(Array(1000).fill({ ip: '1.1.1.1' })),
    ]) {
      expect(() => parse(body)).not.toThrow();
      expect(parse(body).ok).toBe(false);
    }
  });
});

describe('parseBashwsId under hostile input', () => {
  it('only ever yields one lowercase label', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[a-z0-9]{1,70}$/)), (body) => {
        const r = parseBashwsId(body);
        if (r.ok) expect(r.value).toMatch(/^[a-z0-9]{1,63}$/);
      }),
    );
  });
});
