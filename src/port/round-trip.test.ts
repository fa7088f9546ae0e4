// Both ends of the check port together: the popup client and the background session, over a paired fake port.
import { describe, expect, it } from 'vitest';
import { serveCheckPort } from '../background/check-session';
import type { CheckResults } from '../model';
import { PENDING } from '../model';
import { scriptedGate, TEST_REGISTRY } from '../net/testing/fake-gate';
import type { LedgerEntry } from '../net/types';
import { createCheckClient } from '../popup/check-client';
import { PROBES, type Probes, runCheck } from '../probes/run';
import { fakeDeps, settings } from '../probes/testing/fake-deps';
import { fakePeerClass, line } from '../probes/webrtc/fake-peer';
import { gatherCandidates } from '../probes/webrtc/gather';
import { decide } from '../verdict';
import { portPair } from './testing/fake-port';

const ip = (family: 4 | 6, address: string | null) => ({
  family,
  observations: [],
  ip: address,
  disagreement: false,
  absent: address === null,
  meta: {},
});

/** Real WebRTC probe and verdict; the network probes answer at once. */
const probes: Probes = {
  ...PROBES,
  ipv4: () => ip(4, '203.0.113.5'),
  ipv6: () => ip(6, null),
  dns: () => ({ observations: [], resolvers: [], namesResolved: 0 }),
  securedns: () => ({ available: false, observations: [], isTRR: null, resolverIps: [] }),
  locale: () => ({ timeZone: 'UTC', timeZoneCountries: [], languages: ['en'] }),
};

function wire(popupPeer: typeof RTCPeerConnection | null) {
  const { popup, background } = portPair();
  const ledger: LedgerEntry[] = [];
  serveCheckPort(background, {
    loadSettings: async () => settings({ ipv4: [], ipv6: [], dns: [], webrtc: ['cloudflare-stun'], deadlineMs: 2000 }),
    localGather: null,
    run: (s, gather, onUpdate) =>
      runCheck(
        fakeDeps(
          scriptedGate(() => ({ ok: false, problem: { code: 'unreachable' } })),
          { gather, ledger: { record: (e) => ledger.push(e) } },
        ),
        s,
        onUpdate,
        probes,
      ),
    decide,
  });
  const client = createCheckClient(
    () => popup,
    (urls, deadlineMs) => gatherCandidates(popupPeer, urls, deadlineMs),
  );
  return { client, ledger, background };
}

describe('check port round trip', () => {
  it("runs in the background, gathers WebRTC in the popup, and the popup gets results and the background's verdict", async () => {
    const { Peer, instances } = fakePeerClass((config) =>
      config?.iceServers?.length ? { candidates: [line('srflx', '185.65.135.1')] } : { candidates: [line('host', '192.168.1.20')] },
    );
    const { client, ledger } = wire(Peer);
    const updates: CheckResults[] = [];
    const results = await client.run(6, (r) => updates.push(r));

    expect(updates.length).toBeGreaterThan(0);
    expect(results.webrtc).toEqual({
      state: 'done',
      result: expect.objectContaining({ status: 'ok', publicIps: ['185.65.135.1'], localIps: ['192.168.1.20'] }),
    });
    const verdict = client.decide(results);
    expect(verdict.level).toBe('leak');
    expect(verdict.reasons[0]).toMatchObject({ code: 'webrtc-reveals-other-ip', params: ['185.65.135.1', '203.0.113.5'] });
    expect(instances.every((pc) => pc.closed === 1)).toBe(true);
    expect(ledger.map((e) => [e.endpointId, e.method])).toEqual([['cloudflare-stun', 'STUN']]);
    expect(TEST_REGISTRY.endpoints.some((e) => e.id === 'cloudflare-stun')).toBe(true);
  });

  it('reports WebRTC disabled when the popup has no RTCPeerConnection either', async () => {
    const { client, ledger } = wire(null);
    const results = await client.run(6, () => undefined);
    expect(results.webrtc).toMatchObject({ state: 'done', result: { status: 'disabled' } });
    expect(ledger).toEqual([]);
    expect(results).not.toEqual(PENDING);
  });
});
