import * as v from 'valibot';
import type { Endpoint } from '../../endpoints';
import type { Outcome } from '../../model';
import { fail } from '../../model';
import { OPERATOR_FIELDS, operatorOf } from '../ip/leakless';
import { parseWith, record, text } from '../ip/parse-json';
import { collect, type Found, toFound } from './found';
import { type DnsContext, freshLabels, nameResolved, type ProviderRun } from './lookups';

/** Our server's /dns (server/): the resolvers that asked for this token's name, each with the ECS it forwarded and its operator. */
const LeaklessDns = record({
  token: text(63),
  resolvers: v.pipe(
    v.array(
      record({
        ip: v.optional(v.unknown()),
        family: v.fallback(v.optional(v.picklist([4, 6])), undefined),
        ecs: v.optional(v.unknown()),
        ...OPERATOR_FIELDS,
      }),
    ),
    v.maxLength(256),
  ),
});

export function parseLeaklessDns(body: string, token: string): Outcome<readonly Found[]> {
  const parsed = parseWith(body, LeaklessDns);
  if (!parsed.ok) return parsed;
  // Another token's answer (a cache, a proxy mixing responses) says nothing about this lookup.
  if (parsed.value.token !== token) return fail('bad-shape', 'token');
  return toFound(parsed.value.resolvers.map((r) => ({ ip: r.ip, family: r.family, ecs: r.ecs, ...operatorOf(r) })));
}

/**
 * The name resolved for a read secret (server/secret.ts computes the same): only this label is seen in
 * DNS and in the TLS server name, and it does not give the secret away, so it is not enough to read the result.
 */
export async function labelFor(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`leakless-dns-label-v1:${secret}`));
  return Array.from(new Uint8Array(digest).subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** N fresh secrets; resolving each one's label makes the server note the resolvers, read back with the secret inside TLS. */
export async function runLeaklessDns(ctx: DnsContext, endpoint: Endpoint): Promise<ProviderRun> {
  const secrets = freshLabels(ctx.names, () => ctx.deps.randomToken(32));
  const labels = await Promise.all(secrets.map(labelFor));
  const responses = await Promise.all(
    secrets.map((token, i) =>
      ctx.deps.gate.get({
        endpoint,
        values: { token, label: labels[i] ?? '' },
        accept: 'application/json',
        deadlineMs: ctx.deadlineMs,
        signal: ctx.signal,
      }),
    ),
  );
  const outcomes = responses.map((res, i) =>
    res.ok ? parseLeaklessDns(res.body, secrets[i] ?? '') : { ok: false as const, problem: res.problem },
  );
  return { outcome: collect(outcomes), namesResolved: responses.filter(nameResolved).length };
}
