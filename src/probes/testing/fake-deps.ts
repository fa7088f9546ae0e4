// Test helpers only: ProbeDeps around a scripted gate, and settings to run probes with.

import type { Settings } from '../../model';
import { TEST_REGISTRY } from '../../net/testing/fake-gate';
import type { Gate } from '../../net/types';
import type { ProbeDeps } from '../deps';
import { randomToken } from '../tokens';

export function fakeDeps(gate: Gate, overrides: Partial<ProbeDeps> = {}): ProbeDeps {
  let t = 0;
  return {
    registry: TEST_REGISTRY,
    gate,
    ledger: { record() {} },
    RTCPeerConnection: null,
    randomToken: (length?: number) => randomToken(length),
    now: () => (t += 5),
    timeZone: () => 'UTC',
    languages: () => ['en'],
    ...overrides,
  };
}

export function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    ipv4: ['leakless-ipv4', 'mullvad-ipv4', 'ipify-ipv4', 'cloudflare-ipv4'],
    ipv6: ['leakless-ipv6', 'mullvad-ipv6', 'ipify-ipv6'],
    dns: ['leakless-dns', 'mullvad-dns', 'bashws-result'],
    webrtc: [],
    securedns: [],
    headers: [],
    dnsNames: 6,
    deadlineMs: 4000,
    ...overrides,
  };
}
