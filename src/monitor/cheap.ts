// The cheap check: one IPv4 and one IPv6 answer, from the first enabled provider of each family, through the
// same gate and ledger as every other request. Two requests; nothing else.
import type { IpResult, ProbeState, Settings } from '../model';
import type { ProbeDeps } from '../probes/deps';
import { probeIp } from '../probes/ip';
import { type CheapResult, familyView } from './change';
import { ipOnlyLeaks } from './verdict';

/** The settings of a cheap check: the first provider of each IP family, nothing else. */
export function cheapSettings(settings: Settings): Settings {
  return { ...settings, ipv4: settings.ipv4.slice(0, 1), ipv6: settings.ipv6.slice(0, 1), dns: [], webrtc: [], securedns: [], headers: [] };
}

export async function runCheapCheck(deps: ProbeDeps, settings: Settings, signal?: AbortSignal): Promise<CheapResult> {
  const one = cheapSettings(settings);
  const [v4, v6] = await Promise.all([probeIp(deps, one, 4, signal), probeIp(deps, one, 6, signal)]);
  const ipv4: ProbeState<IpResult> = { state: 'done', result: v4 };
  const ipv6: ProbeState<IpResult> = { state: 'done', result: v6 };
  return {
    v4: one.ipv4.length === 0 ? null : familyView(ipv4, 4),
    // No IPv6 provider enabled: the user chose not to watch IPv6, which is then as good as absent.
    v6: one.ipv6.length === 0 ? 'absent' : familyView(ipv6, 6),
    leaks: ipOnlyLeaks({ ipv4, ipv6 }),
  };
}
