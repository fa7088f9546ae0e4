import { canonicalIp } from '../../model/address';
import { namesClient, type ProxyHeaderName } from '../../model/proxy-headers';

/**
 * One node as proxies write it: a bare address, "[v6]" or "[v6]:port", "v4:port", or an RFC 7239 quoted string
 * of those. Anything else ("unknown", "_hidden", a host name) names no address.
 */
function nodeAddress(raw: string): string | null {
  let node = raw.trim();
  if (node.startsWith('"') && node.endsWith('"')) node = node.slice(1, -1).replace(/\\(.)/g, '$1');
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(node);
  if (bracketed) return canonicalIp(bracketed[1]);
  const v4port = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(node);
  return canonicalIp(v4port ? v4port[1] : node);
}

/** RFC 7239: elements separated by commas, pairs by semicolons; only `for=` names the client (`by=` is the proxy). */
function forwardedFor(value: string): string[] {
  const out: string[] = [];
  // Commas and semicolons inside quoted strings are part of the value.
  for (const pair of value.match(/(?:[^,;"]|"(?:[^"\\]|\\.)*")+/g) ?? []) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim().toLowerCase() === 'for') out.push(pair.slice(eq + 1));
  }
  return out;
}

/** The addresses (canonical, any kind) a header says the client had; none for headers that name only proxies. */
export function clientAddresses(name: ProxyHeaderName, value: string): string[] {
  if (!namesClient(name)) return [];
  const nodes = name === 'forwarded' ? forwardedFor(value) : value.split(',');
  const ips = nodes.map(nodeAddress).filter((ip): ip is string => ip !== null);
  return [...new Set(ips)];
}
