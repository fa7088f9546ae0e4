// One silent provider per section (it takes the request and never answers, as a host behind a dropping route
// does): each section shows the other providers' answers long before that provider's deadline, marked as
// provisional with who is still out, and the final state names the silent one as timed out. Order and state
// only; the timings are the bench's (npm run bench, the "silent" case).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoErrors, prepare } from './lib/faults';
import { launchProbeChromium, type ProbeBrowser } from './lib/probe-chromium';
import { launchProbeFirefox } from './lib/probe-firefox';
import { CLIENT_V4, RESOLVER_V4 } from './world/addresses';
import { CLEAN } from './world/scenario';
import { startWorld, type World } from './world/world';

const SILENT = { ...CLEAN, name: 'silent providers', faults: { 'cloudflare-ipv4': 'hang', 'mullvad-dns': 'hang' } } as const;
const TIMED_OUT = 'No answer before the deadline.';

// One world for both browsers: its servers bind fixed sandbox addresses.
let world: World;
beforeAll(async () => {
  world = await startWorld(CLEAN);
});
afterAll(async () => {
  await world?.close();
});

for (const name of ['chromium', 'firefox'] as const) {
  describe(`one silent provider per section, ${name}`, () => {
    let browser: ProbeBrowser;

    beforeAll(async () => {
      browser = name === 'chromium' ? await launchProbeChromium() : await launchProbeFirefox();
      // The fault suite's settings: four IPv4 providers, three DNS providers.
      await prepare(world, browser);
    });
    afterAll(async () => {
      await browser?.close();
    });

    test("the others' answers show while the silent one is out; the final state names it as timed out", async () => {
      world.scenario = SILENT;
      const run = await browser.openPopup(60_000);
      const context = JSON.stringify({ partials: run.times.partials, texts: run.texts }, null, 1);

      // While Cloudflare was still out: the address the other three agree on, and who is missing.
      const ipv4 = run.times.partials.ipv4 ?? '';
      expect(ipv4, context).toContain(CLIENT_V4);
      expect(ipv4, context).toContain('3 of 4 answered, waiting for Cloudflare');
      // While Mullvad's DNS was still out: the resolver the check server and bash.ws saw.
      const dns = run.times.partials.dns ?? '';
      expect(dns, context).toContain(RESOLVER_V4);
      expect(dns, context).toMatch(/2 of 3 answered, waiting for Mullvad/);
      // "No leak found" never showed while a section was open.
      expect(run.times.earlyLevels, context).not.toContain('clean');

      // Final: done, the others' answer kept, the silent provider named as timed out, nothing provisional left.
      expect(run.view.states.ipv4).toBe('done');
      expect(run.view.states.dns).toBe('done');
      expect(run.texts.ipv4, context).toContain(CLIENT_V4);
      expect(run.texts.ipv4, context).toContain(`Cloudflare: ${TIMED_OUT}`);
      expect(run.texts.dns, context).toContain(RESOLVER_V4);
      expect(run.texts.dns, context).toContain(`Mullvad: ${TIMED_OUT}`);
      expect(run.texts.ipv4, context).not.toContain('answered, waiting for');
      expect(run.view.level, context).toBe('clean');
      await expectNoErrors(browser, 'silent providers');
    });
  });
}
