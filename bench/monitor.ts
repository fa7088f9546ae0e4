// The monitor's cost (issue 11), measured in Chromium in the sealed network: requests per cheap check (counted
// by the servers), requests per day at each backstop period (arithmetic from that count), the time from a
// trigger to the badge showing the result, and the service worker's CPU time per cheap check (CDP Profiler
// samples on the worker, idle samples left out). Triggers are fired through the test build's hook.
import type { CDPSession } from 'playwright-core';
import { MONITOR_PERIODS } from '../src/model/monitor';
import { requestsPerDay } from '../src/monitor/schedule';
import { launchChromium } from '../tests/e2e/browsers/chromium';
import { MONITOR_SETTINGS, pageFns, until, VPN_DROPPED, VPN_ON } from '../tests/e2e/lib/monitor';
import type { World } from '../tests/e2e/world/world';
import { type Summary, summarize } from './stats';

export interface MonitorBench {
  readonly requestsPerCheapCheck: Summary;
  readonly requestsPerFullCheck: Summary;
  readonly requestsPerDay: Record<string, number>;
  /** Trigger sent → badge shows the result: a cheap check that finds nothing new. */
  readonly triggerToBadgeCheapMs: Summary;
  /** Trigger sent → badge shows the leak: cheap check, change seen, full check. */
  readonly triggerToBadgeChangeMs: Summary;
  readonly cpuPerCheapCheckMs: Summary;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A CDP session on the extension's service worker, through the page session's Target domain (no flat sessions). */
async function workerSession(page: CDPSession, urlPrefix: string) {
  const { targetInfos } = (await page.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(urlPrefix));
  if (!target) throw new Error('no service worker target');
  const { sessionId } = (await page.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let id = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  page.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result ?? message.error);
  });
  return {
    send(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
      const mine = ++id;
      const answered = new Promise<unknown>((resolve) => waiting.set(mine, resolve));
      void page.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mine, method, params }) });
      return answered;
    },
  };
}

/** CPU time in a profile: every sample's time except those in the idle node. */
function cpuMs(profile: Profile): number {
  const idle = new Set(profile.nodes.filter((n) => ['(idle)', '(program)'].includes(n.callFrame.functionName)).map((n) => n.id));
  let us = 0;
  profile.samples.forEach((node, i) => {
    if (!idle.has(node)) us += profile.timeDeltas[i] ?? 0;
  });
  return us / 1000;
}

export async function benchMonitor(world: World, runs: number): Promise<MonitorBench> {
  world.scenario = VPN_ON;
  const chromium = await launchChromium();
  try {
    const page = await chromium.openPage('src/options/index.html');
    const run = (fn: keyof typeof pageFns, arg: unknown) => page.evaluate(pageFns[fn] as (a: unknown) => unknown, arg) as Promise<unknown>;
    const badge = async () => ((await run('badge', null)) as [string, string])[0];
    await run('setLocal', { settings: MONITOR_SETTINGS });
    await run('setLocal', { monitor: { on: true, periodMin: 15 } });
    await until(badge, (b) => b === '✓', 'first check');
    const cdp = await chromium.context.newCDPSession(page);
    const worker = await workerSession(cdp, `chrome-extension://${chromium.extensionId}/`);
    await worker.send('Profiler.enable');
    await worker.send('Profiler.setSamplingInterval', { interval: 100 });

    const cheapRequests: number[] = [];
    const cheapMs: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const before = world.traffic().requests;
      await worker.send('Profiler.start');
      const start = performance.now();
      await run('fire', 'test');
      await until(badge, (b) => b === '✓', 'cheap check');
      cheapMs.push(performance.now() - start);
      const { profile } = (await worker.send('Profiler.stop')) as { profile: Profile };
      cpu.push(cpuMs(profile));
      cheapRequests.push(world.traffic().requests - before);
    }

    const fullRequests: number[] = [];
    const changeMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const [next, expected] = i % 2 === 0 ? [VPN_DROPPED, '!'] : [VPN_ON, '✓'];
      world.scenario = next;
      const before = world.traffic().requests;
      const start = performance.now();
      await run('fire', 'test');
      await until(badge, (b) => b === expected, 'changed check');
      changeMs.push(performance.now() - start);
      // The cheap check's two requests and the full check's.
      fullRequests.push(world.traffic().requests - before - 2);
    }
    const perCheck = summarize(cheapRequests).median ?? 0;
    return {
      requestsPerCheapCheck: summarize(cheapRequests),
      requestsPerFullCheck: summarize(fullRequests),
      requestsPerDay: Object.fromEntries(MONITOR_PERIODS.map((p) => [`${p} min`, requestsPerDay(p, perCheck)])),
      triggerToBadgeCheapMs: summarize(cheapMs),
      triggerToBadgeChangeMs: summarize(changeMs),
      cpuPerCheapCheckMs: summarize(cpu),
    };
  } finally {
    world.scenario = VPN_ON;
    await chromium.close();
  }
}
