import type { Outcome, PublicIp } from '../../model';
import { fail } from '../../model';
import { parsePublicIp } from '../../model/address';
import { alpha2 } from './countries';
import { meta } from './meta';
import { MAX_BODY_CHARS } from './parse-json';

const KEY = /^[a-z_]{1,32}$/;
const MAX_LINES = 64;

/** /cdn-cgi/trace: `key=value` lines (ip, loc, colo, warp, …), possibly with CRLF. First value of a key wins. */
export function parseTrace(body: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const raw of body.split('\n', MAX_LINES)) {
    const line = raw.replace(/\r$/, '');
    const eq = line.indexOf('=');
    if (eq < 1) continue;
    const key = line.slice(0, eq);
    if (KEY.test(key) && !fields.has(key)) fields.set(key, line.slice(eq + 1).slice(0, 256));
  }
  return fields;
}

// `warp=on|plus` is ignored on purpose: WARP is not a VPN exit in Mullvad's sense, and saying nothing beats guessing.
export function parseCloudflareTrace(body: string, _contentType: string, family: 4 | 6): Outcome<PublicIp> {
  if (typeof body !== 'string') return fail('bad-shape');
  if (body.length > MAX_BODY_CHARS) return fail('too-large');
  const fields = parseTrace(body);
  const raw = fields.get('ip');
  if (raw === undefined) return fail('bad-shape', 'ip');
  const ip = parsePublicIp(raw, family);
  if (!ip.ok) return ip;
  return { ok: true, value: { ip: ip.value, meta: meta({ country: alpha2(fields.get('loc')) }) } };
}
