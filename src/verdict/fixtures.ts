// Test fixtures (used by the verdict tests only): a clean VPN check, and builders to change one fact at a time.
import {
  type CheckResults,
  type DnsResult,
  type IpMeta,
  type IpResult,
  type ProbeState,
  type ProblemCode,
  type Resolver,
  resultSoFar as resultOf,
  type WebRtcResult,
} from '../model';

export const pending = { state: 'pending' } as const;
export const done = <T>(result: T): ProbeState<T> => ({ state: 'done', result });
/** A final state made provisional: the same answers, with these endpoints still out. */
export function partial<T>(state: ProbeState<T>, waiting: readonly string[] = ['cloudflare-ipv4']): ProbeState<T> {
  if (state.state !== 'done') throw new Error('partial() takes a done state');
  return { state: 'partial', result: state.result, answered: 1, waiting };
}
export const failed = (code: ProblemCode = 'timeout') => ({ state: 'failed', problem: { code } }) as const;

export function ip(family: 4 | 6, address: string | null, meta: IpMeta = {}, extra: Partial<IpResult> = {}): ProbeState<IpResult> {
  return done({ family, observations: [], ip: address, disagreement: false, absent: false, meta, ...extra });
}
export const absent = (family: 4 | 6) => ip(family, null, {}, { absent: true });

export const resolver = (address: string, meta: Partial<Resolver> = {}): Resolver => ({ ip: address, seenBy: ['mullvad-dns'], ...meta });
export const dns = (...resolvers: Resolver[]) => done({ observations: [], resolvers, namesResolved: 6 });
/** A DNS result with the DNSSEC check's answer (validates: true / false / null = can't tell); the clean resolver by default. */
export const dnssec = (validates: boolean | null, ...resolvers: Resolver[]): ProbeState<DnsResult> =>
  done({
    ...(resultOf(resolvers.length ? dns(...resolvers) : CLEAN.dns) as DnsResult),
    dnssec: validates === null ? { validates, problem: { code: 'timeout' } } : { validates },
  });

export function webrtc(result: Partial<WebRtcResult> = {}): ProbeState<WebRtcResult> {
  return done({ status: 'ok', publicIps: [], localIps: [], mdnsMasked: 0, hostView: 'pages', observations: [], ...result });
}

export const locale = (timeZone: string, timeZoneCountries: string[]) => done({ timeZone, timeZoneCountries, languages: ['en-US'] });

export const EXIT4 = '185.65.135.10';
export const EXIT6 = '2a03:1b20:3:f011::a10f';
export const M247: IpMeta = { country: 'CH', organization: 'M247 Europe SRL', asn: 9009 };

/** Connected through a VPN that tunnels IPv4 only and blocks IPv6; nothing leaks. */
export const CLEAN: CheckResults = {
  ipv4: ip(4, EXIT4, { ...M247, city: 'Zurich' }),
  ipv6: absent(6),
  dns: dns(resolver('185.65.135.1', { country: 'CH', organization: 'M247 Europe SRL', asn: 9009 })),
  webrtc: webrtc({ publicIps: [EXIT4], mdnsMasked: 1 }),
  securedns: done({ available: false, observations: [], isTRR: null, resolverIps: [] }),
  headers: done({ observations: [], headers: null }),
  locale: locale('Europe/Zurich', ['CH']),
};
