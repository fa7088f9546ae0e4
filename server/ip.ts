import ipaddr from 'ipaddr.js';

export type Family = 4 | 6;

export interface Peer {
  address: string;
  family: Family;
}

/** Normalises a socket address: IPv4-mapped IPv6 (dual-stack sockets) becomes plain IPv4, zone ids are dropped. */
export function normalizePeer(address: string): Peer | null {
  if (!ipaddr.isValid(address)) return null;
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') return { address: ip.toString(), family: 4 };
  const v6 = ip as ipaddr.IPv6;
  v6.zoneId = undefined;
  return { address: v6.toString(), family: 6 };
}

export function ipBytes(address: string): Buffer {
  return Buffer.from(ipaddr.parse(address).toByteArray());
}

export function isIPv4(address: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(address);
}

export function isIPv6(address: string): boolean {
  return ipaddr.IPv6.isValid(address) && !address.includes('%');
}

/**
 * Rate-limit key: one IPv4 address, or one IPv6 /64 — a single host usually owns a whole /64,
 * so per-address buckets would be trivially dodged.
 */
export function rateKey(peer: Peer): string {
  if (peer.family === 4) return peer.address;
  return ipBytes(peer.address).subarray(0, 8).toString('hex');
}

export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

export function parseCidr(text: string): Cidr | null {
  const [addr = '', bits, extra] = text.split('/');
  if (extra !== undefined) return null;
  const family = isIPv4(addr) ? 4 : isIPv6(addr) ? 6 : 0;
  if (family === 0) return null;
  const max = family === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : -1;
  if (prefix < 0 || prefix > max) return null;
  return [ipaddr.parse(addr), prefix];
}

export function inCidrs(peer: Peer, cidrs: readonly Cidr[]): boolean {
  const ip = ipaddr.parse(peer.address);
  return cidrs.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits));
}

/** Formats an EDNS Client Subnet as "a.b.c.0/24" — host bits beyond the prefix are zeroed. */
export function formatSubnet(family: Family, bytes: Uint8Array, prefix: number): string {
  const full = new Uint8Array(family === 4 ? 4 : 16);
  full.set(bytes.subarray(0, full.length));
  for (let bit = prefix; bit < full.length * 8; bit++) {
    full[bit >> 3] = (full[bit >> 3] ?? 0) & ~(0x80 >> (bit & 7));
  }
  return `${ipaddr.fromByteArray(Array.from(full)).toString()}/${prefix}`;
}

export function bytesToIp(bytes: Uint8Array): string {
  return ipaddr.fromByteArray(Array.from(bytes)).toString();
}
