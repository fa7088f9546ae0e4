import { appendFileSync, mkdirSync } from 'node:fs';

/** Screenshots the tests take; `npm run screenshots` copies the README's from here to docs/screenshots. */
export const SHOTS = new URL('../../../artifacts/screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });
export const shot = (name: string) => `${SHOTS}${name}.png`;

/**
 * Timings the pass/fail tests see but must not judge (a loaded machine is slow, not wrong): one JSON line per
 * case in artifacts/timings.jsonl, for reading next to the benchmark.
 */
export const TIMINGS = new URL('../../../artifacts/timings.jsonl', import.meta.url).pathname;
export function recordTimings(label: string, times: Readonly<Record<string, number>>): void {
  appendFileSync(TIMINGS, `${JSON.stringify({ label, ...times })}\n`);
}
