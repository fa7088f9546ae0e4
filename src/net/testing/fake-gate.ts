// Test helpers only: a scripted Gate.

import { buildRegistry, type Endpoint, type Registry } from '../../endpoints';
import { EXAMPLE_SERVER } from '../../endpoints/self-hosted';
import type { Gate, GateRequest, GateResponse } from '../types';

export const TEST_REGISTRY: Registry = buildRegistry(EXAMPLE_SERVER);

export type GateHandler = (request: GateRequest) => GateResponse | Promise<GateResponse>;

export type ScriptedGate = Gate & { readonly requests: GateRequest[] };

export function scriptedGate(handler: GateHandler): ScriptedGate {
  const requests: GateRequest[] = [];
  return {
    requests,
    async get(request) {
      requests.push(request);
      return handler(request);
    },
    async resolve() {
      return { ok: false, problem: { code: 'unavailable' } };
    },
  };
}

export const okBody = (body: string, contentType = 'application/json'): GateResponse => ({ ok: true, status: 200, contentType, body });
export const okJson = (value: unknown): GateResponse => okBody(JSON.stringify(value));
export const failed = (code: Extract<GateResponse, { ok: false }>['problem']['code'], status?: number): GateResponse =>
  status === undefined ? { ok: false, problem: { code } } : { ok: false, problem: { code }, status };

export function endpointOf(id: string): Endpoint {
  const e = TEST_REGISTRY.endpoints.find((x) => x.id === id);
  if (!e) throw new Error(`no endpoint ${id}`);
  return e;
}
