import { PUBLIC_ENDPOINTS } from './public-endpoints';
import { selfHostedEndpoints } from './self-hosted';
import type { Endpoint, ProbeId } from './types';

export interface Registry {
  readonly endpoints: readonly Endpoint[];
  /** The check server compiled in, if any (LEAKLESS_SERVER at build time). */
  readonly server: string | null;
}

/** The whole registry for one build; the manifest, the CSP, the docs and the gate all derive from it. */
export function buildRegistry(server?: string | null): Registry {
  const own = server ? selfHostedEndpoints(server) : [];
  const endpoints = [...own, ...PUBLIC_ENDPOINTS];
  const ids = new Set(endpoints.map((e) => e.id));
  if (ids.size !== endpoints.length) throw new Error('endpoint ids must be unique');
  return { endpoints, server: server || null };
}

export function endpointsFor(registry: Registry, probe: ProbeId): Endpoint[] {
  return registry.endpoints.filter((e) => e.probe === probe);
}

export function endpointById(registry: Registry, id: string): Endpoint | undefined {
  return registry.endpoints.find((e) => e.id === id);
}
