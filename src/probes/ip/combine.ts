import type { IpResult, Observation, PublicIp } from '../../model';
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
  const problems = observations.map((o) => (o.outcome.ok ? null : o.outcome.problem.code));
  // "No IPv6" needs at least one outright refusal (no route, no name): timeouts alone are a network that
  // hangs, and saying "no IPv6" then would hide that it could not be checked.
  const absent =
    problems.length > 0 && problems.every((code) => code !== null && NO_CONNECTION.has(code)) && problems.includes('unreachable');
  return {
    family,
    observations,
    ip,
    disagreement: votes.size > 1,
    absent,
    meta: mergeMeta(answers.filter((a) => a.ip === ip).map((a) => a.meta)),
  };
}
