import { type CheckResults, PENDING, PROBE_NAMES, type ProbeName, type Problem, type ResultOf, type Settings } from '../model';
import type { OnPartial, ProbeDeps } from './deps';
import { probeDns } from './dns';
import { probeHeaders } from './headers';
import { probeIp } from './ip';
import { AFTER_FIRST_REQUESTS_MS } from './later';
import { probeLocale } from './locale';
import { probeSecureDns } from './securedns';
import { probeWebRtc } from './webrtc';

/** The probe functions, injectable so the runner can be tested with fakes. */
export type Probes = {
  readonly [K in ProbeName]: (
    deps: ProbeDeps,
    settings: Settings,
    signal?: AbortSignal,
    onPartial?: OnPartial<ResultOf<K>>,
  ) => ResultOf<K> | Promise<ResultOf<K>>;
};

/**
 * The signal cancels the network requests of a run nobody waits for any more (a re-run, a closed popup).
 * `onPartial` streams a probe's provisional result as each of its providers answers.
 */
export const PROBES: Probes = {
  ipv4: (deps, settings, signal, onPartial) => probeIp(deps, settings, 4, signal, onPartial),
  ipv6: (deps, settings, signal, onPartial) => probeIp(deps, settings, 6, signal, onPartial),
  dns: (deps, settings, signal, onPartial) => probeDns(deps, settings, signal, onPartial),
  webrtc: probeWebRtc,
  securedns: probeSecureDns,
  headers: (deps, settings, signal) => probeHeaders(deps, settings, signal),
  locale: (deps) => new Promise((resolve) => setTimeout(resolve, AFTER_FIRST_REQUESTS_MS)).then(() => probeLocale(deps)),
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
  onPartial: (state: CheckResults[K]) => void,
): Promise<CheckResults[K]> {
  return new Promise((resolve) => {
    let final = false;
    const fail = (problem: Problem) => resolve({ state: 'failed', problem } as CheckResults[K]);
    const timer = setTimeout(() => fail({ code: 'timeout' }), outerDeadlineMs(settings));
    const partial: OnPartial<ResultOf<K>> = (result, answered, waiting) => {
      // Nothing provisional after the final state, and never without something still out.
      if (!final && waiting.length > 0) onPartial({ state: 'partial', result, answered, waiting: [...waiting] } as CheckResults[K]);
    };
    let running: Promise<ResultOf<K>>;
    try {
      running = Promise.resolve(probes[name](deps, settings, signal, partial));
    } catch (error) {
      // A probe that throws synchronously fails alone, like one that rejects.
      running = Promise.reject(error);
    }
    running
      .then(
        (result) => resolve({ state: 'done', result } as CheckResults[K]),
        (error: unknown) => fail(error instanceof Error ? { code: 'internal', detail: error.name } : { code: 'internal' }),
      )
      .finally(() => {
        final = true;
        clearTimeout(timer);
      });
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
  const settled = new Set<ProbeName>();
  const update = (name: ProbeName, state: CheckResults[ProbeName]) => {
    current = Object.freeze({ ...current, [name]: Object.freeze(state) });
    try {
      onUpdate(current);
    } catch (error) {
      // A broken view must not stop the other probes from reporting.
      console.error('leakless: onUpdate failed', error);
    }
  };
  await Promise.all(
    PROBE_NAMES.map(async (name) => {
      const state = await settle(name, probes, deps, settings, signal, (partial) => {
        if (!settled.has(name)) update(name, partial);
      });
      settled.add(name);
      update(name, state);
    }),
  );
  return current;
}
