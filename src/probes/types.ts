// The probe engine's contract: what each probe yields, and what the popup and the verdict read.
// User-facing words are never built here: errors and reasons carry a code (an i18n message key)
// and the values to fill in, so every language says the same thing.

/** Why one provider (or a whole probe) gave no usable answer. `code` is an i18n key suffix. */
export type ProblemCode =
  | 'unreachable' // connection refused, DNS failure, TLS failure, offline
  | 'timeout' // no complete answer before the deadline
  | 'http-status' // a non-2xx status; detail = the status
  | 'rate-limited' // 429
  | 'too-large' // body over the cap
  | 'not-json' // expected JSON, got something else (captive portals, HTML)
  | 'bad-shape' // valid JSON, wrong fields or types; detail = the first issue
  | 'not-an-ip' // the field that should hold an IP does not
  | 'wrong-family' // an IPv6 answer on the IPv4 endpoint, or the reverse
  | 'not-public' // a private, loopback, CGNAT, documentation… address reported as public
  | 'blocked' // the browser or another extension blocked the request or the API
  | 'unavailable' // the API does not exist in this browser
  | 'internal'; // a bug of ours, caught so it breaks only this line

export interface Problem {
  readonly code: ProblemCode;
  /** A short technical detail (status code, field name); shown after the sentence, never as HTML. */
  readonly detail?: string;
}

/** What a provider says about an address, when it says it. All optional. */
export interface IpMeta {
  readonly country?: string; // ISO 3166-1 alpha-2, upper case
  readonly city?: string;
  readonly organization?: string;
  readonly asn?: number;
  /** True/false when the provider knows whether this is a VPN exit (Mullvad does); absent otherwise. */
  readonly vpnExit?: boolean;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

/** One provider's answer for one probe. */
export interface Observation<T> {
  readonly endpointId: string;
  readonly outcome: Outcome<T>;
  readonly ms: number;
}

export interface PublicIp {
  readonly ip: string; // canonical form (ipaddr.js toString / toNormalizedString for v6 short form)
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
  /** Providers that saw this resolver (endpoint ids of the result endpoint). */
  readonly seenBy: readonly string[];
}

export interface DnsResult {
  readonly observations: readonly Observation<readonly Resolver[]>[];
  /** De-duplicated by address, across providers. */
  readonly resolvers: readonly Resolver[];
  readonly namesResolved: number;
}

/**
 * Whose view the host candidates show. 'pages': gathered where the browser masks local addresses as it does
 * for ordinary pages. 'privileged': gathered in a context the browser exempts from that masking (Chromium's
 * extension pages), which web pages only match once granted camera or microphone access.
 */
export type HostView = 'pages' | 'privileged';

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

export type ProbeName = 'ipv4' | 'ipv6' | 'dns' | 'webrtc' | 'securedns' | 'locale';

/** A probe's state in the popup: still running, done, or failed as a whole (never thrown). */
export type ProbeState<T> =
  | { readonly state: 'pending' }
  | { readonly state: 'done'; readonly result: T }
  | { readonly state: 'failed'; readonly problem: Problem };

export interface CheckResults {
  readonly ipv4: ProbeState<IpResult>;
  readonly ipv6: ProbeState<IpResult>;
  readonly dns: ProbeState<DnsResult>;
  readonly webrtc: ProbeState<WebRtcResult>;
  readonly securedns: ProbeState<SecureDnsResult>;
  readonly locale: ProbeState<LocaleResult>;
}

export type VerdictLevel = 'leak' | 'clean' | 'unknown';

/**
 * Every reason the verdict can give; the popup shows `reason_<code>` from _locales with `params` in order.
 * Leaks: something reveals more than the web already sees. Warnings lower confidence or hint at a leak.
 */
export type ReasonCode =
  | 'webrtc-reveals-other-ip' // leak: [webrtcIp, webIp]
  | 'webrtc-reveals-ip-no-web-ip' // warning: [webrtcIp] (web IP unknown, cannot compare)
  | 'ipv6-other-network' // leak: [ipv6Org or ipv6, ipv4Org or ipv4]
  | 'ipv6-uncompared' // warning: [ipv6] both families present, but no fact to compare their networks by
  | 'dns-other-organization' // leak: [resolverIp, resolverOrg, ipOrg]
  | 'dns-other-country' // leak: [resolverIp, resolverCountry, ipCountry]
  | 'local-ips-exposed' // warning: [comma-separated local IPs] every page can read them
  | 'local-ips-permitted-sites' // info: [comma-separated local IPs] only sites allowed camera/microphone can
  | 'timezone-mismatch' // warning: [timeZone, ipCountry]
  | 'providers-disagree' // warning: [family '4'|'6', comma-separated IPs]
  | 'ip-unknown' // unknown: [family] no provider answered for the IPv4 address
  | 'dns-unknown' // unknown: [] no resolver list
  | 'webrtc-unknown' // unknown: [] the WebRTC probe failed
  | 'webrtc-disabled' // info: [] WebRTC is off: nothing to leak there
  | 'securedns-on' // info: [] Firefox's DNS-over-HTTPS answered
  | 'vpn-exit' // info: [provider] a provider says the IPv4 is a known VPN exit
  | 'no-leak'; // info: [] nothing reveals more than the web sees

/** One reason, as an i18n key (`reason_<code>`) and its substitutions. */
export interface Reason {
  readonly code: ReasonCode;
  readonly params: readonly string[];
  readonly severity: 'leak' | 'warning' | 'info';
}

export interface Verdict {
  readonly level: VerdictLevel;
  /** Most important first; reasons[0] is the banner's sentence. */
  readonly reasons: readonly Reason[];
}
