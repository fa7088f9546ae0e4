import { type CheckResults, isFinal, type Reason, type ReasonCode } from '../model';
import { canonicalIp, isPublicIp, subnetContains } from '../model/address';
import {
  exits,
  ipUnknown,
  networksComparable,
  networksDiffer,
  otherCountry,
  otherOperator,
  resultOf,
  sameIp,
  sameOperator,
  upperCountry,
} from './facts';
import { proxyUnknown } from './proxy';

const leak = (code: ReasonCode, params: string[]): Reason => ({ code, params, severity: 'leak' });
const warning = (code: ReasonCode, params: string[]): Reason => ({ code, params, severity: 'warning' });
const info = (code: ReasonCode, params: string[] = []): Reason => ({ code, params, severity: 'info' });

/** WebRTC addresses a page can read but the web does not show. */
export function webRtcReasons(r: CheckResults): Reason[] {
  const rtc = resultOf(r.webrtc);
  if (rtc?.status !== 'ok') return [];
  const web = exits(r);
  const reasons: Reason[] = [];
  for (const raw of rtc.publicIps) {
    const ip = canonicalIp(raw);
    if (!ip) continue;
    const family = ip.includes(':') ? 6 : 4;
    const same = web.find((e) => e.family === family);
    const familyState = family === 4 ? r.ipv4 : r.ipv6;
    if (same) {
      if (!sameIp(ip, same.ip)) reasons.push(leak('webrtc-reveals-other-ip', [ip, same.ip]));
    } else if (familyState.state === 'done' && familyState.result.absent && web[0]) {
      // The web has no address of this family at all (say, a VPN that blocks IPv6), yet WebRTC shows one.
      reasons.push(leak('webrtc-reveals-other-ip', [ip, web[0].ip]));
    } else {
      reasons.push(warning('webrtc-reveals-ip-no-web-ip', [ip]));
    }
  }
  return reasons;
}

/** The classic VPN that tunnels only IPv4: IPv6 leaves through another network. */
export function ipv6Reasons(r: CheckResults): Reason[] {
  const web = exits(r);
  const v4 = web.find((e) => e.family === 4);
  const v6 = web.find((e) => e.family === 6);
  if (!v4 || !v6) return [];
  // Without a fact on both sides the two cannot be compared: say so rather than imply they match.
  if (!networksComparable(v6.meta, v4.meta)) return [warning('ipv6-uncompared', [v6.ip])];
  if (!networksDiffer(v6.meta, v4.meta)) return [];
  return [leak('ipv6-other-network', [v6.meta.organization ?? v6.ip, v4.meta.organization ?? v4.ip])];
}

/**
 * Resolvers outside the exit's network. Conservative on purpose (macvk/dnsleaktest#24): a resolver of the same
 * operator as any exit is never a leak, and a claim needs a different country or both a different ASN and name.
 */
export function dnsReasons(r: CheckResults): Reason[] {
  const dns = resultOf(r.dns);
  const web = exits(r);
  const primary = web[0];
  if (!dns || !primary) return [];
  const reasons: Reason[] = [];
  for (const resolver of dns.resolvers) {
    if (web.some((e) => sameIp(e.ip, resolver.ip) || sameOperator(resolver, e.meta))) continue;
    const countryExit = web.find((e) => e.meta.country !== undefined);
    if (countryExit && web.every((e) => e.meta.country === undefined || otherCountry(resolver, e.meta))) {
      reasons.push(
        leak('dns-other-country', [resolver.ip, upperCountry(resolver.country) ?? '', upperCountry(countryExit.meta.country) ?? '']),
      );
    } else if (otherOperator(resolver, primary.meta)) {
      reasons.push(leak('dns-other-organization', [resolver.ip, resolver.organization ?? '', primary.meta.organization ?? '']));
    }
  }
  return [...reasons, ...ecsReasons(r).filter((reason) => reason.severity === 'leak')];
}

/**
 * EDNS Client Subnet: what a resolver tells every authoritative server about where the user is. A public subnet
 * that holds no exit of its family is a leak (the web would not see it); one holding the exit is information.
 * A private subnet says nothing about the user's network. Without an exit of that family, and the family not
 * known to be absent, nothing can be compared: ip-unknown already says so.
 */
export function ecsReasons(r: CheckResults): Reason[] {
  const dns = resultOf(r.dns);
  const web = exits(r);
  if (!dns || web.length === 0) return [];
  const reasons: Reason[] = [];
  for (const resolver of dns.resolvers) {
    const subnet = resolver.ecs;
    if (!subnet) continue;
    const base = subnet.slice(0, subnet.indexOf('/'));
    if (!isPublicIp(base)) continue;
    const family = base.includes(':') ? 6 : 4;
    const same = web.find((e) => e.family === family);
    const familyState = family === 4 ? r.ipv4 : r.ipv6;
    if (same && subnetContains(subnet, same.ip)) reasons.push(info('dns-ecs-exit', [subnet, resolver.ip]));
    else if (same || (familyState.state === 'done' && familyState.result.absent))
      reasons.push(leak('dns-ecs-other-network', [subnet, resolver.ip]));
  }
  return reasons;
}

export function warningReasons(r: CheckResults): Reason[] {
  const reasons: Reason[] = [];
  const rtc = resultOf(r.webrtc);
  // Only when gathered as pages are: a privileged view (Chromium's extension pages) is only info, below.
  if (rtc?.status === 'ok' && rtc.hostView === 'pages' && rtc.localIps.length > 0) {
    reasons.push(warning('local-ips-exposed', [rtc.localIps.join(', ')]));
  }

  // Not a leak (nothing about the user is revealed), but forged answers for any site would be believed.
  // "Can't tell" (null) gives no reason at all: the verdict never claims anything about DNSSEC it did not see.
  if (resultOf(r.dns)?.dnssec?.validates === false) reasons.push(warning('dnssec-not-validated', []));

  const country = upperCountry(exits(r).find((e) => e.meta.country !== undefined)?.meta.country);
  const locale = resultOf(r.locale);
  if (country && locale && locale.timeZoneCountries.length > 0 && !locale.timeZoneCountries.includes(country)) {
    reasons.push(warning('timezone-mismatch', [locale.timeZone, country]));
  }

  for (const [family, state] of [
    ['4', r.ipv4],
    ['6', r.ipv6],
  ] as const) {
    const result = resultOf(state);
    if (!result?.disagreement) continue;
    const ips = new Set(result.observations.flatMap((o) => (o.outcome.ok ? [o.outcome.value.ip] : [])));
    reasons.push(warning('providers-disagree', [family, [...ips].join(', ')]));
  }
  return reasons;
}

/** What could not be learnt; pending probes are not-yet-known, not unknown. */
export function unknownReasons(r: CheckResults): Reason[] {
  const reasons: Reason[] = [];
  if (ipUnknown(r.ipv4)) reasons.push(warning('ip-unknown', ['4']));
  if (ipUnknown(r.ipv6)) reasons.push(warning('ip-unknown', ['6']));
  const ipSettled = isFinal(r.ipv4) && isFinal(r.ipv6);
  if (ipSettled && reasons.length === 0 && exits(r).length === 0) reasons.push(warning('ip-unknown', ['4']));
  if (dnsUnknown(r)) reasons.push(warning('dns-unknown', []));
  if (r.webrtc.state === 'failed') reasons.push(warning('webrtc-unknown', []));
  if (proxyUnknown(r)) reasons.push(warning('proxy-headers-unknown', []));
  return reasons;
}

export function dnsUnknown(r: CheckResults): boolean {
  return r.dns.state === 'failed' || (r.dns.state === 'done' && r.dns.result.resolvers.length === 0);
}

export function infoReasons(r: CheckResults): Reason[] {
  const reasons: Reason[] = [];
  const rtc = resultOf(r.webrtc);
  if (rtc?.status === 'disabled') reasons.push(info('webrtc-disabled'));
  // Chromium shows ordinary pages only mDNS names; sites granted camera or microphone see the real addresses.
  if (rtc?.status === 'ok' && rtc.hostView === 'privileged' && rtc.localIps.length > 0) {
    reasons.push(info('local-ips-permitted-sites', [rtc.localIps.join(', ')]));
  }
  reasons.push(...ecsReasons(r).filter((reason) => reason.severity === 'info'));
  if (resultOf(r.securedns)?.isTRR === true) reasons.push(info('securedns-on'));
  // Only Mullvad's answer carries this flag today.
  if (resultOf(r.ipv4)?.meta.vpnExit === true) reasons.push(info('vpn-exit', ['Mullvad']));
  return reasons;
}
