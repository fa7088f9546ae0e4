// The popup's end of the check port: asks the background for a run, streams its results into the UI,
// and gathers WebRTC candidates when the background asks (Chrome's service worker has no RTCPeerConnection).

import type { CheckResults, ProbeName, Verdict } from '../model';
import { failPending, PENDING, PROBE_NAMES } from '../model';
import { PORT_LIMITS, type PortLike, safePost } from '../port/protocol';
import type { Gatherer, GatherResult } from '../probes/webrtc/gather';
import { readGatherRequest, readResults } from './messages';

export interface CheckClient {
  /**
   * Starts a run with the stored settings and this DNS name count (undefined: the stored one, which the
   * background reads itself); settles when it is done or cut off. Never rejects.
   */
  run(dnsNames: number | undefined, onUpdate: (results: CheckResults) => void): Promise<CheckResults>;
  /** The background's verdict for these results (the verdict code stays out of the popup). */
  decide(results: CheckResults): Verdict;
}

interface Run {
  readonly id: number;
  readonly onUpdate: (results: CheckResults) => void;
  readonly resolve: (results: CheckResults) => void;
  latest: CheckResults;
  verdict: Verdict | null;
}

const UNKNOWN: Verdict = { level: 'unknown', reasons: [] };

/** The popup copies results (settle), so "the same results" means the same per-probe states. */
const sameProbes = (a: CheckResults, b: CheckResults) => PROBE_NAMES.every((name: ProbeName) => a[name] === b[name]);

export function createCheckClient(connect: () => PortLike, gather: Gatherer): CheckClient {
  let port: PortLike | null = null;
  let lastId = 0;
  let active: Run | null = null;
  let known: { readonly results: CheckResults; readonly verdict: Verdict } | null = null;

  function finish(results: CheckResults, verdict: Verdict) {
    const run = active;
    if (!run) return;
    active = null;
    known = { results, verdict };
    run.resolve(results);
  }

  /** A run cut off (background restarted, port gone): pending probes fail; a leak already seen still stands. */
  function cutOff() {
    if (active) finish(failPending(active.latest), active.verdict?.level === 'leak' ? active.verdict : UNKNOWN);
  }

  async function answerGather(from: PortLike, raw: unknown) {
    const request = readGatherRequest(raw);
    if (!request) return;
    let result: GatherResult;
    try {
      result = await gather(request.iceServers, request.deadlineMs);
    } catch {
      result = { candidates: [], problem: { code: 'internal' } };
    }
    const candidates = result.candidates.slice(0, PORT_LIMITS.candidates);
    safePost(from, { type: 'gathered', requestId: request.requestId, candidates, ...(result.problem ? { problem: result.problem } : {}) });
  }

  function onMessage(from: PortLike, raw: unknown) {
    const message = readResults(raw);
    if (!message) {
      // A 'done' we cannot read must still end the run: otherwise the popup would spin for ever.
      const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
      if (type === 'done' && from === port) cutOff();
      else void answerGather(from, raw);
      return;
    }
    const run = active;
    // Late messages of a superseded or finished run are dropped.
    if (!run || message.runId !== run.id || from !== port) return;
    run.latest = message.results;
    run.verdict = message.verdict;
    known = { results: message.results, verdict: message.verdict };
    if (message.type === 'done') {
      finish(message.results, message.verdict);
      return;
    }
    try {
      run.onUpdate(message.results);
    } catch (error) {
      console.error('leakless: onUpdate failed', error);
    }
  }

  /** The open port, or a new one: Chrome stops an idle service worker, which closes the port between runs. */
  function openPort(): PortLike | null {
    if (port) return port;
    try {
      const opened = connect();
      opened.onMessage.addListener((raw) => onMessage(opened, raw));
      opened.onDisconnect.addListener(() => {
        if (port !== opened) return;
        port = null;
        cutOff();
      });
      port = opened;
      return opened;
    } catch {
      return null;
    }
  }

  function send(message: { type: 'run'; runId: number; overrides?: { dnsNames: number } }): boolean {
    const existing = openPort();
    if (existing && safePost(existing, message)) return true;
    // A port that died without telling us yet: try a fresh one, once.
    port = null;
    const fresh = openPort();
    return fresh !== null && safePost(fresh, message);
  }

  return {
    run(dnsNames, onUpdate) {
      cutOff();
      return new Promise((resolve) => {
        lastId = lastId >= PORT_LIMITS.maxId ? 1 : lastId + 1;
        active = { id: lastId, onUpdate, resolve, latest: PENDING, verdict: null };
        if (!send({ type: 'run', runId: lastId, ...(dnsNames === undefined ? {} : { overrides: { dnsNames } }) })) cutOff();
      });
    },
    decide: (results) => (known && sameProbes(known.results, results) ? known.verdict : UNKNOWN),
  };
}
