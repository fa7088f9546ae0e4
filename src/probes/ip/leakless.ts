import * as v from 'valibot';
import type { Outcome, PublicIp } from '../../model';
import { fail } from '../../model';
import { parsePublicIp } from '../../model/address';
import { alpha2 } from './countries';
import { meta } from './meta';
import { asnNumber, cleanText, optionalText, parseWith, record, text } from './parse-json';

/**
 * What our server adds to each address it reports from its local databases (server/ipdata): each field
 * absent when it has no entry, and each dropped alone when it is not what it claims to be.
 */
export const OPERATOR_FIELDS = { country: v.optional(v.unknown()), asn: v.optional(v.unknown()), org: optionalText(200) };

export function operatorOf(r: { country?: unknown; asn?: unknown; org?: string | null | undefined }) {
  return { country: alpha2(r.country), asn: asnNumber(r.asn), organization: cleanText(r.org) };
}

/** Our own server's /ip (server/): {"ip":"…","family":4|6, "country"?, "asn"?, "org"?}. */
const LeaklessIp = record({ ip: text(64), family: v.picklist([4, 6]), ...OPERATOR_FIELDS });

export function parseLeaklessIp(body: string, _contentType: string, family: 4 | 6): Outcome<PublicIp> {
  const parsed = parseWith(body, LeaklessIp);
  if (!parsed.ok) return parsed;
  if (parsed.value.family !== family) return fail('wrong-family', `IPv${parsed.value.family}`);
  const ip = parsePublicIp(parsed.value.ip, family);
  return ip.ok ? { ok: true, value: { ip: ip.value, meta: meta(operatorOf(parsed.value)) } } : ip;
}
