import { type Endpoint, endpointById, endpointHost, expand } from '../../endpoints';
import { isPublicIp, parseIp } from '../address';
import type { ProbeDeps, Settings } from '../deps';
import type { Observation, Problem, WebRtcResult } from '../types';
import { closePeer, type Gathered, gather, openPeer, type PeerConstructor } from './gather';

export { type Candidate, parseCandidate } from './candidate';

const DEFAULT_DEADLINE_MS = 5000;
const REFLEXIVE = new Set(['srflx', 'prflx']);
/** A STUN binding request is a 20-byte header; browsers add a few attributes we cannot see. */
const STUN_REQUEST_BYTES = 20;

const DISABLED: WebRtcResult = { status: 'disabled', publicIps: [], localIps: [], mdnsMasked: 0, observations: [] };

function deadlineOf(settings: Settings): number {
  return Number.isFinite(settings.deadlineMs) && settings.deadlineMs > 0 ? settings.deadlineMs : DEFAULT_DEADLINE_MS;
}

function stunEndpoints(deps: ProbeDeps, settings: Settings): Endpoint[] {
  const ids = [...new Set(settings.webrtc)];
  return ids
    .map((id) => endpointById(deps.registry, id))
    .filter((e): e is Endpoint => e !== undefined && e.probe === 'webrtc' && e.transport === 'stun');
}

const canonicalIp = (text: string): string | null => parseIp(text)?.toString() ?? null;

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** The public addresses one STUN server made the browser reveal: its server- and peer-reflexive candidates. */
function reflexiveIps(gathered: Gathered): string[] {
  const ips = gathered.candidates
    .filter((c) => REFLEXIVE.has(c.type))
    .map((c) => canonicalIp(c.address))
    // Behind double NAT a STUN server inside the first NAT reports a private address: not what pages see.
    .filter((ip): ip is string => ip !== null && isPublicIp(ip));
  return unique(ips);
}

async function askStun(deps: ProbeDeps, Peer: PeerConstructor, endpoint: Endpoint, deadlineMs: number): Promise<Observation<string[]>> {
  const started = deps.now();
  let pc: RTCPeerConnection | null = null;
  let url = endpoint.url;
  let problem: Problem | null = null;
  let ips: string[] = [];
  try {
    url = expand(endpoint);
    pc = openPeer(Peer, { iceServers: [{ urls: url }] });
    if (!pc) problem = { code: 'blocked' };
    else {
      const gathered = await gather(pc, deadlineMs);
      ips = reflexiveIps(gathered);
      if (ips.length === 0) {
        if (gathered.error) problem = { code: 'blocked', detail: gathered.error };
        else problem = { code: gathered.timedOut ? 'timeout' : 'unreachable' };
      }
    }
  } catch (e) {
    problem = { code: 'internal', detail: e instanceof Error ? e.name : 'Error' };
  } finally {
    closePeer(pc);
  }
  const ms = Math.max(0, deps.now() - started);
  try {
    deps.ledger.record({
      time: started,
      endpointId: endpoint.id,
      url,
      host: endpointHost(endpoint),
      method: 'STUN',
      bytesOut: STUN_REQUEST_BYTES,
      bytesIn: 0,
      status: null,
      problem: problem?.code ?? null,
      ms,
    });
  } catch {
    // The ledger is for the self-audit; a broken sink must not cost the answer.
  }
  return { endpointId: endpoint.id, outcome: problem ? { ok: false, problem } : { ok: true, value: ips }, ms };
}

interface HostAddresses {
  readonly localIps: string[];
  readonly mdnsMasked: number;
}

/** Host candidates with no ICE server: the local addresses a page can read, or their mDNS masks. */
async function askHost(pc: RTCPeerConnection, deadlineMs: number): Promise<HostAddresses> {
  try {
    const gathered = await gather(pc, deadlineMs);
    const hosts = gathered.candidates.filter((c) => c.type === 'host');
    const masked = unique(hosts.map((c) => c.address.toLowerCase()).filter((a) => a.endsWith('.local')));
    // An unspecified address (some stacks write 0.0.0.0 for TCP) reveals nothing.
    const local = hosts.map((c) => canonicalIp(c.address)).filter((ip): ip is string => ip !== null && ip !== '0.0.0.0' && ip !== '::');
    return { localIps: unique(local), mdnsMasked: masked.length };
  } catch {
    return { localIps: [], mdnsMasked: 0 };
  } finally {
    closePeer(pc);
  }
}

/**
 * What WebRTC reveals to any page: public addresses through STUN (one peer connection per server, so each
 * server answers for itself) and local addresses through host candidates, gathered in parallel.
 * Never throws; every peer connection it opens is closed before it returns.
 */
export async function probeWebRtc(deps: ProbeDeps, settings: Settings): Promise<WebRtcResult> {
  const Peer = deps.RTCPeerConnection;
  if (!Peer) return DISABLED;
  const hostPc = openPeer(Peer, { iceServers: [] });
  if (!hostPc) return DISABLED;
  const deadlineMs = deadlineOf(settings);
  const [host, ...observations] = await Promise.all([
    askHost(hostPc, deadlineMs),
    ...stunEndpoints(deps, settings).map((endpoint) => askStun(deps, Peer, endpoint, deadlineMs)),
  ]);
  const publicIps = unique(observations.flatMap((o) => (o.outcome.ok ? o.outcome.value : [])));
  return { status: 'ok', publicIps, localIps: host.localIps, mdnsMasked: host.mdnsMasked, observations };
}
