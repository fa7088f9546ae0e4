import type { Outcome, Problem, Resolver } from '../../model';
import { fail, ok } from '../../model';
import { parseAnyIp, parseSubnet } from '../../model/address';

/** A resolver as one provider reports it, before we know who else saw it. */
export interface Found {
  readonly ip: string;
  readonly country?: string;
  readonly organization?: string;
  readonly asn?: number;
  readonly ecs?: string;
}

export interface FoundInput {
  readonly ip: unknown;
  readonly family?: 4 | 6;
  readonly country?: string | undefined;
  readonly organization?: string | undefined;
  readonly asn?: number | undefined;
  /** The EDNS Client Subnet the provider saw with the query; kept only when it is a well-formed subnet. */
  readonly ecs?: unknown;
}

/**
 * Canonical resolvers from a provider's rows. Any valid address counts — a resolver may legitimately be
 * private (inside a tunnel) — but rows that are not addresses are dropped, and all rows bad is a lie.
 */
export function toFound(rows: readonly FoundInput[]): Outcome<readonly Found[]> {
  const found: Found[] = [];
  for (const row of rows) {
    const ip = parseAnyIp(row.ip);
    if (!ip.ok || (row.family !== undefined && row.family !== ip.value.family)) continue;
    const f: { -readonly [K in keyof Found]: Found[K] } = { ip: ip.value.ip };
    if (row.country) f.country = row.country;
    if (row.organization) f.organization = row.organization;
    if (row.asn !== undefined) f.asn = row.asn;
    const ecs = parseSubnet(row.ecs);
    if (ecs) f.ecs = ecs;
    found.push(f);
  }
  return rows.length > 0 && found.length === 0 ? fail('bad-shape', 'ip') : ok(found);
}

/** Union by address, first non-empty value per field wins. */
export function unionFound(lists: readonly (readonly Found[])[]): Found[] {
  const byIp = new Map<string, Found>();
  for (const f of lists.flat()) {
    const seen = byIp.get(f.ip);
    byIp.set(f.ip, seen ? { ...f, ...seen } : f);
  }
  return [...byIp.values()];
}

/** A provider's lookups together: usable if any answered; otherwise the first failure explains why. */
export function collect(outcomes: readonly Outcome<readonly Found[]>[]): Outcome<readonly Found[]> {
  const good = outcomes.flatMap((o) => (o.ok ? [o.value] : []));
  if (good.length > 0) return ok(unionFound(good));
  const first: Problem | undefined = outcomes.find((o): o is { ok: false; problem: Problem } => !o.ok)?.problem;
  return { ok: false, problem: first ?? { code: 'internal', detail: 'no lookups' } };
}

export function toResolvers(found: readonly Found[], seenBy: string): Resolver[] {
  return found.map((f) => ({ ...f, seenBy: [seenBy] }));
}
