// The verdict's vocabulary: levels, reasons and the parameters each reason fills into its sentence.

export const VERDICT_LEVELS = ['leak', 'clean', 'unknown'] as const;
export type VerdictLevel = (typeof VERDICT_LEVELS)[number];

export const SEVERITIES = ['leak', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** How a reason parameter is shown: country codes become the country's name in the UI language. */
export type ParamKind = 'text' | 'country';

/**
 * Every reason the verdict can give, with its parameters in order; the popup shows `reason_<code>` from
 * _locales. Leaks: something reveals more than the web already sees. Warnings lower confidence or hint at one.
 * The ReasonCode union is derived from these keys.
 */
export const REASON_PARAMS = {
  'webrtc-reveals-other-ip': ['text', 'text'], // leak: [webrtcIp, webIp]
  'webrtc-reveals-ip-no-web-ip': ['text'], // warning: [webrtcIp] (web IP unknown, cannot compare)
  'ipv6-other-network': ['text', 'text'], // leak: [ipv6Org or ipv6, ipv4Org or ipv4]
  'ipv6-uncompared': ['text'], // warning: [ipv6] both families present, no fact to compare their networks by
  'dns-other-organization': ['text', 'text', 'text'], // leak: [resolverIp, resolverOrg, ipOrg]
  'dns-other-country': ['text', 'country', 'country'], // leak: [resolverIp, resolverCountry, ipCountry]
  'dns-ecs-other-network': ['text', 'text'], // leak: [subnet, resolverIp] the resolver forwards a subnet the web does not see
  'proxy-header-reveals-ip': ['text', 'text'], // leak: [header, ip] a middlebox names an address the web does not see
  'proxy-on-path': ['text'], // warning: [header names] headers added on the way (over HTTPS: an intercepting proxy)
  'dnssec-not-validated': [], // warning: the resolver accepts a mis-signed answer, so forged answers get through
  'local-ips-exposed': ['text'], // warning: [comma-separated local IPs] every page can read them
  'local-ips-permitted-sites': ['text'], // info: [local IPs] only sites allowed camera/microphone can
  'timezone-mismatch': ['text', 'country'], // warning: [timeZone, ipCountry]
  'providers-disagree': ['text', 'text'], // warning: [family '4'|'6', comma-separated IPs]
  'ip-unknown': ['text'], // unknown: [family] no provider answered for that address
  'dns-unknown': [], // unknown: no resolver list
  'webrtc-unknown': [], // unknown: the WebRTC probe failed
  'proxy-headers-unknown': [], // unknown: our check server's header echo gave no answer
  'webrtc-disabled': [], // info: WebRTC is off: nothing to leak there
  'dns-ecs-exit': ['text', 'text'], // info: [subnet, resolverIp] the resolver forwards the exit's own subnet
  'securedns-on': [], // info: Firefox's DNS-over-HTTPS answered
  'vpn-exit': ['text'], // info: [provider] a provider says the IPv4 is a known VPN exit
  'no-leak': [], // info: nothing reveals more than the web sees
} as const satisfies Record<string, readonly ParamKind[]>;

export type ReasonCode = keyof typeof REASON_PARAMS;
export const REASON_CODES = Object.keys(REASON_PARAMS) as ReasonCode[];

/** One reason, as an i18n key (`reason_<code>`) and its substitutions. */
export interface Reason {
  readonly code: ReasonCode;
  readonly params: readonly string[];
  readonly severity: Severity;
}

export interface Verdict {
  readonly level: VerdictLevel;
  /** Most important first; reasons[0] is the banner's sentence. */
  readonly reasons: readonly Reason[];
}
