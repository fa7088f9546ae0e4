// The bodies a faulted endpoint answers with, in the provider's own format where the fault is about content.
import { CLIENT_V4, CLIENT_V6 } from './addresses';
import { type FakeReply, fakeReply } from './fake-providers';
import type { EndpointId, Fault } from './faults';
import type { Scenario } from './scenario';

const json = (status: number, value: unknown): FakeReply => ({ status, type: 'application/json', body: JSON.stringify(value) });

const CAPTIVE_PAGE = `<!doctype html>
<html><head><title>Welcome to Airport Wi-Fi</title></head>
<body><h1>Sign in to continue</h1><form method="post" action="/login"><input name="room"><button>Connect</button></form></body></html>
`;

const FAMILY_OF: Partial<Record<EndpointId, 4 | 6>> = {
  'leakless-ipv4': 4,
  'leakless-ipv6': 6,
  'mullvad-ipv4': 4,
  'mullvad-ipv6': 6,
  'ipify-ipv4': 4,
  'ipify-ipv6': 6,
  'cloudflare-ipv4': 4,
};

/** Whether a fault means anything for this endpoint (wrong-family needs an address endpoint, nxdomain a leak-test name). */
export function faultApplies(fault: Fault, endpoint: EndpointId): boolean {
  if (fault === 'wrong-family') return FAMILY_OF[endpoint] !== undefined;
  if (fault === 'nxdomain') return ['leakless-dns', 'leakless-whoami', 'mullvad-dns', 'bashws-lookup'].includes(endpoint);
  // Firefox's whoami lookup is DNS alone: only what happens to DNS reaches it.
  if (endpoint === 'leakless-whoami') return fault === 'network-gone';
  return !endpoint.endsWith('-stun') || ['refuse', 'hang', 'network-gone'].includes(fault);
}

/**
 * The complete answer for the faults that are a complete answer (status, body); null for the ones that are
 * about the connection (refuse, hang, drip, huge, network-gone, nxdomain), which the server acts out itself.
 */
export function faultReply(fault: Fault, endpoint: EndpointId, scenario: Scenario, host: string, path: string): FakeReply | null {
  switch (fault) {
    case 'status500':
      return json(500, { error: 'internal server error' });
    case 'status429':
      return json(429, { error: 'too many requests' });
    case 'invalid-json':
      return { status: 200, type: 'application/json', body: `{"ip": "${CLIENT_V4}", "country": "Ger` };
    case 'wrong-shape':
      // Every field any provider's parser wants, with the wrong type; for array answers, an object instead.
      return json(200, { ip: 42, family: 'four', token: 7, resolvers: 'none', country: ['DE'] });
    case 'captive':
      return { status: 200, type: 'text/html; charset=utf-8', body: CAPTIVE_PAGE };
    case 'wrong-family': {
      const family = FAMILY_OF[endpoint];
      if (family === undefined) return null;
      const other = family === 4 ? CLIENT_V6 : CLIENT_V4;
      if (endpoint.startsWith('leakless-')) return json(200, { ip: other, family: family === 4 ? 6 : 4 });
      // The provider's own format, with the other family's address where this one's belongs.
      const swapped: Scenario = {
        ...scenario,
        v4: scenario.v4 && family === 4 ? { ...scenario.v4, ip: other } : scenario.v4,
        v6: scenario.v6 && family === 6 ? { ...scenario.v6, ip: other } : scenario.v6,
      };
      return fakeReply(swapped, host, path);
    }
    default:
      return null;
  }
}
