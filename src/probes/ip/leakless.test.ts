import { describe, expect, it } from 'vitest';
import { parseLeaklessIp } from './leakless';

describe('parseLeaklessIp', () => {
  it('reads {"ip","family"}', () => {
    expect(parseLeaklessIp('{"ip":"89.45.90.12","family":4}', 'application/json', 4)).toEqual({
      ok: true,
      value: { ip: '89.45.90.12', meta: {} },
    });
    expect(parseLeaklessIp('{"ip":"2a03:1b20:3::77","family":6}', 'application/json', 6)).toEqual({
      ok: true,
      value: { ip: '2a03:1b20:3::77', meta: {} },
    });
  });

  it('requires the family field to match the endpoint and the address', () => {
    expect(parseLeaklessIp('{"ip":"89.45.90.12","family":6}', 'application/json', 4)).toMatchObject({
      ok: false,
      problem: { code: 'wrong-family' },
    });
    expect(parseLeaklessIp('{"ip":"89.45.90.12","family":6}', 'application/json', 6)).toMatchObject({
      ok: false,
      problem: { code: 'wrong-family' },
    });
    expect(parseLeaklessIp('{"ip":"89.45.90.12","family":"4"}', 'application/json', 4)).toMatchObject({
      ok: false,
      problem: { code: 'bad-shape', detail: 'family' },
    });
    expect(parseLeaklessIp('{"ip":"89.45.90.12"}', 'application/json', 4)).toMatchObject({ ok: false, problem: { code: 'bad-shape' } });
    expect(parseLeaklessIp('{"ip":"100.64.3.4","family":4}', 'application/json', 4)).toMatchObject({
      ok: false,
      problem: { code: 'not-public' },
    });
  });
});
