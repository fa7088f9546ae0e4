// Proxy headers: the request headers a middlebox adds on the way, which our check server echoes (GET /headers).
// The one list of their names: the server echoes exactly these (server/headers.ts imports it), the extension reads them.
// Imported by path, like address.ts: the popup has no use for the list, and the server loads it with no imports.

/**
 * Lower case, as HTTP/2 and node write them, each with what it names: the client a proxy forwarded for, or the
 * proxy or the site (Via, X-Forwarded-Host/-Proto, the proxy ids), whose address is the middlebox's own, never
 * the user's. The extension sends none of them.
 */
const NAMES = {
  via: 'proxy',
  forwarded: 'client',
  'x-forwarded-for': 'client',
  'x-forwarded-host': 'proxy',
  'x-forwarded-proto': 'proxy',
  'x-real-ip': 'client',
  'client-ip': 'client',
  'true-client-ip': 'client',
  'x-client-ip': 'client',
  'x-cluster-client-ip': 'client',
  'x-originating-ip': 'client',
  'cf-connecting-ip': 'client',
  'fastly-client-ip': 'client',
  'x-proxy-id': 'proxy',
  'x-bluecoat-via': 'proxy',
} as const satisfies Record<string, 'client' | 'proxy'>;
export type ProxyHeaderName = keyof typeof NAMES;
export const PROXY_HEADERS = Object.keys(NAMES) as readonly ProxyHeaderName[];

/** True for a header that names the client a proxy forwarded for (so an address in it may be the user's). */
export const namesClient = (name: ProxyHeaderName): boolean => NAMES[name] === 'client';

const ACRONYMS = new Set(['ip', 'id', 'cf']);

/** How the header is usually written: "X-Forwarded-For", "CF-Connecting-IP". */
export function headerLabel(name: ProxyHeaderName): string {
  return name
    .split('-')
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('-');
}
