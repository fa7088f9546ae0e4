import { describe, expect, it, vi } from 'vitest';
import type { CheckResults, Verdict } from '../model';
import { failPending, PENDING } from '../model';
import { type FakePort, fakePort } from '../port/testing/fake-port';
import type { Gatherer } from '../probes/webrtc/gather';
import { createCheckClient } from './check-client';
import { CLEAN, CLEAN_VERDICT, LEAK_VERDICT } from './fixtures';

const PARTIAL: CheckResults = { ...PENDING, ipv4: CLEAN.ipv4 };
const UNKNOWN: Verdict = { level: 'unknown', reasons: [] };
const noGather: Gatherer = async () => ({ candidates: [], problem: { code: 'unavailable' } });

function setup(gather: Gatherer = noGather) {
  const ports: FakePort[] = [];
  const connect = vi.fn(() => {
    const port = fakePort();
    ports.push(port);
    return port;
  });
  const client = createCheckClient(connect, gather);
  const port = (i = ports.length - 1) => ports[i] ?? expect.fail(`no port ${i}`);
  return { client, connect, port, ports };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createCheckClient: runs', () => {
  it('asks for a run, streams updates and settles with done; decide answers with the background verdict', async () => {
    const { client, port } = setup();
    const updates: CheckResults[] = [];
    const final = client.run(36, (r) => updates.push(r));
    expect(port().posted).toEqual([{ type: 'run', runId: 1, overrides: { dnsNames: 36 } }]);
    port().receive({ type: 'update', runId: 1, results: PARTIAL, verdict: UNKNOWN });
    expect(updates).toEqual([PARTIAL]);
    port().receive({ type: 'done', runId: 1, results: CLEAN, verdict: CLEAN_VERDICT });
    const results = await final;
    expect(results).toEqual(CLEAN);
    // The popup settles (copies) the final results before asking for the verdict.
    expect(client.decide(failPending(results))).toEqual(CLEAN_VERDICT);
    expect(client.decide(PENDING)).toEqual(UNKNOWN);
  });

  it('the first run at popup start sends no overrides: the background reads the stored settings itself', () => {
    const { client, port } = setup();
    void client.run(undefined, () => undefined);
    expect(port().posted).toEqual([{ type: 'run', runId: 1 }]);
  });

  it('ignores late messages of a superseded run, and re-runs on the same port', async () => {
    const { client, port, connect } = setup();
    const first = client.run(6, () => undefined);
    const updates: CheckResults[] = [];
    const second = client.run(6, (r) => updates.push(r));
    expect(connect).toHaveBeenCalledTimes(1);
    expect(port().posted.map((m) => (m as { runId: number }).runId)).toEqual([1, 2]);
    // The superseded run settles at once, so nothing waits on it.
    expect((await first).dns).toEqual({ state: 'failed', problem: { code: 'internal' } });
    port().receive({ type: 'update', runId: 1, results: PARTIAL, verdict: LEAK_VERDICT });
    port().receive({ type: 'done', runId: 1, results: CLEAN, verdict: LEAK_VERDICT });
    expect(updates).toEqual([]);
    port().receive({ type: 'done', runId: 2, results: CLEAN, verdict: CLEAN_VERDICT });
    const results = await second;
    expect(results).toEqual(CLEAN);
    expect(client.decide(results)).toEqual(CLEAN_VERDICT);
    // Equal-looking results that did not come from this run get no verdict.
    expect(client.decide(structuredClone(results))).toEqual(UNKNOWN);
  });

  it('ignores malformed messages without throwing', async () => {
    const { client, port } = setup();
    const updates: CheckResults[] = [];
    void client.run(6, (r) => updates.push(r));
    const junk: unknown[] = [
      null,
      'done',
      { type: 'update', runId: 1 },
      { type: 'update', runId: 1, results: { ipv4: 'x' }, verdict: UNKNOWN },
      { type: 'update', runId: 1, results: PARTIAL, verdict: { level: 'pwned', reasons: [] } },
      {
        type: 'update',
        runId: 1,
        results: PARTIAL,
        verdict: { level: 'leak', reasons: [{ code: 'made-up', params: [], severity: 'leak' }] },
      },
      { type: 'update', runId: '1', results: PARTIAL, verdict: UNKNOWN },
      { type: 'gather', requestId: 1, iceServers: ['turn:evil.example'], deadlineMs: 1000 },
      { type: 'gather', requestId: 1, iceServers: 'stun:x', deadlineMs: 1000 },
      { type: 'gather', requestId: 0, iceServers: [], deadlineMs: 1000 },
      { type: 'gather', requestId: 1, iceServers: [], deadlineMs: Number.NaN },
    ];
    for (const message of junk) expect(() => port().receive(message)).not.toThrow();
    await flush();
    expect(updates).toEqual([]);
    expect(port().posted).toHaveLength(1);
  });

  it('keeps going when the view throws on an update', async () => {
    const { client, port } = setup();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const final = client.run(6, () => {
      throw new Error('view');
    });
    port().receive({ type: 'update', runId: 1, results: PARTIAL, verdict: UNKNOWN });
    port().receive({ type: 'done', runId: 1, results: CLEAN, verdict: CLEAN_VERDICT });
    expect(await final).toEqual(CLEAN);
  });
});

describe('createCheckClient: the background goes away', () => {
  it('fails pending probes as internal when the port drops mid-run; a leak already seen stands', async () => {
    const { client, port } = setup();
    const final = client.run(6, () => undefined);
    port().receive({ type: 'update', runId: 1, results: PARTIAL, verdict: LEAK_VERDICT });
    port().drop();
    const results = await final;
    expect(results.ipv4).toEqual(CLEAN.ipv4);
    expect(results.dns).toEqual({ state: 'failed', problem: { code: 'internal' } });
    expect(client.decide(failPending(results))).toEqual(LEAK_VERDICT);
  });

  it('ends the run when the done message cannot be read, keeping what arrived', async () => {
    const { client, port } = setup();
    const final = client.run(6, () => undefined);
    port().receive({ type: 'update', runId: 1, results: PARTIAL, verdict: UNKNOWN });
    port().receive({ type: 'done', runId: 1, results: { ipv4: 'garbled' }, verdict: UNKNOWN });
    const results = await final;
    expect(results.ipv4).toEqual(CLEAN.ipv4);
    expect(results.dns).toEqual({ state: 'failed', problem: { code: 'internal' } });
  });

  it('says unknown when no leak was seen before the drop', async () => {
    const { client, port } = setup();
    const final = client.run(6, () => undefined);
    port().drop();
    expect(client.decide(failPending(await final))).toEqual(UNKNOWN);
  });

  it('reconnects for the next run after a drop, and once when posting on a dead port throws', async () => {
    const { client, port, connect } = setup();
    void client.run(6, () => undefined);
    port().drop();
    void client.run(6, () => undefined);
    expect(connect).toHaveBeenCalledTimes(2);
    port().disconnect(); // dead, but no onDisconnect yet
    const third = client.run(6, () => undefined);
    expect(connect).toHaveBeenCalledTimes(3);
    expect(port().posted).toEqual([{ type: 'run', runId: 3, overrides: { dnsNames: 6 } }]);
    port().receive({ type: 'done', runId: 3, results: CLEAN, verdict: CLEAN_VERDICT });
    expect(await third).toEqual(CLEAN);
  });

  it('settles at once when it cannot connect at all', async () => {
    const client = createCheckClient(() => {
      throw new Error('Extension context invalidated');
    }, noGather);
    const results = await client.run(6, () => undefined);
    expect(Object.values(results).every((s) => s.state === 'failed')).toBe(true);
  });
});

describe('createCheckClient: gathering for the background', () => {
  it('answers a gather request with what its gatherer found', async () => {
    const gather = vi.fn<Gatherer>(async () => ({ candidates: ['candidate:1 1 udp 1 10.0.0.1 5 typ host'] }));
    const { client, port } = setup(gather);
    void client.run(6, () => undefined);
    port().receive({ type: 'gather', requestId: 7, iceServers: ['stun:stun.example.org:3478'], deadlineMs: 99_999 });
    await flush();
    expect(gather).toHaveBeenCalledWith(['stun:stun.example.org:3478'], 60_000);
    expect(port().posted.at(-1)).toEqual({ type: 'gathered', requestId: 7, candidates: ['candidate:1 1 udp 1 10.0.0.1 5 typ host'] });
  });

  it('passes the problem on, and a throwing gatherer becomes internal', async () => {
    const { client, port } = setup();
    void client.run(6, () => undefined);
    port().receive({ type: 'gather', requestId: 1, iceServers: [], deadlineMs: 1000 });
    await flush();
    expect(port().posted.at(-1)).toEqual({ type: 'gathered', requestId: 1, candidates: [], problem: { code: 'unavailable' } });

    const throwing = setup(() => Promise.reject(new Error('x')));
    void throwing.client.run(6, () => undefined);
    throwing.port().receive({ type: 'gather', requestId: 2, iceServers: [], deadlineMs: 1000 });
    await flush();
    expect(throwing.port().posted.at(-1)).toEqual({ type: 'gathered', requestId: 2, candidates: [], problem: { code: 'internal' } });
  });

  it('does not throw when the port is gone before the answer', async () => {
    const { client, port } = setup();
    void client.run(6, () => undefined);
    port().receive({ type: 'gather', requestId: 1, iceServers: [], deadlineMs: 1000 });
    port().drop();
    await flush();
    expect(port().posted).toHaveLength(1);
  });
});
