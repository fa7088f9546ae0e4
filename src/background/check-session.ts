// One popup's conversation over the check port: run requests in, results and gather requests out.

import type { CheckResults, Settings, Verdict } from '../model';
import { CHECK_PORT, failPending, PENDING, type RunOverrides } from '../model';
import { type PortLike, safePost } from '../port/protocol';
import type { Gatherer, GatherResult } from '../probes/webrtc/gather';
import { fromOwnExtension } from './answer';
import { malformedReplyId, readPopupMessage } from './messages';
import { createRemoteGather } from './remote-gather';

/** The engine as a session uses it; check-service.ts wires the real one, tests a fake. */
export interface CheckEngine {
  /** The stored settings, sanitized against this build's registry. */
  loadSettings(): Promise<Settings>;
  /** A gatherer using this context's RTCPeerConnection (Firefox's background page), or null (Chrome's worker). */
  readonly localGather: Gatherer | null;
  /** `signal` aborts the run's requests when nobody waits for it any more. */
  run(settings: Settings, gather: Gatherer, onUpdate: (results: CheckResults) => void, signal?: AbortSignal): Promise<CheckResults>;
  decide(results: CheckResults): Verdict;
}

const BAD_REPLY: GatherResult = { candidates: [], problem: { code: 'internal', detail: 'bad-reply' } };
const NO_VERDICT: Verdict = { level: 'unknown', reasons: [] };

/** Only our own pages may talk to the engine: the right port name and, when the browser says, our own id. */
export function acceptsPort(port: PortLike, ownId: string | undefined): boolean {
  if (port.name !== CHECK_PORT) return false;
  // A port that does not say it comes from this extension is refused: only our own pages may run checks.
  return fromOwnExtension(port.sender, ownId);
}

function withOverrides(settings: Settings, overrides: RunOverrides | undefined): Settings {
  // Already checked against DNS_NAMES by readPopupMessage.
  return overrides?.dnsNames === undefined ? settings : { ...settings, dnsNames: overrides.dnsNames };
}

/** Serves one port until it disconnects. Never throws into the runtime's event dispatch. */
export function serveCheckPort(port: PortLike, engine: CheckEngine): void {
  let open = true;
  // The run the popup is waiting for; 0 when none. Updates of any other run are dropped.
  let current = 0;
  // Aborted when a new run replaces it or the popup goes: its remaining requests would only cost traffic.
  let running: AbortController | null = null;
  const remote = createRemoteGather((request) => open && safePost(port, request));
  const gather = engine.localGather ?? remote.gather;

  const close = () => {
    open = false;
    current = 0;
    running?.abort();
    remote.close();
  };

  const send = (type: 'update' | 'done', runId: number, results: CheckResults) => {
    if (!open || runId !== current) return;
    let verdict = NO_VERDICT;
    try {
      verdict = engine.decide(results);
    } catch (error) {
      console.error('leakless: decide failed', error);
    }
    if (!safePost(port, { type, runId, results, verdict })) close();
  };

  async function start(runId: number, overrides: RunOverrides | undefined) {
    current = runId;
    running?.abort();
    const controller = new AbortController();
    running = controller;
    let latest = PENDING;
    try {
      const settings = withOverrides(await engine.loadSettings(), overrides);
      latest = await engine.run(
        settings,
        gather,
        (results) => {
          latest = results;
          send('update', runId, results);
        },
        controller.signal,
      );
    } catch (error) {
      console.error('leakless: check failed', error);
    }
    send('done', runId, failPending(latest));
  }

  port.onMessage.addListener((raw) => {
    const message = readPopupMessage(raw);
    if (message === null) {
      const requestId = malformedReplyId(raw);
      if (requestId !== null) remote.answer(requestId, BAD_REPLY);
      return;
    }
    if (message.type === 'run') void start(message.runId, message.overrides);
    else
      remote.answer(
        message.requestId,
        message.problem ? { candidates: message.candidates, problem: message.problem } : { candidates: message.candidates },
      );
  });
  port.onDisconnect.addListener(close);
}
