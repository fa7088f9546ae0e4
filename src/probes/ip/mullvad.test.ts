import { describe, expect, it } from 'vitest';
import { parseMullvadIp } from './mullvad';
import { CAPTIVE_PORTAL, MULLVAD_EXIT_V4, MULLVAD_HOME_V4, MULLVAD_V6 } from './samples';

describe('parseMullvadIp', () => {
  it('reads a Mullvad exit with country code, city, organisation and vpnExit', () => {
    expect(parseMullvadIp(MULLVAD_EXIT_V4, 'application/json', 4)).toEqual({
      ok: true,
      value: { ip: '185.65.134.77', meta: { country: 'SE', city: 'Malmö', organization: 'M247 Europe SRL', vpnExit: true } },
    });
  });

  it('reads a non-Mullvad address with vpnExit false', () => {
    expect(parseMullvadIp(MULLVAD_HOME_V4, 'application/json', 4)).toEqual({
      ok: true,
      value: { ip: '89.45.90.12', meta: { country: 'DE', city: 'Frankfurt am Main', organization: 'Deutsche Telekom AG', vpnExit: false } },
    });
  });

  it('canonicalises IPv6 and treats a null city as unknown', () => {
    expect(parseMullvadIp(MULLVAD_V6, 'application/json', 6)).toEqual({
      ok: true,
      value: { ip: '2a03:1b20:3::77', meta: { country: 'SE', organization: '31173 Services AB', vpnExit: true } },
    });
  });

  it('drops odd optional fields but keeps the address', () => {
    const body = JSON.stringify({ ip: '185.65.134.77', country: 42, city: 'x'.repeat(500), organization: ' ', mullvad_exit_ip: 'yes' });
    expect(parseMullvadIp(body, 'application/json', 4)).toEqual({ ok: true, value: { ip: '185.65.134.77', meta: {} } });
  });

  it('reports the lie, not a result', () => {
    expect(parseMullvadIp(CAPTIVE_PORTAL, 'text/html', 4)).toEqual({ ok: false, problem: { code: 'not-json' } });
    expect(parseMullvadIp('{"country":"Sweden"}', 'application/json', 4)).toEqual({
      ok: false,
      problem: { code: 'bad-shape', detail: 'ip' },
    });
    expect(parseMullvadIp('{"ip":3}', 'application/json', 4)).toEqual({ ok: false, problem: { code: 'bad-shape', detail: 'ip' } });
    expect(parseMullvadIp('[]', 'application/json', 4)).toMatchObject({ ok: false, problem: { code: 'bad-shape' } });
    expect(parseMullvadIp(MULLVAD_EXIT_V4, 'application/json', 6)).toMatchObject({ ok: false, problem: { code: 'wrong-family' } });
    expect(parseMullvadIp('{"ip":"10.64.0.1"}', 'application/json', 4)).toMatchObject({ ok: false, problem: { code: 'not-public' } });
    expect(parseMullvadIp('{"ip":"Sweden"}', 'application/json', 4)).toMatchObject({ ok: false, problem: { code: 'not-an-ip' } });
  });
});
