// TEST BUILDS ONLY: the e2e tests' and the bench's clock in the popup (tests/e2e/lib/page-clock.ts reads it).
// Installed by the popup's first script, because Firefox runs no BiDi preload script in extension pages; the
// e2e harness may install it too (Chromium's init script), and the first one wins. Behind __LEAKLESS_TEST__,
// so a release build drops it (scripts/audit/dist-scan.ts checks that "__leakless" never reaches dist/).

declare const __LEAKLESS_TEST__: boolean;

/** Test builds: start the page clock now. */
export function startPageClock(): void {
  if (typeof __LEAKLESS_TEST__ !== 'undefined' && __LEAKLESS_TEST__) installRecorder();
}

/** Runs in the page at document start. No imports, no closures: it is sent as source. */
export function installRecorder(): void {
  const w = window as unknown as { __leakless?: unknown };
  if (w.__leakless) return;
  const rec = {
    started: null as number | null,
    sections: {} as Record<string, number>,
    ipv4: null as number | null,
    resolver: null as number | null,
    partials: {} as Record<string, string>,
    earlyLevels: [] as string[],
    settled: null as number | null,
    errors: [] as string[],
  };
  w.__leakless = rec;
  window.addEventListener('error', (e) => void rec.errors.push(`uncaught: ${e.message} @ ${e.filename}:${e.lineno}`));
  window.addEventListener('unhandledrejection', (e) => void rec.errors.push(`unhandled rejection: ${String(e.reason)}`));
  const check = () => {
    const now = performance.now();
    const sections = [...document.querySelectorAll('[data-testid^="section-"]')];
    if (rec.started === null && sections.length > 0) rec.started = now;
    // A section is final when it is done or failed; 'partial' (some providers answered) is not.
    const settledState = (s: Element) => ['done', 'failed'].includes(s.getAttribute('data-state') ?? '');
    for (const s of sections) {
      const name = (s.getAttribute('data-testid') ?? '').slice('section-'.length);
      if (settledState(s) && rec.sections[name] === undefined) rec.sections[name] = now;
      if (s.getAttribute('data-state') === 'partial' && rec.sections[name] === undefined) rec.partials[name] = s.textContent ?? '';
    }
    const live = (section: string, item: string) =>
      document.querySelector(`[data-testid="section-${section}"]:not([data-state="pending"]) [data-testid="${item}"]`);
    if (rec.ipv4 === null && live('ipv4', 'ip')) rec.ipv4 = now;
    if (rec.resolver === null && live('dns', 'resolver')) rec.resolver = now;
    const level = document.querySelector('[data-testid="verdict"]')?.getAttribute('data-level');
    const final = !!level && level !== 'pending' && sections.length > 0 && sections.every(settledState);
    if (level && sections.length > 0 && !sections.every(settledState) && !rec.earlyLevels.includes(level)) rec.earlyLevels.push(level);
    if (final && rec.settled === null) rec.settled = now;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}
