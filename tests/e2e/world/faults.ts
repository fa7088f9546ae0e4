// Faults the world can inject, per endpoint: what a broken provider, a captive portal or a dying network does
// to the extension's requests. The scenario names them (Scenario.faults); the HTTPS fakes, the front of the
// check server, the DNS shim and the STUN responders all consult the same table through faultFor().
import { ZONE } from './addresses';

export type Fault =
  /** The connection is closed without a single byte of answer. */
  | 'refuse'
  /** The request is accepted and never answered. */
  | 'hang'
  | 'status500'
  | 'status429'
  /** 200 with a JSON body cut off in the middle. */
  | 'invalid-json'
  /** 200 with valid JSON whose fields are missing or of the wrong type. */
  | 'wrong-shape'
  /** 200 with a 10 MB body, streamed. */
  | 'huge'
  /** 200 with a captive portal's HTML login page. */
  | 'captive'
  /** 200, then one byte every DRIP_EVERY_MS until long past any deadline. */
  | 'drip'
  /** An address of the other family, in the provider's own format. */
  | 'wrong-family'
  /** NXDOMAIN for the endpoint's leak-test names (DNS only; the endpoint's fixed names still resolve). */
  | 'nxdomain'
  /** Mid-check the network to the endpoint goes away: the first answer dies half-sent, then nothing gets through. */
  | 'network-gone';

export const FAULTS: readonly Fault[] = [
  'refuse',
  'hang',
  'status500',
  'status429',
  'invalid-json',
  'wrong-shape',
  'huge',
  'captive',
  'drip',
  'wrong-family',
  'nxdomain',
  'network-gone',
];

export const DRIP_EVERY_MS = 300;
export const HUGE_BYTES = 10 * 1024 * 1024;

/** Endpoint ids (src/endpoints) the world serves; the fault table is keyed by them. */
export type EndpointId =
  | 'leakless-ipv4'
  | 'leakless-headers'
  | 'leakless-ipv6'
  | 'leakless-dns'
  | 'leakless-stun'
  | 'leakless-whoami'
  | 'mullvad-ipv4'
  | 'mullvad-ipv6'
  | 'mullvad-dns'
  | 'ipify-ipv4'
  | 'ipify-ipv6'
  | 'cloudflare-ipv4'
  | 'cloudflare-stun'
  | 'bashws-id'
  | 'bashws-lookup'
  | 'bashws-result';

export type FaultTable = Partial<Record<EndpointId, Fault>>;

const zoneLabel = (host: string): string | null => (host.endsWith(`.${ZONE}`) ? host.slice(0, -ZONE.length - 1) : null);

/** Which endpoint an HTTPS request belongs to, by Host and path. */
export function endpointOfRequest(host: string, path: string): EndpointId | null {
  const label = zoneLabel(host);
  if (label === 'ipv4') return path.startsWith('/headers') ? 'leakless-headers' : 'leakless-ipv4';
  if (label === 'ipv6') return 'leakless-ipv6';
  if (label !== null) return path.startsWith('/dns') ? 'leakless-dns' : null;
  if (host === 'ipv4.am.i.mullvad.net') return 'mullvad-ipv4';
  if (host === 'ipv6.am.i.mullvad.net') return 'mullvad-ipv6';
  if (host.endsWith('.dnsleak.am.i.mullvad.net')) return 'mullvad-dns';
  if (host === 'api4.ipify.org') return 'ipify-ipv4';
  if (host === 'api6.ipify.org') return 'ipify-ipv6';
  if (host === '1.0.0.1') return 'cloudflare-ipv4';
  if (host === 'bash.ws') return path.startsWith('/dnsleak/test/') ? 'bashws-result' : 'bashws-id';
  if (host.endsWith('.bash.ws')) return 'bashws-lookup';
  return null;
}

/** Which endpoint a DNS name serves, and whether it is a random leak-test name (the only kind 'nxdomain' hits). */
export function endpointOfName(name: string): { endpoint: EndpointId; leakTest: boolean } | null {
  const host = name.toLowerCase().replace(/\.$/, '');
  const label = zoneLabel(host);
  if (label === 'ipv4') return { endpoint: 'leakless-ipv4', leakTest: false };
  if (label === 'ipv6') return { endpoint: 'leakless-ipv6', leakTest: false };
  if (label?.endsWith('.whoami')) return { endpoint: 'leakless-whoami', leakTest: true };
  if (label !== null) return { endpoint: 'leakless-dns', leakTest: true };
  if (host === ZONE) return { endpoint: 'leakless-stun', leakTest: false };
  if (host.endsWith('.dnsleak.am.i.mullvad.net')) return { endpoint: 'mullvad-dns', leakTest: true };
  if (host === 'bash.ws') return { endpoint: 'bashws-id', leakTest: false };
  if (host.endsWith('.bash.ws')) return { endpoint: 'bashws-lookup', leakTest: true };
  return null;
}

/**
 * The world's fault state: the table of the current scenario, plus the moment a 'network-gone' fault fired.
 * The network goes away for every endpoint faulted 'network-gone' at once, at the first request any of them
 * gets: so with all of them faulted the whole network dies mid-check, not one provider after another.
 */
export interface FaultState {
  faultFor(endpoint: EndpointId | null): Fault | null;
  /** True once the network is gone for this endpoint; `trigger` makes the first such request fire it. */
  gone(endpoint: EndpointId | null, trigger: boolean): boolean;
  /** Listeners run when the network goes away (the fakes cut their open connections). */
  onGone(listener: () => void): void;
  reset(): void;
}

export function createFaultState(table: () => FaultTable | undefined): FaultState {
  let fired = false;
  const listeners: (() => void)[] = [];
  const faultFor = (endpoint: EndpointId | null): Fault | null => (endpoint === null ? null : (table()?.[endpoint] ?? null));
  return {
    faultFor,
    gone(endpoint, trigger) {
      if (faultFor(endpoint) !== 'network-gone') return false;
      if (fired) return true;
      if (!trigger) return false;
      fired = true;
      // Listeners run after this request has been handled, so it is the one that dies half-sent.
      queueMicrotask(() => {
        for (const listener of listeners) listener();
      });
      return false;
    },
    onGone: (listener) => void listeners.push(listener),
    reset() {
      fired = false;
    },
  };
}
