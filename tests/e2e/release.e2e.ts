// The build users get (dist/, no check server, no test hooks) in both browsers: it installs without a
// single request, and a check against the public providers (fakes in their documented formats) works.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST } from './browsers/dists';
import { auditPageReady, readAuditPage } from './lib/audit-page';
import { chromiumDriver, type Driver, firefoxDriver, openPopup } from './lib/driver';
import { CLIENT_V4, CLIENT_V6, RESOLVER_V4 } from './world/addresses';
import { CLEAN } from './world/scenario';
import { startWorld, type World } from './world/world';

let world: World;
beforeAll(async () => {
  world = await startWorld(CLEAN);
});
afterAll(async () => {
  await world?.close();
});

describe.each([
  ['chromium', () => chromiumDriver({ dist: DIST.chrome })],
  ['firefox', () => firefoxDriver({ dist: DIST.firefox })],
])('release build in %s', (name, launch) => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launch();
  });
  afterAll(async () => {
    await driver?.close();
  });

  test('installing it and opening its settings and audit pages makes no request', async () => {
    const before = world.seen.length;
    await driver.open('src/options/index.html', { ready: () => document.querySelector('input') !== null, read: () => null });
    const audit = await driver.open('src/audit/index.html', { ready: auditPageReady, read: readAuditPage });
    expect(audit.findings).toEqual([]);
    expect(audit.text).toMatch(/^Pass\D+0\b/);
    expect(world.seen.slice(before)).toEqual([]);
  });

  test('a check against the public providers shows what they answered', async () => {
    world.scenario = CLEAN;
    const view = await openPopup(driver, `release-${name}`);
    expect(view.level, view.text).toBe('clean');
    expect(new Set(view.ips.ipv4)).toEqual(new Set([CLIENT_V4]));
    expect(new Set(view.ips.ipv6)).toEqual(new Set([CLIENT_V6]));
    expect(new Set(view.resolvers)).toEqual(new Set([RESOLVER_V4]));
    // Only registry hosts of the release build were asked: none of the check server's zone.
    expect(world.seen.filter((s) => s.host.includes('leakless'))).toEqual([]);
  });
});
