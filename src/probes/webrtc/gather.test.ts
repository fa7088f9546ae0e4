import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakePeerClass, line } from './fake-peer';
import { gatherCandidates, localPeer, MAX_CANDIDATES } from './gather';

afterEach(() => {
  vi.useRealTimers();
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

describe('gatherCandidates: ending when the answer is known', () => {
  it('ends at the last interface’s reflexive answer, without waiting for the browser or the deadline', async () => {
    vi.useFakeTimers();
    const reflexive = line('srflx', '185.65.135.1', 61000, 'udp', ' raddr 0.0.0.0 rport 0');
    const { Peer, instances } = fakePeerClass(() => ({ candidates: [line('host', '10.0.0.1'), reflexive], end: 'never' }));
    const pending = gatherCandidates(Peer, ['stun:stun.example.org:3478'], 5000);
    await vi.advanceTimersByTimeAsync(0);
    expect(await pending).toEqual({ candidates: [line('host', '10.0.0.1'), reflexive] });
    expect(instances[0]?.closed).toBe(1);
    expect(instances[0]?.listeners()).toBe(0);
  });

  it('still waits for an interface without an answer, up to the deadline', async () => {
    vi.useFakeTimers();
    const reflexive = line('srflx', '185.65.135.1', 61000, 'udp', ' raddr 0.0.0.0 rport 0');
    const hosts = [line('host', '10.0.0.1'), line('host', 'fd00::1', 50001)];
    const { Peer } = fakePeerClass(() => ({ candidates: [...hosts, reflexive], end: 'never' }));
    let settled = false;
    const pending = gatherCandidates(Peer, ['stun:stun.example.org:3478'], 5000).then((r) => {
      settled = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(4999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toEqual({ candidates: [...hosts, reflexive], problem: { code: 'timeout' } });
  });

  it('host-only gathering is never cut short: only the browser or the deadline ends it', async () => {
    vi.useFakeTimers();
    const { Peer } = fakePeerClass(() => ({ candidates: [line('host', '10.0.0.1')], end: 'never' }));
    const pending = gatherCandidates(Peer, [], 5000);
    await vi.advanceTimersByTimeAsync(5000);
    expect((await pending).problem).toEqual({ code: 'timeout' });
  });
});
