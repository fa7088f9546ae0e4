import { type Candidate, parseCandidate } from './candidate';

export type PeerConstructor = typeof RTCPeerConnection;

export interface Gathered {
  readonly candidates: readonly Candidate[];
  /** The deadline came before the browser said gathering was complete. */
  readonly timedOut: boolean;
  /** createOffer or setLocalDescription failed; what was gathered so far still counts. */
  readonly error: string | null;
}

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

/**
 * Gathers ICE candidates on `pc` until the browser says it is done or `deadlineMs` passes.
 * Always removes its listeners; closing `pc` is the caller's (it opened it).
 */
export function gather(pc: RTCPeerConnection, deadlineMs: number): Promise<Gathered> {
  return new Promise((resolve) => {
    const lines: string[] = [];
    let error: string | null = null;
    let done = false;

    const finish = (timedOut: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      pc.removeEventListener('icecandidate', onCandidate);
      pc.removeEventListener('icegatheringstatechange', onState);
      const seen = new Set<string>();
      const candidates: Candidate[] = [];
      for (const line of [...lines, ...sdpCandidates(pc)]) {
        const candidate = parseCandidate(line);
        const key = candidate && `${candidate.type} ${candidate.protocol} ${candidate.address} ${candidate.port}`;
        if (candidate && key && !seen.has(key)) {
          seen.add(key);
          candidates.push(candidate);
        }
      }
      resolve({ candidates, timedOut, error });
    };
    const onCandidate = (event: RTCPeerConnectionIceEvent) => {
      // A null candidate is the end-of-candidates signal of older browsers.
      if (!event.candidate) finish(false);
      else if (event.candidate.candidate) lines.push(event.candidate.candidate);
    };
    const onState = () => {
      if (pc.iceGatheringState === 'complete') finish(false);
    };
    const timer = setTimeout(() => finish(true), deadlineMs);

    try {
      pc.addEventListener('icecandidate', onCandidate);
      pc.addEventListener('icegatheringstatechange', onState);
      pc.createDataChannel('');
    } catch (e) {
      error = errorName(e);
      finish(false);
      return;
    }
    // Through a promise chain, so a stub that throws synchronously is caught the same way.
    Promise.resolve()
      .then(() => pc.createOffer())
      .then((offer) => pc.setLocalDescription(offer))
      .catch((e: unknown) => {
        error = errorName(e);
        finish(false);
      });
  });
}
