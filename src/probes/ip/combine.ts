import type { IpResult, Observation, PublicIp } from '../types';
import { mergeMeta } from './meta';

/** Failures that mean "could not connect", as opposed to a provider answering wrongly. */
const NO_CONNECTION = new Set(['unreachable', 'timeout']);

/**
 * The address most providers agree on (ties go to the earlier provider, i.e. the user's order),
 * with metadata from the providers that gave that address.
 */
export function combineIp(family: 4 | 6, observations: readonly Observation<PublicIp>[]): IpResult {
  const answers = observations.flatMap((o) => (o.outcome.ok ? [o.outcome.value] : []));
  const votes = new Map<string, number>();
  for (const a of answers) votes.set(a.ip, (votes.get(a.ip) ?? 0) + 1);
  let ip: string | null = null;
  let best = 0;
  // Map iteration follows first appearance, so `>` keeps the earliest of equally voted addresses.
  for (const [candidate, count] of votes) {
    if (count > best) {
      ip = candidate;
      best = count;
    }
  }
  const absent = observations.length > 0 && observations.every((o) => !o.outcome.ok && NO_CONNECTION.has(o.outcome.problem.code));
  return {
    family,
    observations,
    ip,
    disagreement: votes.size > 1,
    absent,
    meta: mergeMeta(answers.filter((a) => a.ip === ip).map((a) => a.meta)),
  };
}
