// What each probe yields, and the state of a whole check: what the verdict, the port, storage and the popup read.
import type { Outcome, Problem } from './problem';

/** What a provider says about an address, when it says it. All optional. */
export interface IpMeta {
  readonly country?: string; // ISO 3166-1 alpha-2, upper case
  readonly city?: string;
  readonly organization?: string;
  readonly asn?: number;
  /** True/false when the provider knows whether this is a VPN exit (Mullvad does); absent otherwise. */
  readonly vpnExit?: boolean;
}

/** One provider's answer for one probe. */
export interface Observation<T> {
  readonly endpointId: string;
  readonly outcome: Outcome<T>;
  readonly ms: number;
}

export interface PublicIp {
  readonly ip: string; // canonical form (see canonicalIp)
  readonly meta: IpMeta;
}

export interface IpResult {
  readonly family: 4 | 6;
  readonly observations: readonly Observation<PublicIp>[];
  /** The address most providers agree on, or null when none answered. */
  readonly ip: string | null;
  /** More than one distinct address among the providers that answered. */
  readonly disagreement: boolean;
  /** Every provider failed to connect (not lied): for IPv6 this means "no IPv6", a result, not an error. */
  readonly absent: boolean;
  /** Metadata merged across providers that agree with `ip`. */
  readonly meta: IpMeta;
}

export interface Resolver {
  readonly ip: string;
  readonly country?: string;
  readonly organization?: string;
  readonly asn?: number;
  /** The EDNS Client Subnet this resolver forwards to authoritative servers ("84.171.20.0/24"), when a provider saw it. */
  readonly ecs?: string;
  /** Providers that saw this resolver (endpoint ids of the result endpoint). */
  readonly seenBy: readonly string[];
}

/**
 * Whether the resolver validates DNSSEC, from the check server's two names (one signed, one mis-signed):
 * true = the signed one resolved and the mis-signed one did not; false = the mis-signed one resolved (forged
 * answers get through); null = can't tell, and `problem` says why.
 */
export interface DnssecCheck {
  readonly validates: boolean | null;
  readonly problem?: Problem;
}

export interface DnsResult {
  readonly observations: readonly Observation<readonly Resolver[]>[];
  /** De-duplicated by address, across providers. */
  readonly resolvers: readonly Resolver[];
  readonly namesResolved: number;
  /** Absent while it runs, and when no check server of ours is asked (only ours serves the two names). */
  readonly dnssec?: DnssecCheck;
}

/**
 * Whose view the host candidates show. 'pages': gathered where the browser masks local addresses as it does
 * for ordinary pages. 'privileged': gathered in a context the browser exempts from that masking (Chromium's
 * extension pages), which web pages only match once granted camera or microphone access.
 */
export const HOST_VIEWS = ['pages', 'privileged'] as const;
export type HostView = (typeof HOST_VIEWS)[number];

export interface WebRtcResult {
  /** 'disabled': RTCPeerConnection missing, stubbed or throwing (browser setting or another extension). */
  readonly status: 'ok' | 'disabled';
  /** Public addresses from server-/peer-reflexive candidates (what WebRTC reveals to a page). */
  readonly publicIps: readonly string[];
  /** Non-mDNS host-candidate addresses: local addresses exposed to pages (all of them, or see `hostView`). */
  readonly localIps: readonly string[];
  /** Which pages `localIps` and `mdnsMasked` stand for. */
  readonly hostView: HostView;
  /** How many host candidates were masked as `<uuid>.local` (the browser protecting local addresses). */
  readonly mdnsMasked: number;
  /** STUN endpoint ids that answered / failed. */
  readonly observations: readonly Observation<readonly string[]>[];
}

export interface SecureDnsResult {
  readonly available: boolean; // false outside Firefox
  readonly observations: readonly Observation<{ readonly resolverIps: readonly string[]; readonly isTRR: boolean }>[];
  /** Firefox's DNS-over-HTTPS answered (isTRR), when known. */
  readonly isTRR: boolean | null;
  readonly resolverIps: readonly string[];
}

export interface LocaleResult {
  readonly timeZone: string;
  /** Countries the time zone belongs to (ISO alpha-2), from the tz database; empty for UTC and the like. */
  readonly timeZoneCountries: readonly string[];
  readonly languages: readonly string[];
}

/** A header that reached our check server although the extension never sends it: added on the way. */
export interface ProxyHeader {
  /** As usually written ("X-Forwarded-For"); one of PROXY_HEADERS (proxy-headers.ts). */
  readonly name: string;
  /** The value as echoed, one line of plain text. */
  readonly value: string;
  /** Addresses (canonical, any kind) the header says the client had; empty for headers that name only proxies. */
  readonly ips: readonly string[];
}

/** The server cuts each echoed value to this many characters: a longer one did not come from it. */
export const MAX_HEADER_VALUE = 256;

export interface HeadersResult {
  /** Our check server's echo; empty when this build has none (public providers echo no headers). */
  readonly observations: readonly Observation<readonly ProxyHeader[]>[];
  /** The headers added on the way, from the first echo that answered; null when none did (can't tell). */
  readonly headers: readonly ProxyHeader[] | null;
}

/** Every probe, in the order the popup shows them; the union below is derived from this one list. */
export const PROBE_NAMES = ['ipv4', 'ipv6', 'dns', 'webrtc', 'securedns', 'headers', 'locale'] as const;
export type ProbeName = (typeof PROBE_NAMES)[number];

/**
 * A probe's states, in the order a run moves through them: nothing yet; provisional (some providers answered,
 * others are still out); final, done or failed as a whole (never thrown). The union below follows this list.
 */
export const PROBE_STATES = ['pending', 'partial', 'done', 'failed'] as const;
export type ProbeStateName = (typeof PROBE_STATES)[number];

/** Provisional: the result from the answers so far. `waiting`: what is still out (endpoint ids), never empty. */
export interface PartialState<T> {
  readonly state: 'partial';
  readonly result: T;
  /** How many providers have answered (or failed) so far. */
  readonly answered: number;
  readonly waiting: readonly string[];
}

export type ProbeState<T> =
  | { readonly state: 'pending' }
  | PartialState<T>
  | { readonly state: 'done'; readonly result: T }
  | { readonly state: 'failed'; readonly problem: Problem };

/** Done or failed: nothing more will change it. */
export const isFinal = (state: { readonly state: ProbeStateName }): boolean => state.state === 'done' || state.state === 'failed';

/** The result so far, provisional or final; null while pending or when failed. */
export function resultSoFar<T>(state: ProbeState<T>): T | null {
  return state.state === 'done' || state.state === 'partial' ? state.result : null;
}

export interface CheckResults {
  readonly ipv4: ProbeState<IpResult>;
  readonly ipv6: ProbeState<IpResult>;
  readonly dns: ProbeState<DnsResult>;
  readonly webrtc: ProbeState<WebRtcResult>;
  readonly securedns: ProbeState<SecureDnsResult>;
  readonly headers: ProbeState<HeadersResult>;
  readonly locale: ProbeState<LocaleResult>;
}

export type ResultOf<K extends ProbeName> = CheckResults[K] extends ProbeState<infer T> ? T : never;

const WAITING = Object.freeze({ state: 'pending' } as const);

/** Where every check starts: nothing known yet. */
export const PENDING: CheckResults = Object.freeze({
  ipv4: WAITING,
  ipv6: WAITING,
  dns: WAITING,
  webrtc: WAITING,
  securedns: WAITING,
  headers: WAITING,
  locale: WAITING,
});

/** Every probe final: a provisional section is still open. */
export function isSettled(results: CheckResults): boolean {
  return PROBE_NAMES.every((name) => isFinal(results[name]));
}

/**
 * A run cut off: probes still pending become `internal` failures, so no section spins forever; a provisional
 * one keeps what had arrived, as done (the answers that came are facts; the ones still out are lost).
 */
export function failPending(results: CheckResults): CheckResults {
  const out: Record<string, unknown> = { ...results };
  for (const name of PROBE_NAMES) {
    const state = results[name];
    if (state.state === 'pending') out[name] = { state: 'failed', problem: { code: 'internal' } };
    else if (state.state === 'partial') out[name] = { state: 'done', result: state.result };
  }
  return out as unknown as CheckResults;
}
