// `npm run bench`: the extension's cost, measured. Chromium (and Firefox) in the sealed network against the
// world, with an added delay on every HTTPS answer and every DNS answer of the check server and the fakes.
// Each run is a fresh browser (cold caches, no kept-alive connections) opening the popup once, default settings.
// Reports median/min/max; never fails on timings. Writes bench/results.json.
// Per run it also opens the floor page (src/test-support/floor.html: an empty extension page sending the
// background one message) in the same browser, and a "silent" case where one provider per section accepts
// its requests and never answers: the others' answers must come as fast as without it.
// Then the monitor's cost in Chromium (bench/monitor.ts): requests per cheap check and per day, trigger-to-badge
// time, CPU per cheap check. --monitor-only measures only that and keeps the rest of bench/results.json.
//   tsx scripts/bench.ts [--runs 5] [--delays 0,100] [--no-firefox] [--no-silent] [--monitor-only]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { bundleSizes } from '../bench/bundles';
import { CHAINS, longestChain, lowerBoundMs } from '../bench/lower-bound';
import { benchMonitor, type MonitorBench } from '../bench/monitor';
import { type Summary, summarize } from '../bench/stats';
import { DIST_TEST } from '../tests/e2e/browsers/dists';
import { launchProbeChromium, type ProbeBrowser } from '../tests/e2e/lib/probe-chromium';
import { launchProbeFirefox } from '../tests/e2e/lib/probe-firefox';
import type { FaultTable } from '../tests/e2e/world/faults';
import { CLEAN, type Scenario } from '../tests/e2e/world/scenario';
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
const SILENT_TOO = !process.argv.includes('--no-silent');
/** `--dns leakless-dns,mullvad-dns`: these DNS providers instead of the defaults (to weigh bash.ws's chain). */
const DNS_PROVIDERS = arg('dns', '')
  .split(',')
  .filter((id) => id !== '');
const CHAINS_RUN =
  DNS_PROVIDERS.length > 0 && !DNS_PROVIDERS.includes('bashws-result') ? CHAINS.filter((c) => !c.probe.includes('bash.ws')) : CHAINS;

/** One provider per section that takes the request and never answers (Cloudflare's 1.0.0.1 on a dead route). */
const SILENT: FaultTable = { 'cloudflare-ipv4': 'hang', 'ipify-ipv6': 'hang', 'mullvad-dns': 'hang' };

/** The targets of issue 12, in ms over the floor, per added delay d. */
const SLACK_MS = 30;

interface Sample {
  /** Page open → the background has the floor page's one message. */
  floor: number | null;
  /** Page open → the first TCP connection or DNS query the world saw. */
  firstRequest: number | null;
  firstPaint: number | null;
  ipv4OnScreen: number | null;
  resolverOnScreen: number | null;
  allFinal: number | null;
  /** When each section became final (ms since page open), for the breakdown. */
  sections: Record<string, number>;
  requests: number;
  connections: number;
  /** Hosts that got more TLS connections than requests needed one at a time: "host c/r". */
  extraConnections: string[];
  dnsLookups: number;
  bytesSent: number;
  bytesReceived: number;
  heapBytes: number | null;
}

type Metric = Exclude<keyof Sample, 'sections' | 'extraConnections'>;

const METRICS: readonly [Metric, string, string][] = [
  ['floor', 'floor (empty page + one message)', 'ms'],
  ['firstRequest', 'page open → first request', 'ms'],
  ['firstPaint', 'popup first paint', 'ms'],
  ['ipv4OnScreen', 'first IPv4 on screen', 'ms'],
  ['resolverOnScreen', 'first resolver on screen', 'ms'],
  ['allFinal', 'check complete (every section final)', 'ms'],
  ['requests', 'HTTPS requests', ''],
  ['connections', 'TLS connections', ''],
  ['dnsLookups', 'DNS lookups (check zone + leak names)', ''],
  ['bytesSent', 'bytes sent by the browser', 'B'],
  ['bytesReceived', 'bytes received by the browser', 'B'],
  ['heapBytes', 'popup JS heap used', 'B'],
];

const loadNow = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** Hosts with more than one connection in this run: a request that could have reused one did not. */
function extraConnections(after: Traffic, before: Traffic): string[] {
  return Object.entries(after.byHost).flatMap(([host, now]) => {
    const connections = now.connections - (before.byHost[host]?.connections ?? 0);
    const requests = now.requests - (before.byHost[host]?.requests ?? 0);
    return connections > 1 ? [`${host} ${connections}/${requests}`] : [];
  });
}

const diff = (after: Traffic, before: Traffic) => ({
  requests: after.requests - before.requests,
  connections: after.connections - before.connections,
  extraConnections: extraConnections(after, before),
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
    if (DNS_PROVIDERS.length > 0) await browser.setStorage({ settings: { dns: DNS_PROVIDERS } });
    const before = world.traffic();
    const run = await browser.openPopup(60_000);
    // The servers may still be counting the last bytes of connections the popup's close tore down.
    const traffic = diff(world.traffic(), before);
    const first = world.firstActivitySince(Math.floor(run.times.timeOrigin));
    // The floor after the popup, in the same browser: warm, so if anything it is lower than a cold one.
    const floor = await browser.openFloor().catch(() => null);
    return {
      floor,
      firstRequest: first === null ? null : first - run.times.timeOrigin,
      firstPaint: run.times.firstContentfulPaint ?? run.times.firstPaint,
      ipv4OnScreen: run.times.ipv4,
      resolverOnScreen: run.times.resolver,
      allFinal: run.times.settled,
      sections: run.times.sections,
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
const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b <= 0 ? '—' : (a / b).toFixed(2));
const verdict = (value: number | null, limit: number | null) =>
  value === null || limit === null ? 'n/a' : value <= limit ? `met (${ms(value)} ≤ ${ms(limit)})` : `NOT met (${ms(value)} > ${ms(limit)})`;
let monitor: MonitorBench | null = null;
try {
  for (const name of MONITOR_ONLY ? [] : BROWSERS) {
    const cases: [string, number, Scenario][] = DELAYS.flatMap((delayMs): [string, number, Scenario][] => [
      [`${name} ${delayMs} ms`, delayMs, { ...CLEAN, name: `bench ${delayMs} ms`, delayMs }],
      ...(SILENT_TOO
        ? [
            [`${name} ${delayMs} ms silent`, delayMs, { ...CLEAN, name: `bench ${delayMs} ms, silent`, delayMs, faults: SILENT }] as [
              string,
              number,
              Scenario,
            ],
          ]
        : []),
    ]);
    for (const [key, delayMs, scenario] of cases) {
      world.scenario = scenario;
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        try {
          samples.push(await sample(world, name));
        } catch (error) {
          console.error(`${key} run ${i + 1}: ${(error as Error).message}`);
        }
      }
      const summary = Object.fromEntries(METRICS.map(([k]) => [k, summarize(samples.map((s) => s[k]))])) as Record<Metric, Summary>;
      const floor = summary.floor.median;
      const chain = longestChain(CHAINS_RUN).delayedAnswers;
      const bound = floor === null ? null : floor + lowerBoundMs(delayMs, CHAINS_RUN);
      const full = summary.allFinal.median;
      const ipv4 = summary.ipv4OnScreen.median;
      const resolver = summary.resolverOnScreen.median;
      const targets = {
        complete: delayMs > 0 && bound !== null ? bound * 1.2 : null,
        ipv4: floor === null ? null : floor + delayMs + SLACK_MS,
        resolver: floor === null ? null : floor + 2 * delayMs + SLACK_MS,
      };
      results[key] = {
        browser: name,
        delayMs,
        silent: scenario.faults !== undefined,
        runs: samples.length,
        load: loadNow(),
        summary,
        samples,
        lowerBoundMs: bound,
        ratioToLowerBound: bound !== null && bound > 0 && full !== null ? full / bound : null,
        targets,
      };
      console.log(`\n${key}, +${delayMs} ms per answer, ${samples.length} runs (median [min–max]), load ${loadNow()}:`);
      for (const [k, label, unit] of METRICS) console.log(`  ${label.padEnd(40)} ${cell(summary[k], unit)}`);
      const sectionNames = [...new Set(samples.flatMap((x) => Object.keys(x.sections)))];
      const breakdown = sectionNames.map((n) => `${n} ${ms(summarize(samples.map((x) => x.sections[n])).median)}`).join(', ');
      console.log(`  ${'each section final (median)'.padEnd(40)} ${breakdown}`);
      const extra = [...new Set(samples.flatMap((x) => x.extraConnections))];
      console.log(`  ${'hosts on >1 connection (conn/req)'.padEnd(40)} ${extra.length > 0 ? extra.join(', ') : 'none'}`);
      console.log(`  ${'network lower bound'.padEnd(40)} ${ms(bound)} (floor + ${chain} delayed answers × ${delayMs} ms)`);
      console.log(
        `  ${'ratios'.padEnd(40)} complete/bound ${ratio(full, bound)}, first request/floor ${ratio(summary.firstRequest.median, floor)}`,
      );
      const clean = results[`${name} ${delayMs} ms`]?.summary as Record<Metric, Summary> | undefined;
      if (scenario.faults !== undefined && clean) {
        console.log(
          `  ${'silent vs clean (medians)'.padEnd(40)} first IPv4 ${ms(ipv4)} vs ${ms(clean.ipv4OnScreen.median)}, ` +
            `first resolver ${ms(resolver)} vs ${ms(clean.resolverOnScreen.median)}`,
        );
      }
      if (scenario.faults === undefined) {
        if (delayMs > 0) console.log(`  ${'target complete ≤ 1.2 × bound'.padEnd(40)} ${verdict(full, targets.complete)}`);
        console.log(`  ${`target IPv4 ≤ floor + ${delayMs} + 30`.padEnd(40)} ${verdict(ipv4, targets.ipv4)}`);
        if (delayMs > 0)
          console.log(`  ${`target resolver ≤ floor + ${2 * delayMs} + 30`.padEnd(40)} ${verdict(resolver, targets.resolver)}`);
      }
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
