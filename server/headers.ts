// The proxy headers a request arrived with, for GET /headers: the extension sends none of them, so any one here
// was added on the way (a transparent or TLS-intercepting proxy). Only the fixed list the extension reads
// (src/model/proxy-headers.ts) is ever echoed — never cookies, authorization or anything else a request may
// carry — and each value is cut short.
import { PROXY_HEADERS, type ProxyHeaderName } from '../src/model/proxy-headers.ts';
import { MAX_HEADER_VALUE } from '../src/model/results.ts';

export interface EchoedHeader {
  name: ProxyHeaderName;
  value: string;
}

/**
 * The allowlisted headers, in list order. Behind a trusted proxy (--trust-proxy) the hop it appended to
 * X-Forwarded-For is its own, not a middlebox on the user's path, and is removed; the rest is reported as received.
 */
export function proxyHeaders(headers: Readonly<Record<string, string | string[] | undefined>>, viaTrustedProxy: boolean): EchoedHeader[] {
  const out: EchoedHeader[] = [];
  for (const name of PROXY_HEADERS) {
    const raw = headers[name];
    if (raw === undefined) continue;
    let value = (Array.isArray(raw) ? raw.join(', ') : raw).trim();
    if (name === 'x-forwarded-for' && viaTrustedProxy) {
      const hops = value.split(',');
      hops.pop();
      value = hops.join(',').trim();
    }
    if (value !== '') out.push({ name, value: value.slice(0, MAX_HEADER_VALUE) });
  }
  return out;
}
