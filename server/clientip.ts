import { type Cidr, inCidrs, normalizePeer, type Peer } from './ip.ts';

function hopAddress(hop: string): string {
  const h = hop.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(h);
  if (bracketed) return bracketed[1] ?? '';
  const v4port = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(h);
  return v4port ? (v4port[1] ?? '') : h;
}

/**
 * The client's address. X-Forwarded-For is believed only when the peer is a trusted proxy, and then
 * read right to left: the right-most hop that is not itself a trusted proxy is the client — anything
 * further left was written by the client and can be forged.
 */
export function clientPeer(socketAddress: string | undefined, xff: string | string[] | undefined, trusted: readonly Cidr[]): Peer | null {
  let peer = normalizePeer(socketAddress ?? '');
  if (!peer || trusted.length === 0 || xff === undefined) return peer;
  const hops = (Array.isArray(xff) ? xff.join(',') : xff).split(',');
  for (let i = hops.length - 1; i >= 0 && inCidrs(peer, trusted); i--) {
    const next = normalizePeer(hopAddress(hops[i] ?? ''));
    if (!next) break; // garbage from a trusted proxy: keep the last hop we can vouch for
    peer = next;
  }
  return peer;
}
