import { type Endpoint, endpointById } from '../../endpoints';
import type { IpResult, Observation, Outcome, PublicIp, Settings } from '../../model';
import { problem } from '../../model';
import type { OnPartial, ProbeDeps } from '../deps';
import { IP_ADAPTERS, type IpAdapter, safeParse } from './adapters';
import { combineIp } from './combine';
import { warmCountryNames } from './countries';

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

/**
 * Asks every enabled provider of this family at once and combines their answers. Never throws. Each answer
 * that leaves an address known is reported at once through `onPartial` (combined with the ones before it, in
 * the user's order), so one slow or silent provider holds only its own line.
 */
export async function probeIp(
  deps: ProbeDeps,
  settings: Settings,
  family: 4 | 6,
  signal?: AbortSignal,
  onPartial?: OnPartial<IpResult>,
): Promise<IpResult> {
  warmCountryNames();
  const plans = planIp(deps, settings, family);
  const arrived: (Observation<PublicIp> | undefined)[] = plans.map(() => undefined);
  const observations = await Promise.all(
    plans.map(async (p, i) => {
      const observation = await observe(deps, p, family, settings.deadlineMs, signal);
      arrived[i] = observation;
      const waiting = plans.filter((_, j) => arrived[j] === undefined).map((q) => q.endpoint.id);
      if (onPartial && waiting.length > 0) {
        const so = combineIp(
          family,
          arrived.filter((o): o is Observation<PublicIp> => o !== undefined),
        );
        if (so.ip !== null) onPartial(so, plans.length - waiting.length, waiting);
      }
      return observation;
    }),
  );
  return combineIp(family, observations);
}
