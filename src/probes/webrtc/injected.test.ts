import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Gatherer, type GatherResult, probeWebRtc } from '.';
import { line } from './fake-peer';
import { depsWith, settings, urlOf } from './testing';

afterEach(() => {
  vi.useRealTimers();
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
