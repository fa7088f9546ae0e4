// The network's share of a full check, as a lower bound: the longest chain of answers that must come one after
// another, each carrying the bench's added delay. Probes run in parallel (src/probes/run.ts), so the bound is the
// longest single chain, not the sum. Reasoned out per probe for the default settings of the test build.

export interface Chain {
  readonly probe: string;
  /** The dependent steps, in order. */
  readonly steps: readonly string[];
  /** Answers on this chain that the bench delays (every HTTPS answer; DNS answers through the DNS shim). */
  readonly delayedAnswers: number;
  /**
   * Round trips on a real network with cold caches and fresh connections: DNS 1, TCP 1, TLS 1.3 1, HTTP 1
   * per new host; a request on a kept-alive connection costs only its HTTP round trip.
   */
  readonly realRoundTrips: number;
}

/**
 * In the bench world the fixed provider hosts (ipv4.am.i.mullvad.net, api4.ipify.org, bash.ws, …) are mapped
 * by Chromium's host-resolver-rules, so they cost no DNS answer there; the check server's names and the random
 * leak-test names go through real DNS (dnsmasq → DNS shim), which delays each answer. TCP and TLS handshakes
 * are local and not delayed; neither is STUN.
 */
export const CHAINS: readonly Chain[] = [
  {
    probe: 'ipv4 (check server; Mullvad, ipify, Cloudflare are one HTTPS answer each)',
    steps: ['DNS ipv4.<zone>', 'HTTPS GET /ip'],
    delayedAnswers: 2,
    realRoundTrips: 4,
  },
  { probe: 'ipv6 (check server)', steps: ['DNS ipv6.<zone>', 'HTTPS GET /ip'], delayedAnswers: 2, realRoundTrips: 4 },
  {
    probe: 'dns: check server (6 names in parallel)',
    // The server answers /dns with the resolvers that asked for the name: the lookup must finish first.
    steps: ['DNS <token>.<zone>', 'HTTPS GET /dns on that name'],
    delayedAnswers: 2,
    realRoundTrips: 4,
  },
  {
    probe: 'dns: Mullvad (6 names in parallel)',
    steps: ['DNS <uuid>.dnsleak.am.i.mullvad.net', 'HTTPS GET / on that name'],
    delayedAnswers: 2,
    realRoundTrips: 4,
  },
  {
    probe: 'dns: bash.ws (the longest chain)',
    // id → lookups → result: each step needs the one before. The lookups' HTTPS requests are expected to fail
    // on the real bash.ws; here the fake answers them, and the probe waits for each request to settle.
    steps: [
      'HTTPS GET bash.ws/id',
      'DNS <n>.<id>.bash.ws (6 in parallel)',
      'HTTPS GET on those names',
      'HTTPS GET bash.ws/dnsleak/test/<id>?json',
    ],
    delayedAnswers: 4,
    // id on a new connection 4 (DNS, TCP, TLS, HTTP); lookup 4 (DNS, then TCP, TLS, HTTP to the new name);
    // result 1 (HTTP on the kept-alive bash.ws connection).
    realRoundTrips: 9,
  },
  { probe: 'webrtc (check server STUN)', steps: ['DNS <zone>', 'STUN binding (not delayed)'], delayedAnswers: 1, realRoundTrips: 2 },
  { probe: 'securedns', steps: ['(not available in Chromium)'], delayedAnswers: 0, realRoundTrips: 0 },
  { probe: 'locale', steps: ['(no network)'], delayedAnswers: 0, realRoundTrips: 0 },
];

export function longestChain(chains: readonly Chain[] = CHAINS): Chain {
  return chains.reduce((a, b) => (b.delayedAnswers > a.delayedAnswers ? b : a));
}

/** The network part's lower bound for an added delay per answer. */
export const lowerBoundMs = (delayMs: number, chains: readonly Chain[] = CHAINS) => longestChain(chains).delayedAnswers * delayMs;
