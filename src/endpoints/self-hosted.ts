import type { Endpoint } from './types';

const NOTHING = 'Nothing but the request itself.';

/** The documentation's example server (RFC 2606 name): error messages and unit tests use it. */
export const EXAMPLE_SERVER = 'https://check.example.org';

/**
 * The endpoints of a Leakless check server (server/) at `origin`, e.g. https://check.example.org.
 * The host is the DNS zone it is authoritative for; see docs/self-hosting.md for the protocol.
 */
export function selfHostedEndpoints(origin: string): Endpoint[] {
  const url = new URL(origin);
  if (url.protocol !== 'https:' || url.pathname !== '/' || url.search || url.port) {
    throw new Error(`LEAKLESS_SERVER must be a bare https origin on port 443, like ${EXAMPLE_SERVER} (got ${origin})`);
  }
  const zone = url.hostname.toLowerCase();
  return [
    { id: 'leakless-ipv4', provider: 'leakless', probe: 'ipv4', transport: 'https', url: `https://ipv4.${zone}/ip`, carries: NOTHING },
    { id: 'leakless-ipv6', provider: 'leakless', probe: 'ipv6', transport: 'https', url: `https://ipv6.${zone}/ip`, carries: NOTHING },
    {
      id: 'leakless-dns',
      provider: 'leakless',
      probe: 'dns',
      transport: 'https',
      url: `https://{label}.${zone}/dns/{token}`,
      carries: 'A random, single-use secret in the path, and its one-way hash as the host name; nothing else.',
    },
    // The DNSSEC check (server/dns/dnssec/labels.ts): a fresh nonce makes both names new to every cache.
    {
      id: 'leakless-dnssec-good',
      provider: 'leakless',
      probe: 'dns',
      transport: 'https',
      url: `https://dnssec-ok-{nonce}.${zone}/dnssec`,
      carries: 'A random, single-use name; nothing else.',
    },
    {
      id: 'leakless-dnssec-broken',
      provider: 'leakless',
      probe: 'dns',
      transport: 'https',
      url: `https://dnssec-bad-{nonce}.${zone}/dnssec`,
      carries: 'A random, single-use name; nothing else.',
    },
    {
      id: 'leakless-stun',
      provider: 'leakless',
      probe: 'webrtc',
      transport: 'stun',
      url: `stun:${zone}:3478`,
      carries: 'A STUN binding request (random transaction id).',
    },
    {
      id: 'leakless-whoami',
      provider: 'leakless',
      probe: 'securedns',
      transport: 'dns',
      url: `dns:{token}.whoami.${zone}`,
      carries: "One DNS lookup of a random name, made by Firefox's own resolver (Firefox only).",
    },
    // On the IPv4 host, so no new host: HTTPS only, as every endpoint. Plain HTTP would also catch transparent
    // proxies, but needs http:// in the CSP and host permissions and shows every on-path observer the request.
    {
      id: 'leakless-headers',
      provider: 'leakless',
      probe: 'headers',
      transport: 'https',
      url: `https://ipv4.${zone}/headers`,
      carries: NOTHING,
    },
  ];
}
