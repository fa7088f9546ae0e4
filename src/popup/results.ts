import type { CheckResults, ProbeName, Verdict } from '../probes/types';

export const PROBES: readonly ProbeName[] = ['ipv4', 'ipv6', 'dns', 'webrtc', 'securedns', 'locale'];

export const ALL_PENDING: CheckResults = {
  ipv4: { state: 'pending' },
  ipv6: { state: 'pending' },
  dns: { state: 'pending' },
  webrtc: { state: 'pending' },
  securedns: { state: 'pending' },
  locale: { state: 'pending' },
};

export function isSettled(results: CheckResults): boolean {
  return PROBES.every((probe) => results[probe].state !== 'pending');
}

/** Whatever went wrong around the engine, the popup settles: still-pending probes become `internal` failures. */
export function settle(results: CheckResults): CheckResults {
  const failed = { state: 'failed', problem: { code: 'internal' } } as const;
  const out = { ...results };
  for (const probe of PROBES) if (out[probe].state === 'pending') out[probe] = failed;
  return out;
}

/**
 * The banner's verdict: a leak shows as soon as one is seen (more results cannot undo it);
 * anything else waits until every probe has settled. null means "Checking…".
 * A throwing decide() cannot blank the popup.
 */
export function verdictFor(results: CheckResults, decide: (results: CheckResults) => Verdict): Verdict | null {
  const settled = isSettled(results);
  try {
    const verdict = decide(results);
    return settled || verdict.level === 'leak' ? verdict : null;
  } catch {
    return settled ? { level: 'unknown', reasons: [] } : null;
  }
}
