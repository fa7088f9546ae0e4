import type { IpMeta } from '../../model';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** IpMeta without the keys nobody said anything about (so `toEqual` and the popup see only real values). */
export function meta(parts: { [K in keyof IpMeta]?: IpMeta[K] | undefined }): IpMeta {
  const out: Mutable<IpMeta> = {};
  if (parts.country !== undefined) out.country = parts.country;
  if (parts.city !== undefined) out.city = parts.city;
  if (parts.organization !== undefined) out.organization = parts.organization;
  if (parts.asn !== undefined) out.asn = parts.asn;
  if (parts.vpnExit !== undefined) out.vpnExit = parts.vpnExit;
  return out;
}

/** First non-empty value per field wins (providers come in the user's order); vpnExit is true if anyone says so. */
export function mergeMeta(all: readonly IpMeta[]): IpMeta {
  const said = all.map((m) => m.vpnExit).filter((x): x is boolean => x !== undefined);
  return meta({
    country: all.find((m) => m.country)?.country,
    city: all.find((m) => m.city)?.city,
    organization: all.find((m) => m.organization)?.organization,
    asn: all.find((m) => m.asn !== undefined)?.asn,
    vpnExit: said.length === 0 ? undefined : said.includes(true),
  });
}
