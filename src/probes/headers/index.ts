import { type Endpoint, endpointById } from '../../endpoints';
import type { HeadersResult, Observation, Outcome, ProxyHeader, Settings } from '../../model';
import { problem } from '../../model';
import type { ProbeDeps } from '../deps';
import { safeParseHeaders } from './parse';

async function observe(deps: ProbeDeps, endpoint: Endpoint, deadlineMs: number, signal?: AbortSignal) {
  const start = deps.now();
  let outcome: Outcome<readonly ProxyHeader[]>;
  try {
    const res = await deps.gate.get({ endpoint, accept: 'application/json', deadlineMs, signal });
    outcome = res.ok ? safeParseHeaders(res.body) : { ok: false, problem: res.problem };
  } catch {
    outcome = { ok: false, problem: problem('internal') };
  }
  const observation: Observation<readonly ProxyHeader[]> = { endpointId: endpoint.id, outcome, ms: Math.max(0, deps.now() - start) };
  return observation;
}

/**
 * Which headers reached our check server that the extension never sent. Only our own server echoes them, so
 * without it there is nothing to ask: no observation, and the popup says it needs your own server.
 */
export async function probeHeaders(deps: ProbeDeps, settings: Settings, signal?: AbortSignal): Promise<HeadersResult> {
  const endpoints = [...new Set(settings.headers)]
    .map((id) => endpointById(deps.registry, id))
    .filter((e): e is Endpoint => e?.probe === 'headers');
  const observations = await Promise.all(endpoints.map((e) => observe(deps, e, settings.deadlineMs, signal)));
  const answer = observations.find((o) => o.outcome.ok)?.outcome;
  return { observations, headers: answer?.ok ? answer.value : null };
}
