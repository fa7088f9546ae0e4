import type { Outcome, PublicIp } from '../../model';
import { parsePublicIp } from '../../model/address';
import { parseWith, record, text } from './parse-json';

/** `ipify-ipv4`/`-ipv6` with format=json → {"ip":"…"} (rdegges/ipify-api). */
const IpifyIp = record({ ip: text(64) });

export function parseIpifyIp(body: string, _contentType: string, family: 4 | 6): Outcome<PublicIp> {
  const parsed = parseWith(body, IpifyIp);
  if (!parsed.ok) return parsed;
  const ip = parsePublicIp(parsed.value.ip, family);
  return ip.ok ? { ok: true, value: { ip: ip.value, meta: {} } } : ip;
}
