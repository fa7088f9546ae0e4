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

  it("carries our server's country, ASN and organisation; each odd field is dropped alone", () => {
    expect(parseLeaklessIp('{"ip":"9.9.9.9","family":4,"country":"us","asn":19281,"org":"Quad9"}', 'application/json', 4)).toEqual({
      ok: true,
      value: { ip: '9.9.9.9', meta: { country: 'US', asn: 19281, organization: 'Quad9' } },
    });
    const lies = [
      '"country":"United States","asn":"AS19281","org":null',
      '"country":"XX","asn":0,"org":""',
      `"country":["US"],"asn":4294967296,"org":"${'q'.repeat(201)}"`,
      '"country":"U\\u0000","asn":19281.5,"org":{"name":"Quad9"}',
    ];
    for (const fields of lies) {
      expect(parseLeaklessIp(`{"ip":"9.9.9.9","family":4,${fields}}`, 'application/json', 4), fields).toEqual({
        ok: true,
        value: { ip: '9.9.9.9', meta: {} },
      });
    }
    // Control and bidi characters become spaces, trimmed; a name of nothing else is no name.
    expect(parseLeaklessIp('{"ip":"9.9.9.9","family":4,"org":"\\u202eQuad9\\u0007"}', 'application/json', 4)).toEqual({
      ok: true,
      value: { ip: '9.9.9.9', meta: { organization: 'Quad9' } },
    });
    expect(parseLeaklessIp('{"ip":"9.9.9.9","family":4,"org":"\\u0007\\u202e"}', 'application/json', 4)).toEqual({
      ok: true,
      value: { ip: '9.9.9.9', meta: {} },
    });
  });

  it('requires the family field to match the endpoint and the address', () => {
    // The line says which family the server answered with.
    expect(parseLeaklessIp('{"ip":"89.45.90.12","family":6}', 'application/json', 4)).toEqual({
      ok: false,
      problem: { code: 'wrong-family', detail: 'IPv6' },
    });
    expect(parseLeaklessIp('{"ip":"89.45.90.12","family":6}', 'application/json', 6)).toMatchObject({
      ok: false,
      problem: { code: 'wrong-family' },
    });
    expect(parseLeaklessIp('{"ip":"2a03:1b20:3::77","family":4}', 'application/json', 6)).toEqual({
      ok: false,
      problem: { code: 'wrong-family', detail: 'IPv4' },
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
