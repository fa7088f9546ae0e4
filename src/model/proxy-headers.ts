// Proxy headers: the request headers a middlebox adds on the way, which our check server echoes (GET /headers).
// The one list of their names: the server echoes exactly these (server/headers.ts imports it), the extension reads them.
// Imported by path, like address.ts: the popup has no use for the list, and the server loads it with no imports.

/** Lower case, as HTTP/2 and node write them. The extension sends none of them. */
export const PROXY_HEADERS = [
  'via',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
  'client-ip',
  'true-client-ip',
  'x-client-ip',
  'x-cluster-client-ip',
  'x-originating-ip',
  'cf-connecting-ip',
  'fastly-client-ip',
  'x-proxy-id',
  'x-bluecoat-via',
] as const;
export type ProxyHeaderName = (typeof PROXY_HEADERS)[number];

const ACRONYMS = new Set(['ip', 'id', 'cf']);

/** How the header is usually written: "X-Forwarded-For", "CF-Connecting-IP". */
export function headerLabel(name: ProxyHeaderName): string {
  return name
    .split('-')
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('-');
}
