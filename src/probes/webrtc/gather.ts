// The only code that touches RTCPeerConnection. Kept apart from the probe so it can run wherever the API
// exists: Chrome's MV3 service worker has none, so there the popup page runs this for the background.
import type { Problem } from '../../model';
import { parseCandidate, REFLEXIVE_TYPES } from './candidate';
import { answerKnown } from './known';

export type PeerConstructor = typeof RTCPeerConnection;

/** What one gathering yields: raw candidate lines, as the browser wrote them. */
export interface GatherResult {
  readonly candidates: readonly string[];
  /**
   * 'unavailable': no peer connection could be opened (API missing, throwing or stubbed);
   * 'blocked' (detail = error name): createOffer or setLocalDescription failed, lines so far still count;
   * 'timeout': the deadline came before the browser said gathering was complete;
   * 'unreachable': STUN servers were given, none gave a reflexive candidate, and the browser reported an ICE
   * candidate error. No reflexive candidate and no error is no problem: Chromium drops a server-reflexive
   * candidate equal to a host one (no NAT), so the server answered with an address already listed.
   */
  readonly problem?: Problem;
}

/** Gathers candidates with these ICE servers (none: host candidates only); never throws. */
export type Gatherer = (iceServerUrls: readonly string[], deadlineMs: number) => Promise<GatherResult>;

/**
 * This context's RTCPeerConnection, or null: Chrome's service worker has none, and a browser setting or
 * policy can remove it from pages. Read here, so every reference to the API stays in this module.
 */
export function localPeer(): PeerConstructor | null {
  return typeof globalThis.RTCPeerConnection === 'function' ? globalThis.RTCPeerConnection : null;
}

/** A browser emits a handful; anything near this is a broken or hostile stub, not a network. */
export const MAX_CANDIDATES = 200;

/**
 * A peer connection, or null when the API is blocked: the constructor throws, or another extension
 * replaced it with a stub whose createOffer is missing (a stub means blocked, not broken).
 */
export function openPeer(Peer: PeerConstructor, config: RTCConfiguration): RTCPeerConnection | null {
  let pc: RTCPeerConnection;
  try {
    pc = new Peer(config);
  } catch {
    return null;
  }
  if (typeof pc?.createOffer !== 'function') {
    closePeer(pc);
    return null;
  }
  return pc;
}

export function closePeer(pc: RTCPeerConnection | null | undefined): void {
  try {
    pc?.close();
  } catch {
    // A stub without close, or already closed: nothing left to release.
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}

/** Candidates the SDP already lists; some browsers put late ones only there. */
function sdpCandidates(pc: RTCPeerConnection): string[] {
  try {
    return (pc.localDescription?.sdp ?? '').split(/\r?\n/).filter((line) => line.startsWith('a=candidate:'));
  } catch {
    return [];
  }
}

const isReflexive = (line: string): boolean => REFLEXIVE_TYPES.has(parseCandidate(line)?.type ?? '');

/**
 * Whether this peer reports failed STUN requests: Firefox before 150 has no icecandidateerror, so there "no
 * error" says nothing and no reflexive candidate still has to mean the server did not answer.
 */
function reportsErrors(pc: RTCPeerConnection): boolean {
  try {
    return 'onicecandidateerror' in pc;
  } catch {
    return false;
  }
}

/** The problem of a gathering that ended on its own (not blocked, not cut by the deadline). */
function endProblem(pc: RTCPeerConnection, candidates: readonly string[], stun: boolean, errors: number): Problem | undefined {
  if (!stun || candidates.some(isReflexive)) return undefined;
  return errors > 0 || !reportsErrors(pc) ? { code: 'unreachable' } : undefined;
}

/**
 * Runs ICE gathering on `pc` until the answer is known (see known.ts), the browser says it is done, or
 * `deadlineMs` passes; always removes its listeners. `servers`: how many STUN servers were given; with any, a
 * missing reflexive candidate may mean a server did not answer.
 */
function collect(pc: RTCPeerConnection, deadlineMs: number, servers: number): Promise<GatherResult> {
  const stun = servers > 0;
  return new Promise((resolve) => {
    const lines: string[] = [];
    let problem: Problem | undefined;
    let errors = 0;
    let done = false;

    const finish = (timedOut: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      pc.removeEventListener('icecandidate', onCandidate);
      pc.removeEventListener('icegatheringstatechange', onState);
      pc.removeEventListener('icecandidateerror', onError);
      const candidates = [...new Set([...lines, ...sdpCandidates(pc)])].slice(0, MAX_CANDIDATES);
      problem ??= timedOut ? { code: 'timeout' } : endProblem(pc, candidates, stun, errors);
      resolve(problem ? { candidates, problem } : { candidates });
    };
    const onCandidate = (event: RTCPeerConnectionIceEvent) => {
      // A null candidate is the end-of-candidates signal of older browsers.
      if (!event.candidate) finish(false);
      else if (event.candidate.candidate && lines.length < MAX_CANDIDATES) {
        lines.push(event.candidate.candidate);
        if (answerKnown(lines, servers)) finish(false);
      }
    };
    const onState = () => {
      if (pc.iceGatheringState === 'complete') finish(false);
    };
    // Only counted: the event's address and error text are not needed, and never leave this function.
    const onError = () => {
      errors++;
    };
    const timer = setTimeout(() => finish(true), deadlineMs);

    try {
      pc.addEventListener('icecandidate', onCandidate);
      pc.addEventListener('icegatheringstatechange', onState);
      pc.addEventListener('icecandidateerror', onError);
      pc.createDataChannel('');
    } catch (e) {
      problem = { code: 'blocked', detail: errorName(e) };
      finish(false);
      return;
    }
    // Through a promise chain, so a stub that throws synchronously is caught the same way.
    Promise.resolve()
      .then(() => pc.createOffer())
      .then((offer) => pc.setLocalDescription(offer))
      .catch((e: unknown) => {
        problem = { code: 'blocked', detail: errorName(e) };
        finish(false);
      });
  });
}

/**
 * Opens one peer connection with these ICE servers, gathers, and closes it whatever happens.
 * `Peer` null (the page has no RTCPeerConnection) is 'unavailable', like a constructor that throws.
 */
export async function gatherCandidates(
  Peer: PeerConstructor | null,
  iceServerUrls: readonly string[],
  deadlineMs: number,
): Promise<GatherResult> {
  if (!Peer) return { candidates: [], problem: { code: 'unavailable' } };
  const pc = openPeer(Peer, { iceServers: iceServerUrls.map((urls) => ({ urls })) });
  if (!pc) return { candidates: [], problem: { code: 'unavailable' } };
  try {
    return await collect(pc, deadlineMs, iceServerUrls.length);
  } catch (e) {
    return { candidates: [], problem: { code: 'internal', detail: errorName(e) } };
  } finally {
    closePeer(pc);
  }
}
