import * as v from 'valibot';
import type { Endpoint } from '../../endpoints';
import type { Outcome } from '../../model';
import { fail } from '../../model';
import { parseWith, record, text } from '../ip/parse-json';
import { collect, type Found, toFound } from './found';
import { type DnsContext, freshLabels, lookupEach, type ProviderRun } from './lookups';

/** Our server's /dns (server/): the resolvers that asked for this token's name. */
const LeaklessDns = record({
  token: text(63),
  resolvers: v.pipe(
    v.array(record({ ip: v.optional(v.unknown()), family: v.fallback(v.optional(v.picklist([4, 6])), undefined) })),
    v.maxLength(256),
  ),
});

export function parseLeaklessDns(body: string, token: string): Outcome<readonly Found[]> {
  const parsed = parseWith(body, LeaklessDns);
  if (!parsed.ok) return parsed;
  // Another token's answer (a cache, a proxy mixing responses) says nothing about this lookup.
  if (parsed.value.token !== token) return fail('bad-shape', 'token');
  return toFound(parsed.value.resolvers.map((r) => ({ ip: r.ip, family: r.family })));
}

/** N fresh `{token}` names; the server answers each with the resolvers that asked for it. */
export async function runLeaklessDns(ctx: DnsContext, endpoint: Endpoint): Promise<ProviderRun> {
  const tokens = freshLabels(ctx.names, () => ctx.deps.randomToken(32));
  const { outcomes, namesResolved } = await lookupEach(ctx, endpoint, tokens, 'application/json', parseLeaklessDns);
  return { outcome: collect(outcomes), namesResolved };
}
