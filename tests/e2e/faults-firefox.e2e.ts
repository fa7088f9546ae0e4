// The fault-injection matrix in Firefox: every fault at all providers at once, and at one provider in rotation
// (Firefox's popup is slower to settle; the full pairs run in Chromium). What Firefox cannot observe: its
// background page's console over WebDriver BiDi (see lib/probe-firefox.ts).
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type Baseline, matrix, prepare, runFaultCase } from './lib/faults';
import type { ProbeBrowser } from './lib/probe-chromium';
import { launchProbeFirefox } from './lib/probe-firefox';
import { CLEAN } from './world/scenario';
import { startWorld, type World } from './world/world';

let world: World;
let browser: ProbeBrowser;
let baseline: Baseline;

beforeAll(async () => {
  world = await startWorld(CLEAN);
  browser = await launchProbeFirefox();
  baseline = await prepare(world, browser);
});
afterAll(async () => {
  await browser?.close();
  await world?.close();
});

describe('faults, Firefox', () => {
  for (const c of matrix({ perProvider: 'rotate' })) test(c.label, () => runFaultCase(world, browser, c, baseline));
});
