import { describe, expect, it } from 'vitest';
import { parseIpifyIp } from './ipify';
import { CAPTIVE_PORTAL } from './samples';

describe('parseIpifyIp', () => {
  it('reads {"ip":"…"}', () => {
    expect(parseIpifyIp('{"ip":"185.103.110.182"}', 'application/json', 4)).toEqual({
      ok: true,
      value: { ip: '185.103.110.182', meta: {} },
    });
    expect(parseIpifyIp('{"ip":"2A03:1B20:3::77"}', 'application/json', 6)).toEqual({
      ok: true,
      value: { ip: '2a03:1b20:3::77', meta: {} },
    });
  });

  it('rejects a plain-text answer, the other family and private addresses', () => {
    expect(parseIpifyIp('185.103.110.182', 'text/plain', 4)).toMatchObject({ ok: false, problem: { code: 'not-json' } });
    expect(parseIpifyIp(CAPTIVE_PORTAL, 'text/html', 4)).toMatchObject({ ok: false, problem: { code: 'not-json' } });
    expect(parseIpifyIp('{"ip":"185.103.110.182"}', 'application/json', 6)).toMatchObject({ ok: false, problem: { code: 'wrong-family' } });
    expect(parseIpifyIp('{"ip":"192.168.0.10"}', 'application/json', 4)).toMatchObject({ ok: false, problem: { code: 'not-public' } });
    expect(parseIpifyIp('{"ip":null}', 'application/json', 4)).toMatchObject({ ok: false, problem: { code: 'bad-shape', detail: 'ip' } });
    expect(parseIpifyIp(`{"ip":"${'1'.repeat(70_000)}"}`, 'application/json', 4)).toMatchObject({
      ok: false,
      problem: { code: 'too-large' },
    });
  });
});
