import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RESOLVER_V4 } from '../world/addresses';
import { CLEAN } from '../world/scenario';
import { startWorld, type World } from '../world/world';
import { type Driver, openPopup } from './driver';

/** A home network's subnet, outside the sandbox's exit (CLIENT_V4, 11.22.33.44). */
const HOME_SUBNET = '84.171.20.0/24';
/** The exit's own /24. */
const EXIT_SUBNET = '11.22.33.0/24';
/** A home address in that home network: what an intercepting proxy would stamp into X-Forwarded-For. */
const HOME_V4 = '84.171.20.7';

/**
 * The sandbox's resolver (real dnsmasq) in its variants, each seen end to end: what the check server records,
 * what the popup's DNS section says, and what the verdict makes of it. Then the path to the check server with
 * and without an intercepting proxy (the world's TLS-terminating front, adding headers).
 */
export function resolverSuite(launch: () => Promise<Driver>) {
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

  describe('EDNS Client Subnet', () => {
    test('a resolver that adds no ECS: the popup says so, and nothing leaks', async () => {
      await world.useResolver({});
      const view = await openPopup(driver, 'ecs-none');
      expect(view.resolvers).toContain(RESOLVER_V4);
      expect(view.sections.dns).toContain("Your resolver does not tell websites' DNS servers your subnet (ECS).");
      expect(view.level, view.text).toBe('clean');
    });

    test("a resolver that forwards the home network's subnet (--add-subnet): shown, and a leak", async () => {
      await world.useResolver({ addSubnet: HOME_SUBNET });
      const view = await openPopup(driver, 'ecs-home');
      expect(view.sections.dns).toContain(`Your resolver tells websites' DNS servers that you are in ${HOME_SUBNET}.`);
      expect(view.level, view.text).toBe('leak');
      expect(view.banner).toContain(
        `DNS resolver ${RESOLVER_V4} tells websites' DNS servers that you are in ${HOME_SUBNET}, a network your IP address is not in.`,
      );
    });

    test("a resolver that forwards the exit's own subnet: shown, and only information", async () => {
      // Validating, so no DNSSEC warning takes the banner: it shows what the ECS line alone makes of the check.
      await world.useResolver({ addSubnet: EXIT_SUBNET, validate: true });
      const view = await openPopup(driver, 'ecs-exit');
      expect(view.sections.dns).toContain(`Your resolver tells websites' DNS servers that you are in ${EXIT_SUBNET}.`);
      // Information, not a leak: the banner keeps its "no leak" sentence (the copied report lists the rest).
      expect(view.level, view.text).toBe('clean');
      expect(view.banner).toContain('Nothing reveals more than your web address.');
    });
  });

  describe('proxy headers', () => {
    // A validating resolver, so the proxy's warning is the only one (a non-validating one adds DNSSEC's).
    beforeAll(() => world.useResolver({ validate: true }));
    afterAll(() => world?.useProxy({}));

    test('no proxy on the path: the popup says none were added, and nothing leaks', async () => {
      world.useProxy({});
      const view = await openPopup(driver, 'proxy-none');
      expect(view.sections.headers).toContain('No proxy headers added on the way.');
      expect(view.level, view.text).toBe('clean');
    });

    test('an intercepting proxy that stamps the home address into X-Forwarded-For: named, and a leak', async () => {
      world.useProxy({ 'x-forwarded-for': HOME_V4 });
      const view = await openPopup(driver, 'proxy-xff');
      expect(view.sections.headers).toContain(`Added on the way: X-Forwarded-For (${HOME_V4}).`);
      expect(view.level, view.text).toBe('leak');
      expect(view.banner).toContain(`A proxy on your connection tells every site your address ${HOME_V4} (in its X-Forwarded-For header).`);
    });

    test('a proxy that adds only Via: named, and a warning', async () => {
      world.useProxy({ via: '1.1 inspect.corp.test' });
      const view = await openPopup(driver, 'proxy-via');
      expect(view.sections.headers).toContain('Added on the way: Via.');
      // A warning, not a leak: the level stays, and the banner's sentence is the warning instead of "no leak".
      expect(view.level, view.text).toBe('clean');
      expect(view.banner).toContain('A proxy on your connection added Via to an encrypted request');
    });
  });

  describe('DNSSEC', () => {
    test('a validating resolver (the test zone as trust anchor): "yes", and nothing to warn about', async () => {
      await world.useResolver({ validate: true });
      const view = await openPopup(driver, 'dnssec-validating');
      expect(view.sections.dns).toContain('Your resolver checks DNSSEC: yes.');
      expect(view.resolvers).toContain(RESOLVER_V4); // the leak check still works through a validating resolver
      expect(view.level, view.text).toBe('clean');
      expect(view.banner).toContain('Nothing reveals more than your web address.');
    });

    test('a resolver that does not validate: "no", and the verdict warns (not a leak)', async () => {
      await world.useResolver({});
      const view = await openPopup(driver, 'dnssec-not-validating');
      expect(view.sections.dns).toContain('Your resolver checks DNSSEC: no.');
      expect(view.level, view.text).toBe('clean');
      expect(view.banner).toContain('Your DNS resolver does not check DNSSEC: it would accept forged answers for signed sites.');
    });
  });
}
