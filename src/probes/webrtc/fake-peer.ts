// Test double for RTCPeerConnection (used by the tests only): plays a scripted ICE gathering.

export interface PeerScript {
  /** Candidate lines emitted one by one after setLocalDescription. */
  readonly candidates?: readonly string[];
  /** How gathering ends: the state change, a null candidate, or never (the deadline must cut it). */
  readonly end?: 'complete' | 'null' | 'never';
  /** Candidate lines only the final SDP lists. */
  readonly sdp?: readonly string[];
  readonly failOffer?: boolean;
  /** icecandidateerror events fired before gathering ends (a STUN server that did not answer). */
  readonly errors?: number;
  /** false: a browser without icecandidateerror (Firefox before 150), so no `onicecandidateerror` either. */
  readonly reportsErrors?: boolean;
}

type Listener = (event: unknown) => void;

export interface FakePeer {
  readonly config?: RTCConfiguration;
  closed: number;
  listeners(): number;
}

export function fakePeerClass(scriptFor: (config: RTCConfiguration | undefined) => PeerScript) {
  const instances: FakePeer[] = [];

  class Peer implements FakePeer {
    closed = 0;
    iceGatheringState: RTCIceGathererState = 'new';
    localDescription: { sdp: string } | null = null;
    private readonly handlers = new Map<string, Set<Listener>>();
    private readonly script: PeerScript;

    constructor(readonly config?: RTCConfiguration) {
      this.script = scriptFor(config);
      // Real browsers expose the handler attribute exactly when they fire the event; the gatherer checks it.
      if (this.script.reportsErrors !== false) Object.assign(this, { onicecandidateerror: null });
      instances.push(this);
    }
    addEventListener(type: string, listener: Listener) {
      const set = this.handlers.get(type) ?? new Set();
      set.add(listener);
      this.handlers.set(type, set);
    }
    removeEventListener(type: string, listener: Listener) {
      this.handlers.get(type)?.delete(listener);
    }
    listeners() {
      return [...this.handlers.values()].reduce((n, set) => n + set.size, 0);
    }
    private emit(type: string, event: unknown) {
      for (const listener of [...(this.handlers.get(type) ?? [])]) listener(event);
    }
    createDataChannel() {
      return {};
    }
    async createOffer() {
      if (this.script.failOffer) throw new DOMException('blocked', 'NotAllowedError');
      return { type: 'offer', sdp: '' };
    }
    async setLocalDescription() {
      this.iceGatheringState = 'gathering';
      queueMicrotask(() => {
        for (const line of this.script.candidates ?? []) this.emit('icecandidate', { candidate: { candidate: line } });
        for (let i = 0; i < (this.script.errors ?? 0); i++) this.emit('icecandidateerror', { errorCode: 701 });
        this.localDescription = { sdp: ['v=0', ...(this.script.sdp ?? [])].join('\r\n') };
        const end = this.script.end ?? 'complete';
        if (end === 'complete') {
          this.iceGatheringState = 'complete';
          this.emit('icegatheringstatechange', {});
        } else if (end === 'null') this.emit('icecandidate', { candidate: null });
      });
    }
    close() {
      this.closed++;
    }
  }

  return { Peer: Peer as unknown as typeof RTCPeerConnection, instances };
}

export const line = (type: string, address: string, port = 50000, protocol = 'udp', extra = '') =>
  `candidate:842163049 1 ${protocol} 1677729535 ${address} ${port} typ ${type}${extra}`;
