// The fault-injection matrix in Chromium: every fault at every provider it means something for, then at all of
// them at once (see tests/e2e/lib/faults.ts for what each case asserts, tests/e2e/world/faults.ts for the faults).
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type Baseline, matrix, prepare, runFaultCase } from './lib/faults';
import { launchProbeChromium, type ProbeBrowser } from './lib/probe-chromium';
import { CLEAN } from './world/scenario';
import { startWorld, type World } from './world/world';

let world: World;
let browser: ProbeBrowser;
let baseline: Baseline;

beforeAll(async () => {
  world = await startWorld(CLEAN);
  browser = await launchProbeChromium();
  baseline = await prepare(world, browser);
});
afterAll(async () => {
  await browser?.close();
  await world?.close();
});

describe('faults, Chromium', () => {
  for (const c of matrix({ perProvider: 'all' })) test(c.label, () => runFaultCase(world, browser, c, baseline));
});
