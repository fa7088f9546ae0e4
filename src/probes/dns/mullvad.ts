import * as v from 'valibot';
import type { Endpoint } from '../../endpoints';
import type { Outcome } from '../../model';
import { countryCode } from '../ip/countries';
import { cleanText, optionalText, parseWith, record } from '../ip/parse-json';
import { bytesFromTokens, uuidV4 } from '../tokens';
import { collect, type Found, toFound } from './found';
import { type DnsContext, freshLabels, lookupEach, type ProviderRun } from './lookups';

/** `mullvad-dns` with a fresh UUID label → [{ip, hostname, mullvad_dns, mullvad_dns_hostname, country, organization}]. */
const MullvadDns = v.pipe(
  v.array(record({ ip: v.optional(v.unknown()), country: optionalText(100), organization: optionalText(200) })),
  v.maxLength(256),
);

export function parseMullvadDns(body: string): Outcome<readonly Found[]> {
  const parsed = parseWith(body, MullvadDns);
  if (!parsed.ok) return parsed;
  return toFound(
    parsed.value.map((r) => ({ ip: r.ip, country: countryCode(cleanText(r.country)), organization: cleanText(r.organization) })),
  );
}

/** N fresh UUID names, as Mullvad's own extension does (useCheckDnsLeaks.ts). */
export async function runMullvadDns(ctx: DnsContext, endpoint: Endpoint): Promise<ProviderRun> {
  const bytes = bytesFromTokens((n) => ctx.deps.randomToken(n));
  const names = freshLabels(ctx.names, () => uuidV4(bytes));
  const { outcomes, namesResolved } = await lookupEach(ctx, endpoint, names, 'application/json', (body) => parseMullvadDns(body));
  return { outcome: collect(outcomes), namesResolved };
}
