import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLIENT_V4, CLIENT_V6, RESOLVER_V4 } from '../world/addresses';
import { CLEAN, LEAK, SELF_HOSTED, SERVER_OPERATOR, SERVER_OPERATOR_ROWS } from '../world/scenario';
import { startWorld, type World } from '../world/world';
import { type Driver, openPopup } from './driver';

/** The popup, end to end, against the check server and fakes of every provider in their documented formats. */
export function popupSuite(launch: () => Promise<Driver>) {
  let world: World;
  let driver: Driver;
  beforeAll(async () => {
    world = await startWorld(CLEAN);
    driver = await launch();
  });
  afterAll(async () => {
    await driver?.close();
    await world?.close();
  });

  describe('the popup', () => {
    test('a clean connection: exactly the addresses and resolvers the servers saw, and no leak', async () => {
      world.scenario = CLEAN;
      const view = await openPopup(driver, 'clean');
      expect(view.level, view.text).toBe('clean');
      expect(new Set(view.ips.ipv4)).toEqual(new Set([CLIENT_V4]));
      expect(new Set(view.ips.ipv6)).toEqual(new Set([CLIENT_V6]));
      // The check server reports the resolver that asked it (dnsmasq's outgoing address), and so do the fakes.
      expect(new Set(view.resolvers)).toEqual(new Set([RESOLVER_V4]));
      // Chromium drops a reflexive candidate equal to a host one; Firefox shows it. Either way: nothing but the web IP.
      for (const ip of view.webrtcPublic) expect([CLIENT_V4, CLIENT_V6]).toContain(ip);
      expect(
        Object.values(view.states).every((s) => s === 'done'),
        JSON.stringify(view.states),
      ).toBe(true);
      // Firefox alone can ask its own resolver (browser.dns.resolve): the check server's whoami names the resolver that asked.
      if (driver.name === 'firefox') expect(view.sections.securedns).toContain(RESOLVER_V4);
      else expect(view.sections.securedns).toMatch(/not available/i);
      // Counted by the background after the check: its own requests, all declared.
      expect(view.sections.audit).toMatch(/Pass: [1-9]\d* requests, all to declared check endpoints/);
    });

    test('a leaking connection: WebRTC, IPv6 and DNS reveal the home network, and the verdict says leak', async () => {
      world.scenario = LEAK;
      const view = await openPopup(driver, 'leak');
      expect(view.level, view.text).toBe('leak');
      expect(view.webrtcPublic).toContain(LEAK.stunReveals);
      expect(view.banner).toMatch(/WebRTC|IPv6|DNS/);
    });

    test('only the check server answers: it names the operators itself, from its local database', async () => {
      // A world whose check server has an ASN database for the world's addresses; the public providers are refused.
      await world.close();
      world = await startWorld(SELF_HOSTED, { operators: SERVER_OPERATOR_ROWS });
      const view = await openPopup(driver, 'self-hosted');
      const named = `${SERVER_OPERATOR.organization} · AS${SERVER_OPERATOR.asn}`;
      expect(view.sections.ipv4).toContain(named);
      expect(view.sections.ipv6).toContain(named);
      expect(new Set(view.resolvers)).toEqual(new Set([RESOLVER_V4]));
      expect(view.sections.dns).toContain(named);
      // Same operator on every side: comparable, so neither an IPv6 nor a DNS warning.
      expect(view.level, view.text).toBe('clean');
    });
  });
}
