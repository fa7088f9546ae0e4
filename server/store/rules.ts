import type { ResolverSeen } from './types.ts';

/**
 * Distinct client subnets kept per resolver address in one token's set. One browser behind one
 * resolver shows at most its IPv4 and its IPv6 subnet; more is someone varying ECS to fill the set.
 * The Redis script (redis-scripts.ts) applies the same rule; the shared store tests hold both to it.
 */
export const SUBNETS_PER_RESOLVER = 2;

/** The set's key for one sighting: the resolver address plus the subnet it forwarded. */
export function fieldOf(r: ResolverSeen): string {
  return `${r.ip}|${r.ecs ?? ''}`;
}

/** Whether a sighting may join a set whose current keys are `fields`. */
export function admitsResolver(fields: readonly string[], r: ResolverSeen, maxResolvers: number): boolean {
  const field = fieldOf(r);
  if (fields.includes(field) || fields.length >= maxResolvers) return false;
  const prefix = `${r.ip}|`;
  return fields.filter((f) => f.startsWith(prefix)).length < SUBNETS_PER_RESOLVER;
}
