import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRegistry, endpointById, endpointHost } from '../../endpoints';
import type { LedgerEntry } from '../../net/types';
import type { ProbeDeps, Settings } from '../deps';
import { type Gatherer, type GatherResult, gatherCandidates, probeWebRtc } from '.';
import { fakePeerClass, line, type PeerScript } from './fake-peer';
import { localPeer, MAX_CANDIDATES } from './gather';

const registry = buildRegistry('https://check.example.org');
const settings: Settings = {
  ipv4: [],
  ipv6: [],
  dns: [],
  webrtc: ['cloudflare-stun', 'google-stun'],
  securedns: [],
  dnsNames: 6,
  deadlineMs: 5000,
};

function depsWith(Peer: typeof RTCPeerConnection | null) {
  const ledger: LedgerEntry[] = [];
  let clock = 1000;
  const deps: ProbeDeps = {
    registry,
    gate: {
      get: () => Promise.reject(new Error('no network in tests')),
      resolve: () => Promise.reject(new Error('no network in tests')),
    },
    ledger: { record: (entry) => ledger.push(entry) },
    RTCPeerConnection: Peer,
    randomToken: () => 'token',
    now: () => (clock += 10),
    timeZone: () => 'UTC',
    languages: () => [],
  };
  return { deps, ledger };
}

const stunUrl = (config: RTCConfiguration | undefined): string | undefined => {
  const urls = config?.iceServers?.[0]?.urls;
  return typeof urls === 'string' ? urls : undefined;
};
const urlOf = (id: string) => endpointById(registry, id)?.url;

/** Scripts by STUN url; the host gathering (no ICE servers) gets `host`. */
function scripted(host: PeerScript, stun: Record<string, PeerScript>) {
  return fakePeerClass((config) => {
    const url = stunUrl(config);
    return url === undefined ? host : (stun[url] ?? {});
  });
}

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

describe('probeWebRtc: injected gatherer', () => {
  const gatherer = (byUrl: (url: string | undefined) => GatherResult) => {
    const calls: { urls: readonly string[]; deadlineMs: number }[] = [];
    const gather: Gatherer = async (urls, deadlineMs) => {
      calls.push({ urls, deadlineMs });
      return byUrl(urls[0]);
    };
    return { gather, calls };
  };

  it('uses deps.gather instead of RTCPeerConnection, and parses the raw lines itself', async () => {
    const { gather, calls } = gatherer((url) =>
      url === undefined
        ? { candidates: [line('host', '192.168.1.20'), 'garbage', line('host', '0b7c5a7e-1111-2222-3333-444455556666.local')] }
        : { candidates: [line('srflx', '185.65.135.1'), '<script>'] },
    );
    const { deps, ledger } = depsWith(null);
    const result = await probeWebRtc({ ...deps, gather }, { ...settings, webrtc: ['cloudflare-stun'] });
    expect(result).toMatchObject({ status: 'ok', publicIps: ['185.65.135.1'], localIps: ['192.168.1.20'], mdnsMasked: 1 });
    expect(calls).toEqual([
      { urls: [], deadlineMs: 5000 },
      { urls: [urlOf('cloudflare-stun')], deadlineMs: 5000 },
    ]);
    expect(ledger.map((e) => e.endpointId)).toEqual(['cloudflare-stun']);
  });

  it("maps the gatherer's problems: unavailable host → disabled, timeout and blocked per STUN server", async () => {
    const disabled = gatherer(() => ({ candidates: [], problem: { code: 'unavailable' } }));
    expect((await probeWebRtc({ ...depsWith(null).deps, gather: disabled.gather }, settings)).status).toBe('disabled');

    const { gather } = gatherer((url) => {
      if (url === undefined) return { candidates: [] };
      return url === urlOf('cloudflare-stun')
        ? { candidates: [], problem: { code: 'timeout' } }
        : { candidates: [], problem: { code: 'blocked', detail: 'NotAllowedError' } };
    });
    const result = await probeWebRtc({ ...depsWith(null).deps, gather }, settings);
    expect(result.observations.map((o) => o.outcome)).toEqual([
      { ok: false, problem: { code: 'timeout' } },
      { ok: false, problem: { code: 'blocked', detail: 'NotAllowedError' } },
    ]);
  });

  it("trusts the gatherer's verdict on STUN: no problem and no reflexive candidate is an empty answer", async () => {
    const { gather } = gatherer((url) => (url === undefined ? { candidates: [] } : { candidates: [line('host', '203.0.113.7')] }));
    const result = await probeWebRtc({ ...depsWith(null).deps, gather }, { ...settings, webrtc: ['cloudflare-stun'] });
    expect(result.observations[0]?.outcome).toEqual({ ok: true, value: [] });
  });

  it("reports whose view the host candidates are: deps.gatherView, or the pages' by default", async () => {
    const { gather } = gatherer(() => ({ candidates: [line('host', '192.168.1.20')] }));
    const base = { ...depsWith(null).deps, gather };
    expect(await probeWebRtc(base, { ...settings, webrtc: [] })).toMatchObject({ hostView: 'pages', localIps: ['192.168.1.20'] });
    const relayed = await probeWebRtc({ ...base, gatherView: 'privileged' }, { ...settings, webrtc: [] });
    expect(relayed).toMatchObject({ hostView: 'privileged', localIps: ['192.168.1.20'] });
    const off = gatherer(() => ({ candidates: [], problem: { code: 'unavailable' } }));
    expect(await probeWebRtc({ ...base, gather: off.gather, gatherView: 'privileged' }, settings)).toMatchObject({
      status: 'disabled',
      hostView: 'privileged',
    });
  });

  it('survives a gatherer that rejects', async () => {
    const gather: Gatherer = (urls) => (urls.length === 0 ? Promise.resolve({ candidates: [] }) : Promise.reject(new TypeError('x')));
    const result = await probeWebRtc({ ...depsWith(null).deps, gather }, { ...settings, webrtc: ['cloudflare-stun'] });
    expect(result.observations[0]?.outcome).toEqual({ ok: false, problem: { code: 'internal', detail: 'TypeError' } });
  });
});

describe('gatherCandidates', () => {
  it('returns raw lines, de-duplicated, and closes its peer', async () => {
    const { Peer, instances } = fakePeerClass(() => ({
      candidates: [line('host', '10.0.0.1'), line('host', '10.0.0.1')],
      sdp: [`a=${line('host', '10.0.0.2')}`],
    }));
    expect(await gatherCandidates(Peer, ['stun:stun.example.org:3478'], 1000)).toEqual({
      candidates: [line('host', '10.0.0.1'), `a=${line('host', '10.0.0.2')}`],
    });
    expect(instances[0]?.config).toEqual({ iceServers: [{ urls: 'stun:stun.example.org:3478' }] });
    expect(instances[0]?.closed).toBe(1);
  });

  it('says unavailable without a constructor, timeout at the deadline, blocked when the offer fails', async () => {
    expect(await gatherCandidates(null, [], 1000)).toEqual({ candidates: [], problem: { code: 'unavailable' } });
    vi.useFakeTimers();
    const never = fakePeerClass(() => ({ candidates: [line('host', '10.0.0.1')], end: 'never' }));
    const pending = gatherCandidates(never.Peer, [], 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await pending).toEqual({ candidates: [line('host', '10.0.0.1')], problem: { code: 'timeout' } });
    expect(never.instances[0]?.closed).toBe(1);
    vi.useRealTimers();
    const failing = fakePeerClass(() => ({ failOffer: true }));
    expect(await gatherCandidates(failing.Peer, [], 1000)).toEqual({
      candidates: [],
      problem: { code: 'blocked', detail: 'NotAllowedError' },
    });
  });

  it('with STUN servers: unreachable after a candidate error without a reflexive candidate, else no problem', async () => {
    const stun = ['stun:stun.example.org:3478'];
    const failing = fakePeerClass(() => ({ candidates: [line('host', '10.0.0.1')], errors: 1 }));
    expect(await gatherCandidates(failing.Peer, stun, 1000)).toEqual({
      candidates: [line('host', '10.0.0.1')],
      problem: { code: 'unreachable' },
    });
    expect(failing.instances[0]?.listeners()).toBe(0);
    const quiet = fakePeerClass(() => ({ candidates: [line('host', '10.0.0.1')] }));
    expect(await gatherCandidates(quiet.Peer, stun, 1000)).toEqual({ candidates: [line('host', '10.0.0.1')] });
    // A reflexive line only the SDP lists still counts as an answer.
    const late = fakePeerClass(() => ({ errors: 1, sdp: [`a=${line('srflx', '185.65.135.1')}`] }));
    expect((await gatherCandidates(late.Peer, stun, 1000)).problem).toBeUndefined();
    // Host-only gathering asks no server: errors there mean nothing.
    const host = fakePeerClass(() => ({ candidates: [line('host', '10.0.0.1')], errors: 1 }));
    expect((await gatherCandidates(host.Peer, [], 1000)).problem).toBeUndefined();
  });

  it('without icecandidateerror in this browser, no reflexive candidate still means unreachable', async () => {
    // Firefox before 150 fires no candidate errors, so their absence proves nothing there.
    const { Peer } = fakePeerClass(() => ({ candidates: [line('host', '10.0.0.1')], reportsErrors: false }));
    expect((await gatherCandidates(Peer, ['stun:stun.example.org:3478'], 1000)).problem).toEqual({ code: 'unreachable' });
  });

  it('caps how many lines it keeps', async () => {
    const many = Array.from({ length: MAX_CANDIDATES + 50 }, (_, i) => line('host', `10.0.${i >> 8}.${i & 255}`));
    const { Peer } = fakePeerClass(() => ({ candidates: many }));
    expect((await gatherCandidates(Peer, [], 1000)).candidates).toHaveLength(MAX_CANDIDATES);
  });
});

describe('localPeer', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("is this context's RTCPeerConnection, or null when there is none or it is not a constructor", () => {
    expect(localPeer()).toBeNull();
    vi.stubGlobal('RTCPeerConnection', {});
    expect(localPeer()).toBeNull();
    const { Peer } = fakePeerClass(() => ({}));
    vi.stubGlobal('RTCPeerConnection', Peer);
    expect(localPeer()).toBe(Peer);
  });
});
