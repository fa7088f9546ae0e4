import type { Endpoint } from '../../endpoints';
import type { Outcome } from '../../model';
import type { GateResponse } from '../../net/types';
import type { ProbeDeps } from '../deps';
import type { Found } from './found';

/** What a DNS provider run needs: the deps, how many fresh names, and the per-request budget. */
export interface DnsContext {
  readonly deps: ProbeDeps;
  readonly names: number;
  readonly deadlineMs: number;
  readonly signal?: AbortSignal;
}

export interface ProviderRun {
  readonly outcome: Outcome<readonly Found[]>;
  /** Lookups whose request completed with a status: the name resolved. */
  readonly namesResolved: number;
}

/** The request reached a server (even with an error status), so its name resolved. */
export function nameResolved(res: GateResponse): boolean {
  return res.ok || res.status !== undefined;
}

/**
 * `count` distinct labels from `make`: a repeated name would be answered from a cache and hide a resolver,
 * so a (broken) source that repeats itself is asked again, a bounded number of times.
 */
export function freshLabels(count: number, make: () => string): string[] {
  const labels = new Set<string>();
  for (let tries = 0; labels.size < count && tries < count * 4; tries++) labels.add(make());
  if (labels.size < count) throw new Error('random source repeats itself');
  return [...labels];
}

/** GETs the endpoint once per label, all at once, and parses each answer. */
export async function lookupEach(
  ctx: DnsContext,
  endpoint: Endpoint,
  labels: readonly string[],
  accept: string,
  parse: (body: string, label: string) => Outcome<readonly Found[]>,
): Promise<{ outcomes: Outcome<readonly Found[]>[]; namesResolved: number }> {
  const responses = await Promise.all(
    labels.map((token) => ctx.deps.gate.get({ endpoint, values: { token }, accept, deadlineMs: ctx.deadlineMs, signal: ctx.signal })),
  );
  const outcomes = responses.map(
    (res, i): Outcome<readonly Found[]> => (res.ok ? parse(res.body, labels[i] ?? '') : { ok: false, problem: res.problem }),
  );
  return { outcomes, namesResolved: responses.filter(nameResolved).length };
}
