import { buildRegistry } from './registry';

export { endpointHost, expand, hostPattern, hostPatterns, matchesUrl } from './patterns';
export { PROVIDERS } from './providers';
export { buildRegistry, endpointById, endpointsFor, type Registry } from './registry';
export type { Endpoint, ProbeId, Provider, ProviderId, Transport } from './types';

declare const __LEAKLESS_SERVER__: string;

/** This build's registry: the public endpoints, plus the check server named by LEAKLESS_SERVER at build time. */
export const registry = buildRegistry(typeof __LEAKLESS_SERVER__ === 'string' ? __LEAKLESS_SERVER__ : null);
