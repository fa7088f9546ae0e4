import { type Endpoint, endpointById } from '../../endpoints';
import type { Observation, Outcome, SecureDnsResult, Settings } from '../../model';
import { parseAnyIp, parsePublicIp } from '../../model/address';
import type { ResolveResponse } from '../../net/types';
import type { ProbeDeps } from '../deps';

type Answer = { readonly resolverIps: readonly string[]; readonly isTRR: boolean };

const PLACEHOLDER = /\{([a-z]+)\}/g;

function whoamiEndpoints(deps: ProbeDeps, settings: Settings): Endpoint[] {
  return [...new Set(settings.securedns)]
    .map((id) => endpointById(deps.registry, id))
    .filter((e): e is Endpoint => e !== undefined && e.probe === 'securedns' && e.transport === 'dns');
}

/** A fresh label per placeholder, so no cache (ours, the OS's, the resolver's) can answer for another lookup. */
function freshValues(deps: ProbeDeps, endpoint: Endpoint): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [, name] of endpoint.url.matchAll(PLACEHOLDER)) if (name) values[name] = deps.randomToken();
  return values;
}

/** A whoami name answers with the address of the resolver that asked: that address is the resolver's egress. */
function readAnswer(response: ResolveResponse): Outcome<Answer> {
  if (!response.ok) return response;
  const { addresses, isTRR } = response.answer;
  const resolverIps = [...new Set(addresses.map((a) => parsePublicIp(a)).flatMap((o) => (o.ok ? [o.value] : [])))];
  if (resolverIps.length > 0) return { ok: true, value: { resolverIps, isTRR } };
  return { ok: false, problem: { code: addresses.some((a) => parseAnyIp(a).ok) ? 'not-public' : 'not-an-ip' } };
}

async function ask(deps: ProbeDeps, endpoint: Endpoint): Promise<Observation<Answer>> {
  const started = deps.now();
  let outcome: Outcome<Answer>;
  try {
    outcome = readAnswer(await deps.gate.resolve(endpoint, freshValues(deps, endpoint), ['bypass_cache']));
  } catch {
    outcome = { ok: false, problem: { code: 'internal' } };
  }
  return { endpointId: endpoint.id, outcome, ms: Math.max(0, deps.now() - started) };
}

/**
 * Which resolver the browser itself uses (Firefox's dns.resolve), and whether its DNS-over-HTTPS answered.
 * Elsewhere the gate says 'unavailable' and so does the result.
 */
export async function probeSecureDns(deps: ProbeDeps, settings: Settings): Promise<SecureDnsResult> {
  const observations = await Promise.all(whoamiEndpoints(deps, settings).map((endpoint) => ask(deps, endpoint)));
  const answers = observations.flatMap((o) => (o.outcome.ok ? [o.outcome.value] : []));
  const unavailable = observations.length > 0 && observations.every((o) => !o.outcome.ok && o.outcome.problem.code === 'unavailable');
  return {
    available: !unavailable,
    observations,
    isTRR: answers.length === 0 ? null : answers.some((a) => a.isTRR),
    resolverIps: [...new Set(answers.flatMap((a) => a.resolverIps))],
  };
}
