// `npm run bench:cpu`: where one check's CPU goes in Chromium. Opens the popup once (sealed network, the
// world's servers answering at once) under a Chromium trace with the V8 sampling profiler, and prints the
// busy time of each thread from page open to the check's end, the scripts the popup and the service worker
// ran, and the world's own CPU (its servers share the machine's cores with the browser). A profile, not a
// pass/fail test; the tracing itself slows the browser, so compare runs of this command with each other only.
//   tsx scripts/bench-cpu.ts [--runs 3] [--save trace.json]   (--save: the last run's trace, for chrome://tracing)
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { busyByThread, samplesByScript, type TraceEvent } from '../bench/trace-cpu';
import { launchProbeChromium } from '../tests/e2e/lib/probe-chromium';
import { CLEAN } from '../tests/e2e/world/scenario';
import { startWorld } from '../tests/e2e/world/world';

const CATEGORIES = ['toplevel', 'loading', 'disabled-by-default-v8.cpu_profiler'];
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Math.max(1, Number(process.argv[runsAt + 1])) : 3;
const saveAt = process.argv.indexOf('--save');
const SAVE = saveAt > 0 ? process.argv[saveAt + 1] : undefined;

const world = await startWorld(CLEAN);
try {
  for (let run = 1; run <= RUNS; run++) {
    const browser = await launchProbeChromium();
    try {
      const blank = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(blank);
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
      const elu = performance.eventLoopUtilization();
      const cpu = process.cpuUsage();
      const popup = await browser.openPopup(60_000);
      const worldCpu = process.cpuUsage(cpu);
      const worldElu = performance.eventLoopUtilization(elu);
      await cdp.send('Tracing.end');
      await complete;
      if (SAVE) writeFileSync(SAVE, JSON.stringify({ traceEvents: events, times: popup.times }));
      const t = popup.times;
      // The trace's clock is not the page's: first contentful paint is in both.
      const fcp = events.find((e) => e.name === 'firstContentfulPaint')?.ts;
      const paint = t.firstContentfulPaint ?? t.firstPaint;
      if (fcp === undefined || paint === null || t.settled === null) throw new Error('no paint or no settled check in the trace');
      const from = fcp - paint * 1000;
      const to = from + t.settled * 1000;
      console.log(`run ${run}: check complete ${Math.round(t.settled)} ms (traced), load ${os.loadavg()[0]?.toFixed(1)}`);
      for (const th of busyByThread(events, from, to).filter((x) => x.busyMs >= 20)) {
        console.log(`  ${th.busyMs.toFixed(0).padStart(5)} ms busy  ${th.process} · ${th.thread}`);
      }
      console.log(
        `  ${((worldCpu.user + worldCpu.system) / 1000).toFixed(0).padStart(5)} ms CPU   the world (servers, fakes, driver; event loop ${Math.round(100 * worldElu.utilization)} % busy)`,
      );
      for (const [thread, scripts] of samplesByScript(events)) {
        if (!thread.startsWith('Extension Renderer')) continue;
        const top = [...scripts].sort((a, b) => b[1] - a[1]).slice(0, 6);
        console.log(`  sampled in ${thread}: ${top.map(([s, ms]) => `${s} ${ms.toFixed(0)}`).join(', ')} (ms)`);
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await world.close();
}
