import { type Endpoint, endpointById, endpointHost, expand } from '../../endpoints';
import { DEADLINE_MS, type HostView, type Observation, type Problem, type Settings, type WebRtcResult } from '../../model';
import { canonicalIp, isPublicIp } from '../../model/address';
import type { OnPartial, ProbeDeps } from '../deps';
import { type Candidate, parseCandidate, REFLEXIVE_TYPES } from './candidate';
import { type Gatherer, type GatherResult, gatherCandidates } from './gather';

export { type Candidate, parseCandidate } from './candidate';
export { type Gatherer, type GatherResult, gatherCandidates } from './gather';

/** A STUN binding request is a 20-byte header; browsers add a few attributes we cannot see. */
const STUN_REQUEST_BYTES = 20;

const disabled = (hostView: HostView): WebRtcResult => ({
  status: 'disabled',
  publicIps: [],
  localIps: [],
  mdnsMasked: 0,
  hostView,
  observations: [],
});

function deadlineOf(settings: Settings): number {
  return Number.isFinite(settings.deadlineMs) && settings.deadlineMs > 0 ? settings.deadlineMs : DEADLINE_MS.default;
}

/** The injected gatherer (the background's, which may ask the popup), or this context's RTCPeerConnection. */
function gathererOf(deps: ProbeDeps): Gatherer {
  return deps.gather ?? ((urls, deadlineMs) => gatherCandidates(deps.RTCPeerConnection, urls, deadlineMs));
}

function stunEndpoints(deps: ProbeDeps, settings: Settings): Endpoint[] {
  const ids = [...new Set(settings.webrtc)];
  return ids
    .map((id) => endpointById(deps.registry, id))
    .filter((e): e is Endpoint => e !== undefined && e.probe === 'webrtc' && e.transport === 'stun');
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Raw lines may come from another context (the popup): each one is parsed here, and junk is dropped. */
function candidatesOf(gathered: GatherResult): Candidate[] {
  return gathered.candidates.map(parseCandidate).filter((c): c is Candidate => c !== null);
}

/** The public addresses one STUN server made the browser reveal: its server- and peer-reflexive candidates. */
function reflexiveIps(gathered: GatherResult): string[] {
  const ips = candidatesOf(gathered)
    .filter((c) => REFLEXIVE_TYPES.has(c.type))
    .map((c) => canonicalIp(c.address))
    // Behind double NAT a STUN server inside the first NAT reports a private address: not what pages see.
    .filter((ip): ip is string => ip !== null && isPublicIp(ip));
  return unique(ips);
}

/**
 * Why a STUN server revealed nothing, as the gatherer saw it; a peer that could not even be opened is blocked,
 * as before the split. No problem and no address is an answer, not a failure: the gatherer says 'unreachable'
 * itself, because only it sees the browser's candidate errors (Chromium drops a reflexive candidate that equals
 * a host one, so a server that answered can leave no line at all).
 */
function stunProblem(gathered: GatherResult): Problem | null {
  const problem = gathered.problem;
  if (!problem) return null;
  return problem.code === 'unavailable' ? { code: 'blocked' } : problem;
}

async function askStun(deps: ProbeDeps, gather: Gatherer, endpoint: Endpoint, deadlineMs: number): Promise<Observation<string[]>> {
  const started = deps.now();
  let url = endpoint.url;
  let problem: Problem | null = null;
  let ips: string[] = [];
  let unopened = false;
  try {
    url = expand(endpoint);
    const gathered = await gather([url], deadlineMs);
    unopened = gathered.problem?.code === 'unavailable';
    ips = reflexiveIps(gathered);
    if (ips.length === 0) problem = stunProblem(gathered);
  } catch (e) {
    problem = { code: 'internal', detail: e instanceof Error ? e.name : 'Error' };
  }
  const ms = Math.max(0, deps.now() - started);
  // The ledger lists what went out; a peer that never opened sent no STUN request.
  if (!unopened) record(deps, endpoint, url, started, ms, problem);
  return { endpointId: endpoint.id, outcome: problem ? { ok: false, problem } : { ok: true, value: ips }, ms };
}

function record(deps: ProbeDeps, endpoint: Endpoint, url: string, time: number, ms: number, problem: Problem | null): void {
  try {
    deps.ledger.record({
      time,
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
}

interface HostAddresses {
  /** No peer connection could be opened: WebRTC is off for pages. */
  readonly disabled: boolean;
  readonly localIps: string[];
  readonly mdnsMasked: number;
}

/** Host candidates with no ICE server: the local addresses a page can read, or their mDNS masks. */
async function askHost(gather: Gatherer, deadlineMs: number): Promise<HostAddresses> {
  try {
    const gathered = await gather([], deadlineMs);
    if (gathered.problem?.code === 'unavailable') return { disabled: true, localIps: [], mdnsMasked: 0 };
    const hosts = candidatesOf(gathered).filter((c) => c.type === 'host');
    const masked = unique(hosts.map((c) => c.address.toLowerCase()).filter((a) => a.endsWith('.local')));
    // An unspecified address (some stacks write 0.0.0.0 for TCP) reveals nothing.
    const local = hosts.map((c) => canonicalIp(c.address)).filter((ip): ip is string => ip !== null && ip !== '0.0.0.0' && ip !== '::');
    return { disabled: false, localIps: unique(local), mdnsMasked: masked.length };
  } catch {
    return { disabled: false, localIps: [], mdnsMasked: 0 };
  }
}

/**
 * What WebRTC reveals to any page: public addresses through STUN (one peer connection per server, so each
 * server answers for itself) and local addresses through host candidates, gathered in parallel.
 * Never throws; the gatherer closes every peer connection it opens.
 */
export async function probeWebRtc(
  deps: ProbeDeps,
  settings: Settings,
  _signal?: AbortSignal,
  onPartial?: OnPartial<WebRtcResult>,
): Promise<WebRtcResult> {
  // Decided by whoever wired the gatherer (the background knows when the popup gathers for it), never by UA.
  const hostView = deps.gatherView ?? 'pages';
  if (!deps.gather && !deps.RTCPeerConnection) return disabled(hostView);
  const gather = gathererOf(deps);
  const deadlineMs = deadlineOf(settings);
  const stuns = stunEndpoints(deps, settings);
  const arrived: (Observation<string[]> | undefined)[] = stuns.map(() => undefined);
  let hostSoFar: HostAddresses | null = null;
  const combine = (host: HostAddresses, observations: Observation<string[]>[]): WebRtcResult =>
    host.disabled
      ? disabled(hostView)
      : {
          status: 'ok',
          publicIps: unique(observations.flatMap((o) => (o.outcome.ok ? o.outcome.value : []))),
          localIps: host.localIps,
          mdnsMasked: host.mdnsMasked,
          hostView,
          observations,
        };
  // The local addresses are known before the STUN servers answer: shown at once, with who is still out.
  const report = () => {
    const waiting = stuns.filter((_, i) => arrived[i] === undefined).map((e) => e.id);
    if (!onPartial || !hostSoFar || hostSoFar.disabled || waiting.length === 0) return;
    onPartial(
      combine(
        hostSoFar,
        arrived.filter((o): o is Observation<string[]> => o !== undefined),
      ),
      stuns.length - waiting.length,
      waiting,
    );
  };
  const [host, ...observations] = await Promise.all([
    askHost(gather, deadlineMs).then((h) => {
      hostSoFar = h;
      report();
      return h;
    }),
    ...stuns.map((endpoint, i) =>
      askStun(deps, gather, endpoint, deadlineMs).then((o) => {
        arrived[i] = o;
        report();
        return o;
      }),
    ),
  ]);
  return combine(host, observations);
}
