import { CLIENT_V4, CLIENT_V6, RESOLVER_V4 } from './addresses';
import type { FaultTable } from './faults';

export interface FakeMeta {
  readonly countryCode: string;
  readonly countryName: string;
  readonly city: string;
  readonly organization: string;
  readonly asn: number;
  readonly vpnExit: boolean;
}

export interface FakeResolver {
  readonly ip: string;
  readonly meta: FakeMeta;
}

/** What the fake providers answer, and how the real check server is made to see the client. */
export interface Scenario {
  readonly name: string;
  readonly v4: { readonly ip: string; readonly meta: FakeMeta } | null;
  readonly v6: { readonly ip: string; readonly meta: FakeMeta } | null;
  /** What the fake DNS-leak providers (Mullvad, bash.ws) say resolved their names. */
  readonly resolvers: readonly FakeResolver[];
  /** The check server's STUN reports this address instead of the truth: WebRTC "reveals" it. */
  readonly stunReveals: string | null;
  /** What goes wrong, per endpoint (see faults.ts); none when absent. */
  readonly faults?: FaultTable;
  /** Added before every HTTPS answer (fakes and check server) and every DNS answer of the check zone and fakes. */
  readonly delayMs?: number;
}

const HOME: FakeMeta = {
  countryCode: 'DE',
  countryName: 'Germany',
  city: 'Berlin',
  organization: 'Example Telecom',
  asn: 64500,
  vpnExit: false,
};
const VPN: FakeMeta = {
  countryCode: 'SE',
  countryName: 'Sweden',
  city: 'Stockholm',
  organization: 'Tunnel VPN AB',
  asn: 64510,
  vpnExit: true,
};

/** What the check server's own ASN database says of the world's addresses (startWorld's `operators`). */
export const SERVER_OPERATOR = { asn: HOME.asn, organization: 'Example Telecom Core Network' } as const;
export const SERVER_OPERATOR_ROWS = [
  `11.22.33.0,11.22.33.255,${SERVER_OPERATOR.asn},"${SERVER_OPERATOR.organization}"`,
  `2a0d:5600:ff::,2a0d:5600:ff:ffff:ffff:ffff:ffff:ffff,${SERVER_OPERATOR.asn},"${SERVER_OPERATOR.organization}"`,
] as const;

/** Everything agrees: what WebRTC and DNS show is what the web sees. */
export const CLEAN: Scenario = {
  name: 'clean',
  v4: { ip: CLIENT_V4, meta: HOME },
  v6: { ip: CLIENT_V6, meta: HOME },
  resolvers: [{ ip: RESOLVER_V4, meta: HOME }],
  stunReveals: null,
};

/** A VPN that tunnels only IPv4 and leaks DNS and WebRTC: the classic bad day. */
export const LEAK: Scenario = {
  name: 'leak',
  v4: { ip: CLIENT_V4, meta: VPN },
  v6: { ip: CLIENT_V6, meta: HOME },
  resolvers: [{ ip: RESOLVER_V4, meta: HOME }],
  stunReveals: '11.22.33.99',
};

/** Every public provider refused: what a build that asks only its own check server sees. */
export const SELF_HOSTED: Scenario = {
  ...CLEAN,
  name: 'self-hosted',
  faults: {
    'mullvad-ipv4': 'refuse',
    'mullvad-ipv6': 'refuse',
    'mullvad-dns': 'refuse',
    'ipify-ipv4': 'refuse',
    'ipify-ipv6': 'refuse',
    'cloudflare-ipv4': 'refuse',
    'bashws-id': 'refuse',
  },
};
