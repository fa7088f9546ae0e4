import * as v from 'valibot';
import { endpointsFor, type Registry } from '../endpoints';
import { DEADLINE_MS, DNS_NAME_COUNTS, DNS_NAMES, type Settings } from '../model';

type ListKey = 'ipv4' | 'ipv6' | 'dns' | 'webrtc' | 'securedns' | 'headers';

/** The DNS endpoints that name a provider in the options (lookups and session ids come along with them). */
const DNS_PROVIDER_IDS = ['leakless-dns', 'mullvad-dns', 'bashws-result'];

const has = (registry: Registry, id: string) => registry.endpoints.some((e) => e.id === id);
const selfHostedFirst = <T extends { provider: string }>(list: T[]) =>
  [...list].sort((a, b) => Number(b.provider === 'leakless') - Number(a.provider === 'leakless'));

/** Endpoint ids a user may enable for each probe, in the order the options page lists them. */
export function settingChoices(registry: Registry): Record<ListKey, string[]> {
  const ids = (probe: ListKey, transport: string) =>
    selfHostedFirst(endpointsFor(registry, probe).filter((e) => e.transport === transport)).map((e) => e.id);
  return {
    ipv4: ids('ipv4', 'https'),
    ipv6: ids('ipv6', 'https'),
    dns: DNS_PROVIDER_IDS.filter((id) => has(registry, id)),
    webrtc: ids('webrtc', 'stun'),
    securedns: ids('securedns', 'dns'),
    headers: ids('headers', 'https'),
  };
}

/** The first id this build has: the check server's own endpoint when one is compiled in. */
const firstPresent = (registry: Registry, ids: string[]) => ids.filter((id) => has(registry, id)).slice(0, 1);

export function defaultSettings(registry: Registry): Settings {
  const choices = settingChoices(registry);
  return {
    ipv4: choices.ipv4,
    ipv6: choices.ipv6,
    dns: choices.dns,
    // One STUN server and one whoami name: each extra one is another third party that sees the user.
    webrtc: firstPresent(registry, ['leakless-stun', 'cloudflare-stun']),
    securedns: firstPresent(registry, ['leakless-whoami', 'akamai-whoami']),
    headers: choices.headers,
    dnsNames: DNS_NAME_COUNTS.quick,
    deadlineMs: DEADLINE_MS.default,
  };
}

const IdList = v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(64));
const DnsNames = v.picklist(DNS_NAMES);
const Deadline = v.pipe(v.number(), v.finite());
const Stored = v.record(v.string(), v.unknown());

/**
 * Settings as read back from storage: each field is checked on its own, so one corrupt field falls back to its
 * default without losing the others. Ids this build does not know are dropped; a list left with none of its ids
 * (say, saved by a build with a check server) falls back to the default rather than silently turning a probe off.
 */
export function sanitizeSettings(input: unknown, registry: Registry): Settings {
  const defaults = defaultSettings(registry);
  const stored = v.safeParse(Stored, input);
  if (!stored.success) return defaults;
  const raw = stored.output;
  const choices = settingChoices(registry);

  const list = (key: ListKey): readonly string[] => {
    const parsed = v.safeParse(IdList, raw[key]);
    if (!parsed.success) return defaults[key];
    const known = [...new Set(parsed.output.filter((id) => choices[key].includes(id)))];
    return known.length === 0 && parsed.output.length > 0 ? defaults[key] : known;
  };
  const dnsNames = v.safeParse(DnsNames, raw.dnsNames);
  const deadline = v.safeParse(Deadline, raw.deadlineMs);

  return {
    ipv4: list('ipv4'),
    ipv6: list('ipv6'),
    dns: list('dns'),
    webrtc: list('webrtc'),
    securedns: list('securedns'),
    headers: list('headers'),
    dnsNames: dnsNames.success ? dnsNames.output : defaults.dnsNames,
    deadlineMs: deadline.success ? Math.round(Math.min(DEADLINE_MS.max, Math.max(DEADLINE_MS.min, deadline.output))) : defaults.deadlineMs,
  };
}
