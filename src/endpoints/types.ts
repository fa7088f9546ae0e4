/** Which probe an endpoint serves; the probe engine asks the registry by this. */
export type ProbeId = 'ipv4' | 'ipv6' | 'dns' | 'webrtc' | 'securedns' | 'headers';

/** How the extension reaches an endpoint: the gate's fetch, an ICE server, or Firefox's dns.resolve. */
export type Transport = 'https' | 'stun' | 'dns';

export type ProviderId = 'mullvad' | 'ipify' | 'cloudflare' | 'bashws' | 'google' | 'akamai' | 'leakless';

export interface Endpoint {
  /** Stable id, used in the request ledger and the self-audit. */
  readonly id: string;
  readonly provider: ProviderId;
  readonly probe: ProbeId;
  readonly transport: Transport;
  /**
   * The URL, with `{name}` placeholders for random, single-use labels the probe fills in
   * (a placeholder fills one DNS label, or part of one, or one path segment; a value never holds a dot or a slash).
   */
  readonly url: string;
  /** In words: everything a request to it carries beyond the request itself. */
  readonly carries: string;
}

export interface Provider {
  readonly id: ProviderId;
  readonly name: string;
  /** What the provider itself says about logging, and where it says it. */
  readonly logging: string;
  readonly policy: string;
}
