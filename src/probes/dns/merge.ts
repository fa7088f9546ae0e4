import type { Observation, Resolver } from '../../model';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** `a` with gaps filled from `b`, and both providers in seenBy. */
function combine(a: Resolver, b: Resolver): Resolver {
  const out: Mutable<Resolver> = { ip: a.ip, seenBy: [...new Set([...a.seenBy, ...b.seenBy])] };
  const country = a.country ?? b.country;
  const organization = a.organization ?? b.organization;
  const asn = a.asn ?? b.asn;
  if (country !== undefined) out.country = country;
  if (organization !== undefined) out.organization = organization;
  if (asn !== undefined) out.asn = asn;
  const ecs = a.ecs ?? b.ecs;
  if (ecs !== undefined) out.ecs = ecs;
  return out;
}

/** One resolver per address across providers: who saw it is merged, the first provider's metadata wins. */
export function mergeResolvers(observations: readonly Observation<readonly Resolver[]>[]): Resolver[] {
  const byIp = new Map<string, Resolver>();
  for (const o of observations) {
    if (!o.outcome.ok) continue;
    for (const r of o.outcome.value) {
      const seen = byIp.get(r.ip);
      byIp.set(r.ip, seen ? combine(seen, r) : combine(r, r));
    }
  }
  return [...byIp.values()];
}
