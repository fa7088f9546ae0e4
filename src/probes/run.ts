import { type CheckResults, PENDING, PROBE_NAMES, type ProbeName, type Problem, type ResultOf, type Settings } from '../model';
import type { ProbeDeps } from './deps';
import { probeDns } from './dns';
import { probeIp } from './ip';
import { probeLocale } from './locale';
import { probeSecureDns } from './securedns';
import { probeWebRtc } from './webrtc';

/** The probe functions, injectable so the runner can be tested with fakes. */
export type Probes = {
  readonly [K in ProbeName]: (deps: ProbeDeps, settings: Settings, signal?: AbortSignal) => ResultOf<K> | Promise<ResultOf<K>>;
};

/** The signal cancels the network requests of a run nobody waits for any more (a re-run, a closed popup). */
export const PROBES: Probes = {
  ipv4: (deps, settings, signal) => probeIp(deps, settings, 4, signal),
  ipv6: (deps, settings, signal) => probeIp(deps, settings, 6, signal),
  dns: (deps, settings, signal) => probeDns(deps, settings, signal),
  webrtc: probeWebRtc,
  securedns: probeSecureDns,
  locale: (deps) => probeLocale(deps),
};

/** Every probe has its own deadlines; this only catches one that hangs anyway (a bug, or a browser API that never answers). */
export function outerDeadlineMs(settings: Settings): number {
  return settings.deadlineMs * 3 + 2000;
}

function settle<K extends ProbeName>(
  name: K,
  probes: Probes,
  deps: ProbeDeps,
  settings: Settings,
  signal: AbortSignal | undefined,
): Promise<CheckResults[K]> {
  return new Promise((resolve) => {
    const fail = (problem: Problem) => resolve({ state: 'failed', problem } as CheckResults[K]);
    const timer = setTimeout(() => fail({ code: 'timeout' }), outerDeadlineMs(settings));
    let running: Promise<ResultOf<K>>;
    try {
      running = Promise.resolve(probes[name](deps, settings, signal));
    } catch (error) {
      // A probe that throws synchronously fails alone, like one that rejects.
      running = Promise.reject(error);
    }
    running
      .then(
        (result) => resolve({ state: 'done', result } as CheckResults[K]),
        (error: unknown) => fail(error instanceof Error ? { code: 'internal', detail: error.name } : { code: 'internal' }),
      )
      .finally(() => clearTimeout(timer));
  });
}

/**
 * Starts every probe at once and reports each one as it finishes, so the whole check takes as long as the
 * slowest probe. `onUpdate` gets a new frozen CheckResults each time; the promise resolves with the last one.
 */
export async function runCheck(
  deps: ProbeDeps,
  settings: Settings,
  onUpdate: (results: CheckResults) => void,
  probes: Probes = PROBES,
  signal?: AbortSignal,
): Promise<CheckResults> {
  let current = PENDING;
  await Promise.all(
    PROBE_NAMES.map(async (name) => {
      const state = await settle(name, probes, deps, settings, signal);
      current = Object.freeze({ ...current, [name]: Object.freeze(state) });
      try {
        onUpdate(current);
      } catch (error) {
        // A broken view must not stop the other probes from reporting.
        console.error('leakless: onUpdate failed', error);
      }
    }),
  );
  return current;
}
