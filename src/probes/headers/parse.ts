import * as v from 'valibot';
import { fail, MAX_HEADER_VALUE, type Outcome, ok, type ProxyHeader, plainText } from '../../model';
import { headerLabel, PROXY_HEADERS, type ProxyHeaderName } from '../../model/proxy-headers';
import { parseWith, record, text } from '../ip/parse-json';
import { clientAddresses } from './addresses';

const KNOWN: ReadonlySet<string> = new Set(PROXY_HEADERS);

/**
 * Our server's GET /headers: {"ip": "…", "headers": [{"name": "via", "value": "…"}, …]}. It echoes each listed
 * header at most once, cut at MAX_HEADER_VALUE: more entries, or a longer value, did not come from it.
 */
const Echo = record({
  headers: v.pipe(v.array(record({ name: text(64), value: text(MAX_HEADER_VALUE) })), v.maxLength(PROXY_HEADERS.length)),
});

/**
 * The headers added on the way. A name this build does not know is ignored (a newer server may echo more than
 * this build can read), a repeated one too; a value is shown as plain text, and one that is empty then is dropped.
 */
export function parseHeadersEcho(body: string): Outcome<readonly ProxyHeader[]> {
  const parsed = parseWith(body, Echo);
  if (!parsed.ok) return parsed;
  const seen = new Set<string>();
  const out: ProxyHeader[] = [];
  for (const { name: raw, value: rawValue } of parsed.value.headers) {
    const name = raw.toLowerCase();
    const value = plainText(rawValue, MAX_HEADER_VALUE);
    if (!KNOWN.has(name) || seen.has(name) || value === '') continue;
    seen.add(name);
    const known = name as ProxyHeaderName;
    out.push({ name: headerLabel(known), value, ips: clientAddresses(known, value) });
  }
  return ok(out);
}

/** A parser bug must cost this line, not the probe. */
export function safeParseHeaders(body: string): Outcome<readonly ProxyHeader[]> {
  try {
    return parseHeadersEcho(body);
  } catch {
    return fail('internal', 'parser');
  }
}
