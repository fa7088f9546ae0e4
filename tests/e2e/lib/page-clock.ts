// Page-side timekeeping for the fault suite and the bench: the popup's own clock (performance.now(), zero at
// navigation), read by a MutationObserver installed before the popup's scripts run, so nothing is polled.
// The recorder itself is in src/test-support: test builds install it from the popup's first script, since
// Firefox does not run BiDi preload scripts in extension pages (its timings then started late, all equal).
import { installRecorder } from '../../../src/test-support/page-clock';

export { installRecorder };

export interface PopupTimes {
  /** When the popup first rendered its sections, pending: the check starts right then (ms since navigation). */
  readonly started: number | null;
  /** When each section first became final, done or failed (ms since navigation). */
  readonly sections: Record<string, number>;
  /** When an IPv4 address first appeared in the IPv4 section (provisional or final, never a remembered one). */
  readonly ipv4: number | null;
  /** When a DNS resolver first appeared in the DNS section (provisional or final). */
  readonly resolver: number | null;
  /** The page's navigation start, epoch ms (performance.timeOrigin): to compare with the world's clock. */
  readonly timeOrigin: number;
  /**
   * Each section's text the last time it was seen provisional ('partial'), before it became final; absent
   * for a section that never was. textContent, not innerText: no layout inside the observer.
   */
  readonly partials: Record<string, string>;
  /** Banner levels seen while some section was not yet final (pending or provisional). */
  readonly earlyLevels: string[];
  /** When every section was final and the verdict too. */
  readonly settled: number | null;
  readonly firstPaint: number | null;
  readonly firstContentfulPaint: number | null;
  /** Uncaught errors and unhandled rejections the page saw. */
  readonly errors: string[];
  readonly heapUsed: number | null;
}

/** Runs in the page: resolves once the popup has settled (the recorder says so), with what the clock saw. */
export function awaitSettled(): Promise<PopupTimes> {
  type Rec = {
    started: number | null;
    sections: Record<string, number>;
    ipv4: number | null;
    resolver: number | null;
    partials: Record<string, string>;
    earlyLevels: string[];
    settled: number | null;
    errors: string[];
  };
  const rec = (window as unknown as { __leakless: Rec }).__leakless;
  return new Promise((resolve) => {
    const done = () => {
      const paints = performance.getEntriesByType('paint');
      const at = (name: string) => paints.find((p) => p.name === name)?.startTime ?? null;
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      resolve({
        started: rec.started,
        sections: { ...rec.sections },
        ipv4: rec.ipv4,
        resolver: rec.resolver,
        partials: { ...rec.partials },
        earlyLevels: [...rec.earlyLevels],
        timeOrigin: performance.timeOrigin,
        settled: rec.settled,
        firstPaint: at('first-paint'),
        firstContentfulPaint: at('first-contentful-paint'),
        errors: [...rec.errors],
        heapUsed: memory ? memory.usedJSHeapSize : null,
      });
    };
    if (rec.settled !== null) return done();
    const observer = new MutationObserver(() => {
      if (rec.settled === null) return;
      observer.disconnect();
      // Paint entries are queued after the frame that showed the change.
      requestAnimationFrame(() => setTimeout(done, 0));
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/**
 * A page function as an expression, with an argument. Source transforms (tsx/vite keepNames) wrap inner
 * functions in a `__name` helper that does not exist in the page; the expression brings a stand-in along.
 */
export const pageCall = (fn: (...args: never[]) => unknown, ...args: unknown[]) =>
  `(() => { const __name = (f) => f; return (${fn.toString()})(${args.map((a) => JSON.stringify(a)).join(', ')}); })()`;
