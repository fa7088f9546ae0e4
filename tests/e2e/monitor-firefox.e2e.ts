// Opt-in monitoring in Firefox (issue 11), in the sealed network: as in Chromium, except the browser restart,
// which a temporary add-on (all that puppeteer can install) does not survive. Firefox's background page has
// RTCPeerConnection, so here the monitor's full check includes WebRTC.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Firefox, launchFirefox } from './browsers/firefox';
import {
  asExpression,
  HOME_V4,
  history,
  MONITOR_SETTINGS,
  type MonitorPage,
  type PageFn,
  pageFns,
  until,
  VPN_DROPPED,
  VPN_ON,
  VPN_V4,
} from './lib/monitor';
import { startWorld, type World } from './world/world';

let world: World;
beforeAll(async () => {
  world = await startWorld(VPN_ON);
});
afterAll(async () => {
  await world?.close();
});

async function optionsPage(firefox: Firefox): Promise<{ page: Page; ext: MonitorPage }> {
  const page = await firefox.openPage('src/options/index.html');
  const ext: MonitorPage = { run: (fn: PageFn, arg: unknown) => page.evaluate(asExpression(pageFns[fn] as (a: never) => unknown, arg)) };
  return { page, ext };
}

const badgeIs = (ext: MonitorPage, text: string) =>
  until(
    () => ext.run('badge', null) as Promise<[string, string]>,
    ([badge]) => badge === text,
    `badge ${text}`,
    200,
  );

describe('Firefox: monitoring', () => {
  test('monitoring off: triggers reach no server and no alarm exists', async () => {
    world.scenario = VPN_ON;
    const firefox = await launchFirefox();
    try {
      const { ext } = await optionsPage(firefox);
      const start = world.traffic();
      for (const trigger of ['startup', 'idle', 'network', 'alarm', 'retry']) await ext.run('fire', trigger);
      await until(
        async () => world.traffic(),
        (t) => t.requests !== start.requests || t.dnsQueries !== start.dnsQueries,
        'no request',
        20,
      ).then(
        (t) => expect.fail(`${t.requests - start.requests} requests reached the servers`),
        () => undefined,
      );
      expect(await ext.run('alarms', null)).toEqual([]);
      expect((await ext.run('badge', null))[0]).toBe('');
      expect(await ext.run('ledger', null)).toEqual([]);
    } finally {
      await firefox.close();
    }
  });

  test('VPN drops and comes back: badge and one notification per change; a failing provider is "can\'t tell"', async () => {
    world.scenario = VPN_ON;
    const firefox = await launchFirefox();
    try {
      const { page, ext } = await optionsPage(firefox);
      await ext.run('setLocal', { settings: MONITOR_SETTINGS });
      await page.click('#monitor-on');
      await until(
        () => ext.run('getLocal', ['monitor']),
        (v) => v.monitor?.on === true,
        'monitor on',
      );
      await badgeIs(ext, '✓');
      const alarms = (await ext.run('alarms', null)) as { name: string; periodInMinutes?: number }[];
      expect(alarms.map((a) => [a.name, a.periodInMinutes])).toEqual([['leakless-monitor', 15]]);

      const before = world.traffic().requests;
      await ext.run('fire', 'test');
      expect(world.traffic().requests - before).toBe(2);

      world.scenario = VPN_DROPPED;
      await ext.run('fire', 'test');
      await badgeIs(ext, '!');
      let rows = await history(ext);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.notification?.message).toContain(`${VPN_V4} (Sweden · Tunnel VPN AB) → ${HOME_V4} (Germany · Example Telecom)`);

      await ext.run('fire', 'test');
      expect(await history(ext)).toHaveLength(1);

      world.scenario = { ...VPN_DROPPED, faults: { 'mullvad-ipv4': 'refuse' } };
      await ext.run('fire', 'test');
      await badgeIs(ext, '?');
      expect(await history(ext)).toHaveLength(1);

      world.scenario = VPN_ON;
      await ext.run('fire', 'test');
      await badgeIs(ext, '✓');
      rows = await history(ext);
      expect(rows).toHaveLength(2);
      expect(rows[1]?.notification?.message).toContain(`${HOME_V4} (Germany · Example Telecom) → ${VPN_V4} (Sweden · Tunnel VPN AB)`);

      const ledger = (await ext.run('ledger', null)) as { cause?: string }[];
      expect(new Set(ledger.map((e) => e.cause))).toEqual(new Set(['monitor:user', 'monitor:test']));
    } finally {
      await firefox.close();
    }
  });
});
