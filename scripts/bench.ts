// `npm run bench`: the extension's cost, measured. Chromium (and Firefox) in the sealed network against the
// world, with an added delay on every HTTPS answer and every DNS answer of the check server and the fakes.
// Each run is a fresh browser (cold caches, no kept-alive connections) opening the popup once, default settings.
// Reports median/min/max; never fails on timings. Writes bench/results.json.
// Then the monitor's cost in Chromium (bench/monitor.ts): requests per cheap check and per day, trigger-to-badge
// time, CPU per cheap check. --monitor-only measures only that and keeps the rest of bench/results.json.
//   tsx scripts/bench.ts [--runs 5] [--delays 0,100] [--no-firefox] [--monitor-only]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { bundleSizes } from '../bench/bundles';
import { CHAINS, longestChain, lowerBoundMs } from '../bench/lower-bound';
import { benchMonitor, type MonitorBench } from '../bench/monitor';
import { type Summary, summarize } from '../bench/stats';
import { DIST_TEST } from '../tests/e2e/browsers/dists';
import { launchProbeChromium, type ProbeBrowser } from '../tests/e2e/lib/probe-chromium';
import { launchProbeFirefox } from '../tests/e2e/lib/probe-firefox';
import { CLEAN } from '../tests/e2e/world/scenario';
import { startWorld, type Traffic, type World } from '../tests/e2e/world/world';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const RUNS = Math.max(5, Number(arg('runs', '5')));
const DELAYS = arg('delays', '0,100')
  .split(',')
  .map(Number)
  .filter((n) => Number.isFinite(n) && n >= 0);
const BROWSERS = process.argv.includes('--no-firefox') ? (['chromium'] as const) : (['chromium', 'firefox'] as const);

interface Sample {
  firstPaint: number | null;
  ipv4OnScreen: number | null;
  allFinal: number | null;
  requests: number;
  dnsLookups: number;
  bytesSent: number;
  bytesReceived: number;
  heapBytes: number | null;
}

const METRICS: readonly [keyof Sample, string, string][] = [
  ['firstPaint', 'popup first paint', 'ms'],
  ['ipv4OnScreen', 'IPv4 on screen', 'ms'],
  ['allFinal', 'every section final', 'ms'],
  ['requests', 'HTTPS requests', ''],
  ['dnsLookups', 'DNS lookups (check zone + leak names)', ''],
  ['bytesSent', 'bytes sent by the browser', 'B'],
  ['bytesReceived', 'bytes received by the browser', 'B'],
  ['heapBytes', 'popup JS heap used', 'B'],
];

const diff = (after: Traffic, before: Traffic) => ({
  requests: after.requests - before.requests,
  dnsLookups: after.dnsQueries - before.dnsQueries,
  // The servers' view: what they read is what the browser sent.
  bytesSent: after.bytesIn - before.bytesIn,
  bytesReceived: after.bytesOut - before.bytesOut,
});

async function launch(name: 'chromium' | 'firefox'): Promise<ProbeBrowser> {
  // Precise heap numbers instead of Chromium's coarse, delayed buckets.
  return name === 'chromium' ? launchProbeChromium({ extraArgs: ['--enable-precise-memory-info'] }) : launchProbeFirefox();
}

async function sample(world: World, name: 'chromium' | 'firefox'): Promise<Sample> {
  const browser = await launch(name);
  try {
    const before = world.traffic();
    const run = await browser.openPopup(60_000);
    // The servers may still be counting the last bytes of connections the popup's close tore down.
    const traffic = diff(world.traffic(), before);
    return {
      firstPaint: run.times.firstContentfulPaint ?? run.times.firstPaint,
      ipv4OnScreen: run.times.ipv4,
      allFinal: run.times.settled,
      ...traffic,
      heapBytes: run.times.heapUsed,
    };
  } finally {
    await browser.close();
  }
}

const fmt = (v: number | null, unit: string) =>
  v === null
    ? '—'
    : unit === 'B'
      ? v >= 10_000
        ? `${(v / 1024).toFixed(1)} KiB`
        : `${Math.round(v)} B`
      : `${Math.round(v)}${unit && ` ${unit}`}`;
const cell = (s: Summary, unit: string) => (s.n === 0 ? 'n/a' : `${fmt(s.median, unit)} [${fmt(s.min, unit)}–${fmt(s.max, unit)}]`);

const MONITOR_ONLY = process.argv.includes('--monitor-only');
const world = await startWorld(CLEAN);
const results: Record<string, Record<string, unknown>> = {};
let monitor: MonitorBench | null = null;
try {
  for (const name of MONITOR_ONLY ? [] : BROWSERS) {
    for (const delayMs of DELAYS) {
      world.scenario = { ...CLEAN, name: `bench ${delayMs} ms`, delayMs };
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        try {
          samples.push(await sample(world, name));
        } catch (error) {
          console.error(`${name} ${delayMs} ms run ${i + 1}: ${(error as Error).message}`);
        }
      }
      const summary = Object.fromEntries(METRICS.map(([key]) => [key, summarize(samples.map((s) => s[key]))])) as Record<
        keyof Sample,
        Summary
      >;
      const bound = lowerBoundMs(delayMs);
      const full = summary.allFinal.median;
      results[`${name} ${delayMs} ms`] = {
        browser: name,
        delayMs,
        runs: samples.length,
        summary,
        samples,
        lowerBoundMs: bound,
        ratioToLowerBound: bound > 0 && full !== null ? full / bound : null,
      };
      console.log(`\n${name}, +${delayMs} ms per answer, ${samples.length} runs (median [min–max]):`);
      for (const [key, label, unit] of METRICS) console.log(`  ${label.padEnd(40)} ${cell(summary[key], unit)}`);
      console.log(
        `  ${'network lower bound'.padEnd(40)} ${bound} ms (${longestChain().delayedAnswers} delayed answers × ${delayMs} ms)` +
          (bound > 0 && full !== null ? `; full check / bound = ${(full / bound).toFixed(2)}` : ''),
      );
    }
  }
  monitor = await benchMonitor(world, RUNS);
  console.log(`\nMonitoring (Chromium, ${RUNS} runs, median [min–max]):`);
  console.log(`  ${'requests per cheap check'.padEnd(40)} ${cell(monitor.requestsPerCheapCheck, '')}`);
  console.log(`  ${'requests per full check (on a change)'.padEnd(40)} ${cell(monitor.requestsPerFullCheck, '')}`);
  for (const [period, n] of Object.entries(monitor.requestsPerDay))
    console.log(`  ${`requests per day, backstop ${period}`.padEnd(40)} ${n}`);
  console.log(`  ${'trigger → badge, nothing changed'.padEnd(40)} ${cell(monitor.triggerToBadgeCheapMs, 'ms')}`);
  console.log(`  ${'trigger → badge, a change (cheap + full)'.padEnd(40)} ${cell(monitor.triggerToBadgeChangeMs, 'ms')}`);
  console.log(`  ${'worker CPU per cheap check'.padEnd(40)} ${cell(monitor.cpuPerCheapCheckMs, 'ms')}`);
} finally {
  await world.close();
}

const bundles = bundleSizes(DIST_TEST.chrome);
console.log('\nBundles (dist-test/chrome, gzip -9):');
for (const b of bundles) console.log(`  ${b.file.padEnd(56)} ${String(b.gzip).padStart(7)} B gzip  (${b.bytes} B)`);
console.log(`  ${'total'.padEnd(56)} ${String(bundles.reduce((n, b) => n + b.gzip, 0)).padStart(7)} B gzip`);
console.log('\nLongest chains of dependent answers (each delayed answer costs the added delay once):');
for (const c of CHAINS)
  console.log(
    `  ${String(c.delayedAnswers).padStart(2)} delayed, ${String(c.realRoundTrips).padStart(2)} real RTTs  ${c.probe}: ${c.steps.join(' → ')}`,
  );

mkdirSync(new URL('../bench/', import.meta.url), { recursive: true });
const resultsFile = new URL('../bench/results.json', import.meta.url);
const kept = MONITOR_ONLY && existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : null;
const written = kept
  ? { ...kept, monitor, monitorDate: new Date().toISOString() }
  : { date: new Date().toISOString(), runs: RUNS, delays: DELAYS, results, bundles, chains: CHAINS, monitor };
writeFileSync(resultsFile, `${JSON.stringify(written, null, 2)}\n`);
console.log('\nwrote bench/results.json');
