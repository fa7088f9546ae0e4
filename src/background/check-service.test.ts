import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../ext/browser';
import type { StorageArea } from '../ext/storage';
import { createLedger } from '../net';
import type { PortLike } from '../port/protocol';
import { fakePort } from '../port/testing/fake-port';
import { fakePeerClass, line } from '../probes/webrtc/fake-peer';
import type { Gatherer } from '../probes/webrtc/gather';
import { backgroundLedger, createBackgroundEngine, listenForChecks } from './check-service';

// The unit-test polyfill mock is a plain object; the APIs this service uses are added to it here.
const mock = browser as unknown as {
  runtime: { id: string; onConnect?: { addListener: (listener: (port: PortLike) => void) => void } };
  storage?: {
    local: StorageArea;
    onChanged?: { addListener: (listener: (changes: Record<string, unknown>, area: string) => void) => void };
  };
};

/** Settings with every network probe off: a real run that sends nothing. */
const QUIET = { ipv4: [], ipv6: [], dns: [], webrtc: [], securedns: [], dnsNames: 6, deadlineMs: 1000 };

function storageWith(settings: unknown): StorageArea {
  return {
    get: async (key) => (typeof key === 'string' && key === 'settings' ? { settings } : {}),
    set: async () => undefined,
    remove: async () => undefined,
  };
}

afterEach(() => {
  delete mock.storage;
  delete mock.runtime.onConnect;
  vi.unstubAllGlobals();
});

describe('createBackgroundEngine', () => {
  it('reads and sanitizes the stored settings itself', async () => {
    mock.storage = { local: storageWith({ ...QUIET, dnsNames: 999, ipv4: 'all' }) };
    const settings = await createBackgroundEngine(createLedger()).loadSettings();
    expect(settings.dnsNames).toBe(6);
    expect(settings.ipv4.length).toBeGreaterThan(0);
    expect(settings.ipv6).toEqual([]);
  });

  it('reads the settings once, at start, and again only after they change', async () => {
    const get = vi.fn(async () => ({ settings: QUIET }));
    const changed: ((changes: Record<string, unknown>, area: string) => void)[] = [];
    mock.storage = { local: { ...storageWith(QUIET), get }, onChanged: { addListener: (l) => changed.push(l) } };
    const engine = createBackgroundEngine(createLedger());
    expect(get).toHaveBeenCalledTimes(1);
    await engine.loadSettings();
    await engine.loadSettings();
    expect(get).toHaveBeenCalledTimes(1);
    for (const l of changed) l({ rememberLast: {} }, 'local');
    for (const l of changed) l({ settings: {} }, 'sync');
    await engine.loadSettings();
    expect(get).toHaveBeenCalledTimes(1);
    for (const l of changed) l({ settings: {} }, 'local');
    await engine.loadSettings();
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('without change events, reads the settings for every run', async () => {
    const get = vi.fn(async () => ({ settings: QUIET }));
    mock.storage = { local: { ...storageWith(QUIET), get } };
    const engine = createBackgroundEngine(createLedger());
    await engine.loadSettings();
    await engine.loadSettings();
    expect(get).toHaveBeenCalledTimes(3);
  });

  it('gathers locally only where RTCPeerConnection exists (Firefox background page)', () => {
    mock.storage = { local: storageWith(undefined) };
    expect(createBackgroundEngine(createLedger()).localGather).toBeNull();
    vi.stubGlobal('RTCPeerConnection', class {});
    expect(createBackgroundEngine(createLedger()).localGather).toBeTypeOf('function');
  });

  it("marks host candidates as the pages' view only when the background gathered them itself", async () => {
    mock.storage = { local: storageWith(QUIET) };
    vi.stubGlobal('navigator', { languages: ['en'] });
    const { Peer } = fakePeerClass(() => ({ candidates: [line('host', '192.168.1.20')] }));
    vi.stubGlobal('RTCPeerConnection', Peer);
    const engine = createBackgroundEngine(createLedger());
    const viewWith = async (gather: Gatherer) => {
      const results = await engine.run(await engine.loadSettings(), gather, () => undefined);
      return results.webrtc.state === 'done' ? [results.webrtc.result.hostView, results.webrtc.result.localIps] : null;
    };
    // Firefox's background page: masked like web pages, so what it sees is what pages see.
    expect(await viewWith(engine.localGather as Gatherer)).toEqual(['pages', ['192.168.1.20']]);
    // Any other gatherer is the popup's, an extension page Chromium exempts from mDNS masking.
    const popupGather: Gatherer = async () => ({ candidates: [line('host', '192.168.1.20')] });
    expect(await viewWith(popupGather)).toEqual(['privileged', ['192.168.1.20']]);
  });
});

describe('listenForChecks', () => {
  it('serves only our check port, once, with the real engine', async () => {
    const listeners: ((port: PortLike) => void)[] = [];
    mock.runtime.onConnect = { addListener: (listener) => listeners.push(listener) };
    mock.storage = { local: storageWith(QUIET) };
    vi.stubGlobal('navigator', { languages: ['en'] });
    listenForChecks();
    listenForChecks();
    expect(listeners).toHaveLength(1);
    const connect = (port: PortLike) => {
      for (const listener of listeners) listener(port);
    };

    const stranger = fakePort('other-port');
    const foreign = fakePort('leakless-check', { id: 'another-extension' });
    const strangerListen = vi.spyOn(stranger.onMessage, 'addListener');
    const foreignListen = vi.spyOn(foreign.onMessage, 'addListener');
    connect(stranger);
    connect(foreign);
    expect(strangerListen).not.toHaveBeenCalled();
    expect(foreignListen).not.toHaveBeenCalled();

    const port = fakePort('leakless-check', { id: 'test-id' });
    connect(port);
    port.receive({ type: 'run', runId: 1 });
    // No RTCPeerConnection in Node: the host-candidate gathering is asked of the popup.
    await vi.waitFor(() => expect(port.posted).toContainEqual(expect.objectContaining({ type: 'gather', iceServers: [] })));
    const request = port.posted.find((m) => (m as { type: string }).type === 'gather') as { requestId: number };
    port.receive({ type: 'gathered', requestId: request.requestId, candidates: [], problem: { code: 'unavailable' } });
    await vi.waitFor(() => expect(port.posted.at(-1)).toMatchObject({ type: 'done', runId: 1 }));
    expect(port.posted.at(-1)).toMatchObject({
      results: { webrtc: { state: 'done', result: { status: 'disabled' } }, locale: { state: 'done' } },
      verdict: { level: 'unknown' },
    });
    expect(backgroundLedger.entries()).toEqual([]);
  });
});
