// What a check is asked to do; the options page edits it, storage keeps it, the probes read it.

/** Fresh names resolved per DNS provider: the quick test, and the extended one. */
export const DNS_NAME_COUNTS = { quick: 6, extended: 36 } as const;
export const DNS_NAMES = [DNS_NAME_COUNTS.quick, DNS_NAME_COUNTS.extended] as const;
export type DnsNames = (typeof DNS_NAMES)[number];

/** The per-request deadline a user may choose; `default` is also the gate's deadline for requests that set none. */
export const DEADLINE_MS = { min: 1000, max: 30_000, default: 5000 } as const;

export interface Settings {
  /** Enabled endpoint ids, per probe; an id not in this build's registry is ignored. */
  readonly ipv4: readonly string[];
  readonly ipv6: readonly string[];
  /** Result/session endpoint ids that name a DNS provider: 'leakless-dns', 'mullvad-dns', 'bashws-result'. */
  readonly dns: readonly string[];
  readonly webrtc: readonly string[];
  readonly securedns: readonly string[];
  /** Header-echo endpoint ids: only our own check server's, 'leakless-headers'. */
  readonly headers: readonly string[];
  /** Fresh names resolved per DNS provider (one of DNS_NAMES). */
  readonly dnsNames: number;
  /** Per-request deadline. */
  readonly deadlineMs: number;
}
