import * as v from 'valibot';
import { type Endpoint, endpointById } from '../../endpoints';
import type { Outcome } from '../../model';
import { fail, ok } from '../../model';
import { alpha2 } from '../ip/countries';
import { asnNumber, cleanText, MAX_BODY_CHARS, parseWith, record } from '../ip/parse-json';
import { type Found, toFound } from './found';
import { type DnsContext, nameResolved, type ProviderRun } from './lookups';

/** The lookups only have to reach bash.ws's name server (not its web server); the HTTPS request itself is expected to fail. */
const LOOKUP_DEADLINE_MS = 3000;

/** `bashws-id` → a session id, used as a DNS label. */
export function parseBashwsId(body: string): Outcome<string> {
  if (typeof body !== 'string' || body.length > MAX_BODY_CHARS) return fail('bad-shape', 'id');
  const id = body.trim();
  return /^[a-z0-9]{1,63}$/.test(id) ? ok(id) : fail('bad-shape', 'id');
}

/** Unknown values come as `false` (macvk/dnsleaktest). */
const maybe = <T extends v.GenericSchema>(schema: T) => v.fallback(v.optional(schema), undefined);

const BashwsResult = v.pipe(
  v.array(
    record({
      ip: v.optional(v.unknown()),
      country: maybe(v.pipe(v.string(), v.maxLength(8))),
      asn: maybe(v.union([v.pipe(v.string(), v.maxLength(200)), v.number()])),
      type: maybe(v.pipe(v.string(), v.maxLength(32))),
    }),
  ),
  v.maxLength(256),
);

/** bash.ws's `asn` is text like "AS13335 Cloudflare, Inc." (or just the name): number and organisation. */
export function splitAsn(asn: string | number | undefined): { asn?: number; organization?: string } {
  if (typeof asn === 'number') {
    const n = asnNumber(asn);
    return n === undefined ? {} : { asn: n };
  }
  const text = cleanText(asn);
  if (text === undefined) return {};
  const m = /^AS(\d{1,10})\b\s*(.*)$/i.exec(text);
  if (!m) return { organization: text };
  const n = Number(m[1]);
  const organization = cleanText(m[2]);
  return { ...(n > 0 && n < 2 ** 32 ? { asn: n } : {}), ...(organization ? { organization } : {}) };
}

/** `?json` rows of type ip/dns/conclusion; only 'dns' rows are resolvers. */
export function parseBashwsResult(body: string): Outcome<readonly Found[]> {
  const parsed = parseWith(body, BashwsResult);
  if (!parsed.ok) return parsed;
  const rows = parsed.value.filter((r) => r.type === 'dns');
  return toFound(rows.map((r) => ({ ip: r.ip, country: alpha2(r.country), ...splitAsn(r.asn) })));
}

/** id → N lookups of `{n}.{id}` → the result page for that id. */
export async function runBashws(ctx: DnsContext, result: Endpoint): Promise<ProviderRun> {
  const { deps, deadlineMs, signal } = ctx;
  const idEndpoint = endpointById(deps.registry, 'bashws-id');
  const lookup = endpointById(deps.registry, 'bashws-lookup');
  if (!idEndpoint || !lookup) return { outcome: fail('internal', 'registry'), namesResolved: 0 };

  const idRes = await deps.gate.get({ endpoint: idEndpoint, accept: 'text/plain', deadlineMs, signal });
  if (!idRes.ok) return { outcome: { ok: false, problem: idRes.problem }, namesResolved: 0 };
  const id = parseBashwsId(idRes.body);
  if (!id.ok) return { outcome: id, namesResolved: 0 };

  const short = Math.min(deadlineMs, LOOKUP_DEADLINE_MS);
  const lookups = await Promise.all(
    Array.from({ length: ctx.names }, (_, i) =>
      deps.gate.get({ endpoint: lookup, values: { n: String(i + 1), id: id.value }, deadlineMs: short, signal }),
    ),
  );
  const namesResolved = lookups.filter(nameResolved).length;

  const res = await deps.gate.get({ endpoint: result, values: { id: id.value }, accept: 'application/json', deadlineMs, signal });
  return { outcome: res.ok ? parseBashwsResult(res.body) : { ok: false, problem: res.problem }, namesResolved };
}
