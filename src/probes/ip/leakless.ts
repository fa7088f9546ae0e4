import * as v from 'valibot';
import type { Outcome, PublicIp } from '../../model';
import { fail } from '../../model';
import { parsePublicIp } from '../../model/address';
import { parseWith, record, text } from './parse-json';

/** Our own server's /ip (server/): {"ip":"…","family":4|6}. */
const LeaklessIp = record({ ip: text(64), family: v.picklist([4, 6]) });

export function parseLeaklessIp(body: string, _contentType: string, family: 4 | 6): Outcome<PublicIp> {
  const parsed = parseWith(body, LeaklessIp);
  if (!parsed.ok) return parsed;
  if (parsed.value.family !== family) return fail('wrong-family', `IPv${parsed.value.family}`);
  const ip = parsePublicIp(parsed.value.ip, family);
  return ip.ok ? { ok: true, value: { ip: ip.value, meta: {} } } : ip;
}
