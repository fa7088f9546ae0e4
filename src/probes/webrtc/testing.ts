// Test helpers only: deps around a fake RTCPeerConnection, and a STUN-scripted fake peer class.

import { buildRegistry, endpointById } from '../../endpoints';
import { EXAMPLE_SERVER } from '../../endpoints/self-hosted';
import type { Settings } from '../../model';
import type { LedgerEntry } from '../../net/types';
import type { ProbeDeps } from '../deps';
import { fakePeerClass, type PeerScript } from './fake-peer';

export const registry = buildRegistry(EXAMPLE_SERVER);
export const settings: Settings = {
  ipv4: [],
  ipv6: [],
  dns: [],
  webrtc: ['cloudflare-stun', 'google-stun'],
  securedns: [],
  headers: [],
  dnsNames: 6,
  deadlineMs: 5000,
};

export function depsWith(Peer: typeof RTCPeerConnection | null) {
  const ledger: LedgerEntry[] = [];
  let clock = 1000;
  const deps: ProbeDeps = {
    registry,
    gate: {
      get: () => Promise.reject(new Error('no network in tests')),
      resolve: () => Promise.reject(new Error('no network in tests')),
    },
    ledger: { record: (entry) => ledger.push(entry) },
    RTCPeerConnection: Peer,
    randomToken: () => 'token',
    now: () => (clock += 10),
    timeZone: () => 'UTC',
    languages: () => [],
  };
  return { deps, ledger };
}

export const stunUrl = (config: RTCConfiguration | undefined): string | undefined => {
  const urls = config?.iceServers?.[0]?.urls;
  return typeof urls === 'string' ? urls : undefined;
};
export const urlOf = (id: string) => endpointById(registry, id)?.url;

/** Scripts by STUN url; the host gathering (no ICE servers) gets `host`. */
export function scripted(host: PeerScript, stun: Record<string, PeerScript>) {
  return fakePeerClass((config) => {
    const url = stunUrl(config);
    return url === undefined ? host : (stun[url] ?? {});
  });
}
