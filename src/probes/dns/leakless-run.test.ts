import { describe, expect, it } from 'vitest';
import { endpointOf, failed, okJson, scriptedGate } from '../../net/testing/fake-gate';
import type { GateResponse } from '../../net/types';
import { fakeDeps } from '../testing/fake-deps';
import { runLeaklessDns } from './leakless';

// Two secrets and their labels: the first 128 bits of SHA-256("leakless-dns-label-v1:" + secret), computed
// outside this code (sha256sum), the vector server/secret.ts shares.
const SECRETS = ['abcdefghijklmnopqrstuvwxyz012345', '0123456789abcdefghijklmnopqrstuv'];
const LABELS = ['a5259b68b41d459e8fab9d4607337b0d', '90b45d059f0646ab116bcc18cf16172c'];

function run(answer: (token: string) => GateResponse) {
  const gate = scriptedGate((r) => answer(r.values?.token ?? ''));
  let next = 0;
  const deps = fakeDeps(gate, { randomToken: () => SECRETS[next++ % SECRETS.length] ?? '' });
  return { gate, result: runLeaklessDns({ deps, names: 2, deadlineMs: 4000 }, endpointOf('leakless-dns')) };
}

describe('runLeaklessDns', () => {
  it('asks once per secret for JSON, the secret in the path and its label as the host, within the deadline', async () => {
    const { gate, result } = run((token) => okJson({ token, resolvers: [{ ip: '172.253.226.36', family: 4 }] }));
    expect(await result).toEqual({ outcome: { ok: true, value: [{ ip: '172.253.226.36' }] }, namesResolved: 2 });
    expect(gate.requests.map(({ endpoint, values, accept, deadlineMs }) => ({ id: endpoint.id, values, accept, deadlineMs }))).toEqual([
      { id: 'leakless-dns', values: { token: SECRETS[0], label: LABELS[0] }, accept: 'application/json', deadlineMs: 4000 },
      { id: 'leakless-dns', values: { token: SECRETS[1], label: LABELS[1] }, accept: 'application/json', deadlineMs: 4000 },
    ]);
  });

  it('reads each answer against its own secret: an answer for the other one is not ours', async () => {
    const { result } = run((token) => okJson({ token: token === SECRETS[0] ? SECRETS[1] : token, resolvers: [{ ip: '9.9.9.9' }] }));
    expect(await result).toEqual({ outcome: { ok: true, value: [{ ip: '9.9.9.9' }] }, namesResolved: 2 });
    const { result: none } = run((token) => okJson({ token: `${token}x`, resolvers: [{ ip: '9.9.9.9' }] }));
    expect(await none).toEqual({ outcome: { ok: false, problem: { code: 'bad-shape', detail: 'token' } }, namesResolved: 2 });
  });

  it('no lookup answered: the first failure says why; an error status still means the name resolved', async () => {
    const { result } = run(() => failed('timeout'));
    expect(await result).toEqual({ outcome: { ok: false, problem: { code: 'timeout' } }, namesResolved: 0 });
    const { result: status } = run((token) => (token === SECRETS[0] ? failed('http-status', 503) : failed('unreachable')));
    expect(await status).toEqual({ outcome: { ok: false, problem: { code: 'http-status' } }, namesResolved: 1 });
  });
});
