import type { Endpoint } from './types';

const NOTHING = 'Nothing but the request itself (your IP address reaches the provider, as with any request).';
const TOKEN = 'A random, single-use token in the host name; nothing else.';

/** Every third-party endpoint compiled into the extension. Users pick among them in the options. */
export const PUBLIC_ENDPOINTS: readonly Endpoint[] = [
  {
    id: 'mullvad-ipv4',
    provider: 'mullvad',
    probe: 'ipv4',
    transport: 'https',
    url: 'https://ipv4.am.i.mullvad.net/json',
    carries: NOTHING,
  },
  {
    id: 'mullvad-ipv6',
    provider: 'mullvad',
    probe: 'ipv6',
    transport: 'https',
    url: 'https://ipv6.am.i.mullvad.net/json',
    carries: NOTHING,
  },
  { id: 'ipify-ipv4', provider: 'ipify', probe: 'ipv4', transport: 'https', url: 'https://api4.ipify.org/?format=json', carries: NOTHING },
  { id: 'ipify-ipv6', provider: 'ipify', probe: 'ipv6', transport: 'https', url: 'https://api6.ipify.org/?format=json', carries: NOTHING },
  {
    id: 'cloudflare-ipv4',
    provider: 'cloudflare',
    probe: 'ipv4',
    transport: 'https',
    url: 'https://1.0.0.1/cdn-cgi/trace',
    carries: NOTHING,
  },
  {
    id: 'mullvad-dns',
    provider: 'mullvad',
    probe: 'dns',
    transport: 'https',
    url: 'https://{token}.dnsleak.am.i.mullvad.net/',
    carries: TOKEN,
  },
  { id: 'bashws-id', provider: 'bashws', probe: 'dns', transport: 'https', url: 'https://bash.ws/id', carries: NOTHING },
  {
    id: 'bashws-lookup',
    provider: 'bashws',
    probe: 'dns',
    transport: 'https',
    url: 'https://{n}.{id}.bash.ws/',
    carries: 'Only a DNS lookup of a name holding the session id bash.ws issued; the HTTPS request itself is expected to fail.',
  },
  {
    id: 'bashws-result',
    provider: 'bashws',
    probe: 'dns',
    transport: 'https',
    url: 'https://bash.ws/dnsleak/test/{id}?json',
    carries: 'The session id bash.ws issued.',
  },
  {
    id: 'google-stun',
    provider: 'google',
    probe: 'webrtc',
    transport: 'stun',
    url: 'stun:stun.l.google.com:19302',
    carries: "A STUN binding request (random transaction id) from the browser's WebRTC stack.",
  },
  {
    id: 'cloudflare-stun',
    provider: 'cloudflare',
    probe: 'webrtc',
    transport: 'stun',
    url: 'stun:stun.cloudflare.com:3478',
    carries: "A STUN binding request (random transaction id) from the browser's WebRTC stack.",
  },
  {
    id: 'akamai-whoami',
    provider: 'akamai',
    probe: 'securedns',
    transport: 'dns',
    url: 'dns:whoami.akamai.net',
    carries: "One DNS lookup, made by Firefox's own resolver (Firefox only).",
  },
];
