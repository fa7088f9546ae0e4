import type { Outcome, PublicIp } from '../../model';
import { parsePublicIp } from '../../model/address';
import { countryCode } from './countries';
import { meta } from './meta';
import { cleanText, optionalBoolean, optionalText, parseWith, record, text } from './parse-json';

/** Mullvad's connection check, `mullvad-ipv4`/`-ipv6` (shape from mullvad/browser-extension `connCheck.types.ts`); other fields are ignored. */
const MullvadIp = record({
  ip: text(64),
  country: optionalText(100),
  city: optionalText(100),
  organization: optionalText(200),
  mullvad_exit_ip: optionalBoolean,
});

export function parseMullvadIp(body: string, _contentType: string, family: 4 | 6): Outcome<PublicIp> {
  const parsed = parseWith(body, MullvadIp);
  if (!parsed.ok) return parsed;
  const ip = parsePublicIp(parsed.value.ip, family);
  if (!ip.ok) return ip;
  const { country, city, organization, mullvad_exit_ip } = parsed.value;
  return {
    ok: true,
    value: {
      ip: ip.value,
      meta: meta({
        country: countryCode(cleanText(country)),
        city: cleanText(city),
        organization: cleanText(organization),
        vpnExit: mullvad_exit_ip,
      }),
    },
  };
}
