import { afterEach, describe, expect, it, vi } from 'vitest';
import { endpointById, endpointHost } from '../../endpoints';
import { probeWebRtc } from '.';
import { fakePeerClass, line } from './fake-peer';
import { depsWith, registry, scripted, settings, stunUrl, urlOf } from './testing';

afterEach(() => {
  vi.useRealTimers();
});

describe('probeWebRtc: blocked API', () => {
  it('reports disabled when RTCPeerConnection is missing', async () => {
    const { deps, ledger } = depsWith(null);
    expect(await probeWebRtc(deps, settings)).toMatchObject({ status: 'disabled', publicIps: [], observations: [] });
    expect(ledger).toEqual([]);
  });

  it('reports disabled when the constructor throws', async () => {
    const Throwing = class {
      constructor() {
        throw new Error('RTCPeerConnection is disabled');
      }
    } as unknown as typeof RTCPeerConnection;
    expect((await probeWebRtc(depsWith(Throwing).deps, settings)).status).toBe('disabled');
  });

  it('reports disabled for a stub without createOffer, closes every stub, and records no STUN request', async () => {
    let opened = 0;
    let closed = 0;
    const Stub = class {
      createOffer = undefined;
      constructor() {
        opened++;
      }
      close() {
        closed++;
      }
    } as unknown as typeof RTCPeerConnection;
    const { deps, ledger } = depsWith(Stub);
    expect((await probeWebRtc(deps, settings)).status).toBe('disabled');
    // Host and STUN gatherings start together (one peer each), so each stub is closed on its own.
    expect(opened).toBe(3);
    expect(closed).toBe(3);
    expect(ledger).toEqual([]);
  });
});

describe('probeWebRtc: gathering', () => {
  it('separates reflexive public addresses, local addresses and mDNS masks; one peer per STUN server', async () => {
    const { Peer, instances } = scripted(
      {
        candidates: [
          line('host', '192.168.1.20'),
          line('host', '192.168.1.20', 9, 'tcp', ' tcptype active'),
          line('host', '0.0.0.0', 9, 'tcp', ' tcptype active'),
          line('host', 'FE80::1'),
          line('host', '0b7c5a7e-1111-2222-3333-444455556666.local'),
          line('host', '0b7c5a7e-1111-2222-3333-444455556666.local', 9, 'tcp'),
          line('host', '9d1e2f3a-aaaa-bbbb-cccc-ddddeeeeffff.local'),
        ],
      },
      {
        [urlOf('cloudflare-stun') ?? '']: {
          candidates: [line('host', '192.168.1.20'), line('srflx', '185.65.135.1', 60000, 'udp', ' raddr 192.168.1.20 rport 50000')],
        },
        [urlOf('google-stun') ?? '']: {
          candidates: [line('srflx', '185.65.135.1'), line('srflx', '10.0.0.2'), line('prflx', '2a03:1b20:0:0::1')],
          end: 'null',
        },
      },
    );
    const { deps, ledger } = depsWith(Peer);
    const result = await probeWebRtc(deps, settings);

    expect(result).toEqual({
      status: 'ok',
      publicIps: ['185.65.135.1', '2a03:1b20::1'],
      localIps: ['192.168.1.20', 'fe80::1'],
      mdnsMasked: 2,
      hostView: 'pages',
      observations: [
        { endpointId: 'cloudflare-stun', outcome: { ok: true, value: ['185.65.135.1'] }, ms: expect.any(Number) },
        { endpointId: 'google-stun', outcome: { ok: true, value: ['185.65.135.1', '2a03:1b20::1'] }, ms: expect.any(Number) },
      ],
    });
    expect(instances.map((pc) => stunUrl(pc.config) ?? 'host')).toEqual(['host', urlOf('cloudflare-stun'), urlOf('google-stun')]);
    expect(instances.every((pc) => pc.closed === 1 && pc.listeners() === 0)).toBe(true);
    expect(ledger).toEqual(
      ['cloudflare-stun', 'google-stun'].map((id) =>
        expect.objectContaining({ endpointId: id, method: 'STUN', url: urlOf(id), status: null, problem: null }),
      ),
    );
    const cloudflare = endpointById(registry, 'cloudflare-stun');
    expect(ledger[0]?.host).toBe(cloudflare && endpointHost(cloudflare));
  });

  it('cuts a gathering that never completes at the deadline, closing everything', async () => {
    vi.useFakeTimers();
    const { Peer, instances } = fakePeerClass(() => ({ candidates: [line('host', '10.1.2.3')], end: 'never' }));
    const { deps, ledger } = depsWith(Peer);
    const pending = probeWebRtc(deps, { ...settings, deadlineMs: 2000 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(instances.some((pc) => pc.closed > 0)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const result = await pending;

    expect(result.localIps).toEqual(['10.1.2.3']);
    expect(result.observations.map((o) => o.outcome)).toEqual([
      { ok: false, problem: { code: 'timeout' } },
      { ok: false, problem: { code: 'timeout' } },
    ]);
    expect(ledger.map((e) => e.problem)).toEqual(['timeout', 'timeout']);
    expect(instances).toHaveLength(3);
    expect(instances.every((pc) => pc.closed === 1 && pc.listeners() === 0)).toBe(true);
  });

  it('keeps what it has when createOffer fails, and still closes every peer', async () => {
    const { Peer, instances } = fakePeerClass(() => ({ failOffer: true }));
    const result = await probeWebRtc(depsWith(Peer).deps, settings);
    expect(result.status).toBe('ok');
    expect(result.observations[0]?.outcome).toEqual({ ok: false, problem: { code: 'blocked', detail: 'NotAllowedError' } });
    expect(instances.every((pc) => pc.closed === 1 && pc.listeners() === 0)).toBe(true);
  });

  it('reads candidates only the final SDP lists', async () => {
    const { Peer } = scripted(
      { sdp: [`a=${line('host', '172.16.0.4')}`] },
      { [urlOf('cloudflare-stun') ?? '']: { sdp: [`a=${line('srflx', '1.1.1.1')}`] } },
    );
    const result = await probeWebRtc(depsWith(Peer).deps, { ...settings, webrtc: ['cloudflare-stun'] });
    expect(result.publicIps).toEqual(['1.1.1.1']);
    expect(result.localIps).toEqual(['172.16.0.4']);
  });

  it('says unreachable when a STUN server gives no reflexive candidate and the browser reports a candidate error', async () => {
    const { Peer, instances } = fakePeerClass(() => ({ candidates: [line('host', '10.0.0.1')], errors: 2 }));
    const { deps, ledger } = depsWith(Peer);
    const result = await probeWebRtc(deps, { ...settings, webrtc: ['cloudflare-stun'] });
    expect(result.observations).toEqual([
      { endpointId: 'cloudflare-stun', outcome: { ok: false, problem: { code: 'unreachable' } }, ms: expect.any(Number) },
    ]);
    expect(ledger.map((e) => e.problem)).toEqual(['unreachable']);
    expect(instances.every((pc) => pc.listeners() === 0)).toBe(true);
  });

  it('counts a server as answered when gathering completes without a reflexive candidate and without an error', async () => {
    // Chromium drops a srflx candidate equal to a host one (no NAT): the server answered with a listed address.
    const { Peer } = fakePeerClass(() => ({ candidates: [line('host', '203.0.113.7')] }));
    const { deps, ledger } = depsWith(Peer);
    const result = await probeWebRtc(deps, { ...settings, webrtc: ['cloudflare-stun'] });
    expect(result.observations).toEqual([{ endpointId: 'cloudflare-stun', outcome: { ok: true, value: [] }, ms: expect.any(Number) }]);
    expect(result.publicIps).toEqual([]);
    expect(ledger.map((e) => e.problem)).toEqual([null]);
  });

  it('keeps a reflexive candidate over candidate errors (one interface failing is not the server failing)', async () => {
    const { Peer } = fakePeerClass(() => ({ candidates: [line('srflx', '185.65.135.1')], errors: 1 }));
    const result = await probeWebRtc(depsWith(Peer).deps, { ...settings, webrtc: ['cloudflare-stun'] });
    expect(result.observations[0]?.outcome).toEqual({ ok: true, value: ['185.65.135.1'] });
  });

  it('says timeout, not unreachable, when the deadline comes first, even after candidate errors', async () => {
    vi.useFakeTimers();
    const { Peer } = fakePeerClass(() => ({ candidates: [line('host', '10.0.0.1')], errors: 1, end: 'never' }));
    const pending = probeWebRtc(depsWith(Peer).deps, { ...settings, webrtc: ['cloudflare-stun'], deadlineMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect((await pending).observations[0]?.outcome).toEqual({ ok: false, problem: { code: 'timeout' } });
  });

  it('asks only STUN endpoints of this registry, once each', async () => {
    const { Peer, instances } = fakePeerClass(() => ({}));
    const { deps, ledger } = depsWith(Peer);
    await probeWebRtc(deps, { ...settings, webrtc: ['leakless-stun', 'leakless-stun', 'nope', 'mullvad-ipv4'] });
    expect(instances.map((pc) => stunUrl(pc.config))).toEqual([undefined, urlOf('leakless-stun')]);
    expect(ledger.map((e) => e.endpointId)).toEqual(['leakless-stun']);
  });

  it('survives a throwing ledger', async () => {
    const { Peer } = fakePeerClass(() => ({ candidates: [line('srflx', '8.8.4.4')] }));
    const { deps } = depsWith(Peer);
    const result = await probeWebRtc(
      {
        ...deps,
        ledger: {
          record: () => {
            throw new Error('full');
          },
        },
      },
      settings,
    );
    expect(result.publicIps).toEqual(['8.8.4.4']);
  });
});
