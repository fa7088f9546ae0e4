import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRegistry } from '../endpoints';
import type { CheckResults, Settings, Verdict } from '../model';
import { PENDING } from '../model';
import { CLEAN, LEAK_VERDICT } from '../popup/fixtures';
import { fakePort } from '../port/testing/fake-port';
import { defaultSettings } from '../probes/settings';
import type { Gatherer, GatherResult } from '../probes/webrtc/gather';
import { acceptsPort, type CheckEngine, serveCheckPort } from './check-session';
import { REPLY_GRACE_MS } from './remote-gather';

const SETTINGS: Settings = defaultSettings(buildRegistry(null));
const PARTIAL: CheckResults = { ...PENDING, ipv4: CLEAN.ipv4 };
const UNKNOWN: Verdict = { level: 'unknown', reasons: [] };

interface Started {
  readonly settings: Settings;
  readonly gather: Gatherer;
  readonly onUpdate: (results: CheckResults) => void;
  readonly resolve: (results: CheckResults) => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
}

function fakeEngine(overrides: Partial<CheckEngine> = {}) {
  const runs: Started[] = [];
  const engine: CheckEngine = {
    loadSettings: async () => SETTINGS,
    localGather: null,
    run: (settings, gather, onUpdate, signal) =>
      new Promise((resolve, reject) => runs.push({ settings, gather, onUpdate, resolve, reject, signal })),
    decide: (results) => (results.webrtc.state === 'done' ? LEAK_VERDICT : UNKNOWN),
    ...overrides,
  };
  return { engine, runs };
}

/** Lets the session's async steps (settings load, run start) happen. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function started() {
  const port = fakePort();
  const { engine, runs } = fakeEngine();
  serveCheckPort(port, engine);
  return { port, runs, run: (i: number) => runs[i] ?? expect.fail(`run ${i} not started`) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('serveCheckPort: runs', () => {
  it('aborts a run nobody waits for: replaced by a new run, or its popup gone', async () => {
    const { port, run } = started();
    port.receive({ type: 'run', runId: 1 });
    await flush();
    expect(run(0).signal?.aborted).toBe(false);
    port.receive({ type: 'run', runId: 2 });
    await flush();
    expect(run(0).signal?.aborted).toBe(true);
    expect(run(1).signal?.aborted).toBe(false);
    port.drop();
    expect(run(1).signal?.aborted).toBe(true);
  });

  it('runs with the stored settings and posts every update, then done, each with its verdict', async () => {
    const { port, run } = started();
    port.receive({ type: 'run', runId: 1, settings: { ipv4: ['evil'] } });
    await flush();
    expect(run(0).settings).toEqual(SETTINGS);
    run(0).onUpdate(PARTIAL);
    run(0).resolve(CLEAN);
    await flush();
    expect(port.posted).toEqual([
      { type: 'update', runId: 1, results: PARTIAL, verdict: UNKNOWN },
      { type: 'done', runId: 1, results: CLEAN, verdict: LEAK_VERDICT },
    ]);
  });

  it('applies the Extended DNS override and nothing else', async () => {
    const { port, run } = started();
    port.receive({ type: 'run', runId: 1, overrides: { dnsNames: 36, deadlineMs: 1 } });
    await flush();
    expect(run(0).settings).toEqual({ ...SETTINGS, dnsNames: 36 });
  });

  it('drops late updates of a run superseded by a new one', async () => {
    const { port, run } = started();
    port.receive({ type: 'run', runId: 1 });
    await flush();
    port.receive({ type: 'run', runId: 2 });
    await flush();
    run(0).onUpdate(PARTIAL);
    run(0).resolve(CLEAN);
    run(1).onUpdate(PARTIAL);
    await flush();
    expect(port.posted).toEqual([{ type: 'update', runId: 2, results: PARTIAL, verdict: UNKNOWN }]);
  });

  it('ignores malformed messages without throwing', async () => {
    const { port, runs } = started();
    const junk: unknown[] = [
      null,
      'run',
      42,
      [],
      { type: 'run' },
      { type: 'run', runId: 0 },
      { type: 'run', runId: 1.5 },
      { type: 'run', runId: '1' },
      { type: 'run', runId: 1, overrides: { dnsNames: 7 } },
      { type: 'run', runId: 1, overrides: 'all' },
      { type: 'gathered', requestId: 5, candidates: [] },
      { type: 'gathered' },
      { type: 'update', runId: 1 },
      { type: 'nope' },
    ];
    for (const message of junk) expect(() => port.receive(message)).not.toThrow();
    await flush();
    expect(runs).toEqual([]);
    expect(port.posted).toEqual([]);
  });

  it('settles a run whose engine rejects: pending probes fail as internal', async () => {
    const { port, run } = started();
    port.receive({ type: 'run', runId: 3 });
    await flush();
    run(0).onUpdate(PARTIAL);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    run(0).reject(new Error('boom'));
    await flush();
    const done = port.posted.at(-1);
    expect(done).toMatchObject({
      type: 'done',
      runId: 3,
      results: { ipv4: CLEAN.ipv4, dns: { state: 'failed', problem: { code: 'internal' } } },
    });
  });

  it('still posts when decide throws, with an unknown verdict', async () => {
    const port = fakePort();
    const { engine, runs } = fakeEngine({
      decide: () => {
        throw new Error('bug');
      },
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    serveCheckPort(port, engine);
    port.receive({ type: 'run', runId: 1 });
    await flush();
    runs[0]?.onUpdate(PARTIAL);
    expect(port.posted).toEqual([{ type: 'update', runId: 1, results: PARTIAL, verdict: UNKNOWN }]);
  });
});

describe('serveCheckPort: disconnect', () => {
  it('stops posting once the popup is gone', async () => {
    const { port, run } = started();
    port.receive({ type: 'run', runId: 1 });
    await flush();
    run(0).onUpdate(PARTIAL);
    port.drop();
    expect(() => run(0).onUpdate(CLEAN)).not.toThrow();
    run(0).resolve(CLEAN);
    await flush();
    expect(port.posted).toHaveLength(1);
  });

  it('survives a port whose postMessage throws before onDisconnect arrives, and stops trying', async () => {
    const { port, run } = started();
    port.receive({ type: 'run', runId: 1 });
    await flush();
    const post = vi.spyOn(port, 'postMessage');
    port.disconnect();
    expect(() => run(0).onUpdate(PARTIAL)).not.toThrow();
    run(0).onUpdate(CLEAN);
    expect(post).toHaveBeenCalledTimes(1);
  });
});

describe('serveCheckPort: WebRTC gathering through the popup', () => {
  async function gatherer() {
    const { port, run } = started();
    port.receive({ type: 'run', runId: 1 });
    await flush();
    return { port, gather: run(0).gather };
  }

  it('asks the popup and resolves with its checked reply', async () => {
    const { port, gather } = await gatherer();
    const pending = gather(['stun:stun.example.org:3478'], 2000);
    expect(port.posted).toEqual([{ type: 'gather', requestId: 1, iceServers: ['stun:stun.example.org:3478'], deadlineMs: 2000 }]);
    port.receive({ type: 'gathered', requestId: 1, candidates: ['candidate:1 1 udp 1 203.0.113.9 5 typ srflx'], extra: 'dropped' });
    expect(await pending).toEqual({ candidates: ['candidate:1 1 udp 1 203.0.113.9 5 typ srflx'] });

    const second = gather([], 2000);
    port.receive({ type: 'gathered', requestId: 2, candidates: [], problem: { code: 'unavailable' } });
    expect(await second).toEqual({ candidates: [], problem: { code: 'unavailable' } });
  });

  it('gives up at its own deadline when the popup never answers, and ignores the late reply', async () => {
    const { port, gather } = await gatherer();
    vi.useFakeTimers();
    let result: GatherResult | null = null;
    void gather([], 2000).then((r) => {
      result = r;
    });
    await vi.advanceTimersByTimeAsync(2000 + REPLY_GRACE_MS - 1);
    expect(result).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toEqual({ candidates: [], problem: { code: 'timeout' } });
    expect(() => port.receive({ type: 'gathered', requestId: 1, candidates: [] })).not.toThrow();
  });

  it('fails a request at once on a malformed reply to it', async () => {
    const { port, gather } = await gatherer();
    const tooMany = gather([], 2000);
    port.receive({ type: 'gathered', requestId: 1, candidates: Array.from({ length: 201 }, () => 'candidate:') });
    expect(await tooMany).toEqual({ candidates: [], problem: { code: 'internal', detail: 'bad-reply' } });
    const notStrings = gather([], 2000);
    port.receive({ type: 'gathered', requestId: 2, candidates: [{ toString: 'x' }] });
    expect((await notStrings).problem?.detail).toBe('bad-reply');
    const badProblem = gather([], 2000);
    port.receive({ type: 'gathered', requestId: 3, candidates: [], problem: { code: '<b>' } });
    expect((await badProblem).problem?.detail).toBe('bad-reply');
  });

  it('fails waiting and later requests at once when the popup disconnects', async () => {
    const { port, gather } = await gatherer();
    const waiting = gather([], 30_000);
    port.drop();
    expect(await waiting).toEqual({ candidates: [], problem: { code: 'internal', detail: 'popup-gone' } });
    expect((await gather([], 30_000)).problem?.detail).toBe('popup-gone');
  });

  it("uses the background's own RTCPeerConnection when it has one (Firefox), never the popup", async () => {
    const port = fakePort();
    const localGather: Gatherer = async () => ({ candidates: [] });
    const { engine, runs } = fakeEngine({ localGather });
    serveCheckPort(port, engine);
    port.receive({ type: 'run', runId: 1 });
    await flush();
    expect(runs[0]?.gather).toBe(localGather);
    await runs[0]?.gather([], 1000);
    expect(port.posted).toEqual([]);
  });
});

describe('acceptsPort', () => {
  it('takes only the check port from this extension', () => {
    expect(acceptsPort(fakePort('leakless-check', { id: 'own' }), 'own')).toBe(true);
    expect(acceptsPort(fakePort('leakless-check', { id: 'other' }), 'own')).toBe(false);
    expect(acceptsPort(fakePort('something-else', { id: 'own' }), 'own')).toBe(false);
  });

  it('refuses a port that names no sender, or when our own id is unknown', () => {
    expect(acceptsPort(fakePort(), 'own')).toBe(false);
    expect(acceptsPort(fakePort('leakless-check', {}), 'own')).toBe(false);
    expect(acceptsPort(fakePort('leakless-check', { id: 'own' }), undefined)).toBe(false);
  });
});
