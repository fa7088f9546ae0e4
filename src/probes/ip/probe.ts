import { type Endpoint, endpointById } from '../../endpoints';
import type { IpResult, Observation, Outcome, PublicIp, Settings } from '../../model';
import { problem } from '../../model';
import type { ProbeDeps } from '../deps';
import { IP_ADAPTERS, type IpAdapter, safeParse } from './adapters';
import { combineIp } from './combine';

interface Planned {
  readonly endpoint: Endpoint;
  readonly adapter: IpAdapter;
}

/** The enabled endpoints of this family that this build knows, once each, in the user's order. */
export function planIp(deps: Pick<ProbeDeps, 'registry'>, settings: Settings, family: 4 | 6): Planned[] {
  const probe = family === 4 ? 'ipv4' : 'ipv6';
  const ids = family === 4 ? settings.ipv4 : settings.ipv6;
  const planned: Planned[] = [];
  for (const id of Array.isArray(ids) ? new Set(ids) : []) {
    const endpoint = typeof id === 'string' ? endpointById(deps.registry, id) : undefined;
    const adapter = endpoint ? IP_ADAPTERS[endpoint.provider] : undefined;
    if (endpoint && adapter && endpoint.probe === probe && endpoint.transport === 'https') planned.push({ endpoint, adapter });
  }
  return planned;
}

async function observe(deps: ProbeDeps, plan: Planned, family: 4 | 6, deadlineMs: number, signal?: AbortSignal) {
  const start = deps.now();
  let outcome: Outcome<PublicIp>;
  try {
    const res = await deps.gate.get({ endpoint: plan.endpoint, accept: plan.adapter.accept, deadlineMs, signal });
    outcome = res.ok ? safeParse(plan.adapter.parse, res.body, res.contentType, family) : { ok: false, problem: res.problem };
  } catch {
    outcome = { ok: false, problem: problem('internal') };
  }
  const observation: Observation<PublicIp> = { endpointId: plan.endpoint.id, outcome, ms: Math.max(0, deps.now() - start) };
  return observation;
}

/** Asks every enabled provider of this family at once and combines their answers. Never throws. */
export async function probeIp(deps: ProbeDeps, settings: Settings, family: 4 | 6, signal?: AbortSignal): Promise<IpResult> {
  const plans = planIp(deps, settings, family);
  const observations = await Promise.all(plans.map((p) => observe(deps, p, family, settings.deadlineMs, signal)));
  return combineIp(family, observations);
}
