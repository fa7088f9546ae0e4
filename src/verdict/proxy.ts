import type { CheckResults, Reason } from '../model';
import { isPublicIp } from '../model/address';
import { exits, resultOf, sameIp } from './facts';

/**
 * Headers a middlebox added on the way to our check server (the extension sends none; over HTTPS only an
 * intercepting proxy can add them). A public address in one that is not the web's address of its family is a
 * leak: every site behind such a proxy learns it. The family's exit unknown (and the family not known to be
 * absent), the address cannot be compared: it is then only one more sign of the proxy, like a header without one.
 */
export function proxyReasons(r: CheckResults): Reason[] {
  const found = resultOf(r.headers)?.headers;
  if (!found) return [];
  const web = exits(r);
  const leaks: Reason[] = [];
  const quiet: string[] = [];
  for (const header of found) {
    const revealed = header.ips.filter((ip) => {
      if (!isPublicIp(ip)) return false;
      const family = ip.includes(':') ? 6 : 4;
      const same = web.find((e) => e.family === family);
      const state = family === 4 ? r.ipv4 : r.ipv6;
      return same ? !sameIp(ip, same.ip) : state.state === 'done' && state.result.absent && web.length > 0;
    });
    for (const ip of revealed) leaks.push({ code: 'proxy-header-reveals-ip', params: [header.name, ip], severity: 'leak' });
    if (revealed.length === 0) quiet.push(header.name);
  }
  return quiet.length === 0 ? leaks : [...leaks, { code: 'proxy-on-path', params: [quiet.join(', ')], severity: 'warning' }];
}

/** Our server was asked and gave no usable echo. A build without one asks nobody: that is no unknown. */
export function proxyUnknown(r: CheckResults): boolean {
  return (
    r.headers.state === 'failed' ||
    (r.headers.state === 'done' && r.headers.result.observations.length > 0 && r.headers.result.headers === null)
  );
}
