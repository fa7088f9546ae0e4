import type { Registry } from '../endpoints';
import type { HostView } from '../model';
import { createGate, type DnsResolver } from '../net';
import type { LedgerSink } from '../net/types';
import type { ProbeDeps } from '../probes/deps';
import { randomToken, webRandomBytes } from '../probes/tokens';
import type { Gatherer } from '../probes/webrtc/gather';
import { browser } from './browser';

/** Firefox's browser.dns.resolve, when this browser has it (only Firefox, with the `dns` permission). */
function firefoxResolve(): DnsResolver | null {
  const dns = (browser as unknown as { dns?: { resolve?: (host: string, flags?: string[]) => Promise<unknown> } }).dns;
  const resolve = dns?.resolve;
  return typeof resolve === 'function' ? (host, flags) => resolve.call(dns, host, [...flags]) : null;
}

/**
 * The real browser, as the probe engine sees it. Built in the background; `gather` is how WebRTC candidates
 * are gathered when this context has no RTCPeerConnection (Chrome's service worker asks the popup), and
 * `gatherView` whose view of host candidates that gathering shows (see ProbeDeps.gatherView).
 */
export function createBrowserDeps(registry: Registry, ledger: LedgerSink, gather?: Gatherer, gatherView?: HostView): ProbeDeps {
  const gate = createGate({
    fetch: globalThis.fetch.bind(globalThis),
    ledger,
    now: Date.now,
    resolve: firefoxResolve(),
  });
  return {
    registry,
    gate,
    ledger,
    RTCPeerConnection: globalThis.RTCPeerConnection ?? null,
    randomToken: (length) => randomToken(length, webRandomBytes),
    now: Date.now,
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    languages: () => [...navigator.languages],
    ...(gather ? { gather } : {}),
    ...(gatherView ? { gatherView } : {}),
  };
}
