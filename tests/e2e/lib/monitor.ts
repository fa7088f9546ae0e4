// Shared by the monitoring e2e tests (issue 11): scenarios where the VPN's IPv4 drops and comes back, the
// settings that make the fakes' answers the ones checked, and page functions run in an extension page.
import type { Scenario } from '../world/scenario';

const VPN = { countryCode: 'SE', countryName: 'Sweden', city: 'Stockholm', organization: 'Tunnel VPN AB', asn: 64510, vpnExit: true };
const HOME = { countryCode: 'DE', countryName: 'Germany', city: 'Berlin', organization: 'Example Telecom', asn: 64500, vpnExit: false };
export const VPN_V4 = '185.213.154.23';
export const HOME_V4 = '84.171.20.99';
const VPN_V6 = '2a0d:5600:ff::5';

/** Both families through the VPN, its resolver answering: no leak. */
export const VPN_ON: Scenario = {
  name: 'monitor vpn on',
  v4: { ip: VPN_V4, meta: VPN },
  v6: { ip: VPN_V6, meta: VPN },
  resolvers: [{ ip: '185.213.154.53', meta: VPN }],
  stunReveals: null,
};

/** The VPN's IPv4 drops: the home address shows, while IPv6 still leaves through the VPN — a leak. */
export const VPN_DROPPED: Scenario = { ...VPN_ON, name: 'monitor vpn dropped', v4: { ip: HOME_V4, meta: HOME } };

/** Mullvad's fakes answer with the scenario's addresses (the check server would answer the real ones). */
export const MONITOR_SETTINGS = {
  ipv4: ['mullvad-ipv4'],
  ipv6: ['mullvad-ipv6'],
  dns: ['mullvad-dns'],
  webrtc: [],
  securedns: [],
  dnsNames: 6,
  deadlineMs: 5000,
};

// Page functions: each takes one JSON argument and returns a promise; run with MonitorPage.run. Each is
// self-contained (it is sent to the page as source): `api` is the page's browser.* (Firefox) or chrome.*.
/* biome-ignore-start lint/suspicious/noExplicitAny: the page's own API namespace, untyped here */
export const pageFns = {
  setLocal: (items: Record<string, unknown>) => ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.set(items),
  getLocal: (keys: string[] | null) => ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.get(keys),
  fire: (trigger: string) =>
    ((globalThis as any).browser ?? (globalThis as any).chrome).runtime.sendMessage({ type: 'test:monitor-trigger', trigger }),
  badge: (_: null) => {
    const a = ((globalThis as any).browser ?? (globalThis as any).chrome).action;
    return Promise.all([a.getBadgeText({}), a.getTitle({})]);
  },
  alarms: (_: null) => {
    const a = ((globalThis as any).browser ?? (globalThis as any).chrome).alarms;
    return a ? a.getAll() : Promise.resolve([]);
  },
  ledger: (_: null) =>
    ((globalThis as any).browser ?? (globalThis as any).chrome).storage.session
      .get('audit:ledger')
      .then((r: any) => r['audit:ledger'] ?? []),
  notifications: (_: null) => {
    const n = ((globalThis as any).browser ?? (globalThis as any).chrome).notifications;
    return n ? n.getAll() : Promise.resolve({});
  },
  observed: (_: null) => ((globalThis as any).browser ?? (globalThis as any).chrome).runtime.sendMessage({ type: 'audit:observed' }),
} as const;
/* biome-ignore-end lint/suspicious/noExplicitAny: as above */

export type PageFn = keyof typeof pageFns;

/** An extension page to run the page functions in, in either browser. */
export interface MonitorPage {
  // biome-ignore lint/suspicious/noExplicitAny: whatever the page's API answered
  run<K extends PageFn>(fn: K, arg: Parameters<(typeof pageFns)[K]>[0]): Promise<any>;
}

/** For Firefox (BiDi evaluates strings): the function's source, called with its argument. */
export const asExpression = (fn: (arg: never) => unknown, arg: unknown) =>
  `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;

export interface HistoryRow {
  time: number;
  trigger: string;
  level: string;
  changes: unknown[];
  notification?: { title: string; message: string };
}

export async function history(page: MonitorPage): Promise<HistoryRow[]> {
  return ((await page.run('getLocal', ['monitorHistory'])) as { monitorHistory?: HistoryRow[] }).monitorHistory ?? [];
}

/** Polls `read` until `ok` (bounded): the background settles a storage change on its own time. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, tries = 100): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: last ${JSON.stringify(last)}`);
}
