import type { ProviderId } from '../../endpoints';
import type { Outcome, PublicIp } from '../../model';
import { fail } from '../../model';
import { parseCloudflareTrace } from './cloudflare';
import { parseIpifyIp } from './ipify';
import { parseLeaklessIp } from './leakless';
import { parseMullvadIp } from './mullvad';

/** A pure parser of one provider's answer. */
export type IpParser = (body: string, contentType: string, family: 4 | 6) => Outcome<PublicIp>;

export interface IpAdapter {
  readonly accept: string;
  readonly parse: IpParser;
}

export const IP_ADAPTERS: Partial<Readonly<Record<ProviderId, IpAdapter>>> = {
  mullvad: { accept: 'application/json', parse: parseMullvadIp },
  ipify: { accept: 'application/json', parse: parseIpifyIp },
  cloudflare: { accept: 'text/plain', parse: parseCloudflareTrace },
  leakless: { accept: 'application/json', parse: parseLeaklessIp },
};

/** A parser bug must cost one line of the result, not the probe. */
export function safeParse(parse: IpParser, body: string, contentType: string, family: 4 | 6): Outcome<PublicIp> {
  try {
    return parse(body, contentType, family);
  } catch {
    return fail('internal', 'parser');
  }
}
