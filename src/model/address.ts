import ipaddr from 'ipaddr.js';
import { fail, type Outcome, ok } from './problem';

export type AddressClass = 'public' | 'private' | 'loopback' | 'link-local' | 'cgnat' | 'ula' | 'documentation' | 'other';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

// Dotted decimal only: ipaddr.js also takes "127.1", "0x7f.0.0.1" and octal "010.0.0.1", which no provider
// sends and which would let a hostile body smuggle a different address past a reader.
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const V4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
// No zone ids ("%eth0"): they only make sense on the local link.
const V6 = /^[0-9a-f:.]{2,45}$/i;

const cidrs = (list: readonly string[]) => list.map((c) => ipaddr.parseCIDR(c));
const DOCUMENTATION = cidrs(['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '2001:db8::/32', '3fff::/20']);
/** IANA's global unicast block: everything else in IPv6 is reserved or unallocated. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/** A strictly written IPv4 or IPv6 address; IPv4-mapped IPv6 comes back as IPv4. */
export function parseIp(text: unknown): Address | null {
  if (typeof text !== 'string') return null;
  const s = text.trim();
  if (V4.test(s)) return ipaddr.IPv4.parse(s);
  if (!V6.test(s) || !ipaddr.IPv6.isValid(s)) return null;
  if (s.includes('.') && !V4.test(s.slice(s.lastIndexOf(':') + 1))) return null;
  const v6 = ipaddr.IPv6.parse(s);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

function familyOf(address: Address): 4 | 6 {
  return address.kind() === 'ipv4' ? 4 : 6;
}

function inAny(address: Address, list: readonly [Address, number][]): boolean {
  return list.some(([net, bits]) => net.kind() === address.kind() && address.match(net, bits));
}

function classify(address: Address): AddressClass {
  if (inAny(address, DOCUMENTATION)) return 'documentation';
  const range = address.range();
  switch (range) {
    case 'unicast':
      return address.kind() === 'ipv4' || inAny(address, [GLOBAL_UNICAST_V6]) ? 'public' : 'other';
    // Transition addresses are what a server really sees as the source: hiding them would hide a leak.
    case '6to4':
    case 'teredo':
      return 'public';
    case 'private':
      return 'private';
    case 'loopback':
      return 'loopback';
    case 'linkLocal':
      return 'link-local';
    case 'carrierGradeNat':
      return 'cgnat';
    case 'uniqueLocal':
      return 'ula';
    default:
      return 'other';
  }
}

/** How an address is routed; anything that is not an address at all is 'other'. */
export function classifyAddress(text: string): AddressClass {
  const address = parseIp(text);
  return address === null ? 'other' : classify(address);
}

export function isPublicIp(text: string): boolean {
  return classifyAddress(text) === 'public';
}

/** The canonical form of an address (IPv4 dotted, IPv6 RFC 5952), or null when it is none. */
export const canonicalIp = (text: unknown): string | null => parseIp(text)?.toString() ?? null;

/** Any valid address in canonical form (IPv4 dotted, IPv6 RFC 5952), public or not. */
export function parseAnyIp(text: unknown): Outcome<{ readonly ip: string; readonly family: 4 | 6 }> {
  const address = parseIp(text);
  return address === null ? fail('not-an-ip') : ok({ ip: address.toString(), family: familyOf(address) });
}

/** A public address as a provider reports it, canonical; `family` rejects the other family. */
export function parsePublicIp(text: unknown, family?: 4 | 6): Outcome<string> {
  const address = parseIp(text);
  if (address === null) return fail('not-an-ip');
  if (family !== undefined && familyOf(address) !== family) return fail('wrong-family', `IPv${familyOf(address)}`);
  const kind = classify(address);
  return kind === 'public' ? ok(address.toString()) : fail('not-public', kind);
}

/**
 * A subnet as "address/prefix", canonical (host bits zero, as RFC 7871 requires of ECS), or null when the text is
 * not one: strict addresses only, a prefix within the family's length, and no host bits set.
 */
export function parseSubnet(text: unknown): string | null {
  if (typeof text !== 'string' || text.length > 64) return null;
  const m = /^([^/]+)\/(\d{1,3})$/.exec(text.trim());
  const address = m ? parseIp(m[1]) : null;
  if (!m || !address) return null;
  const bits = Number(m[2]);
  if (bits > (address.kind() === 'ipv4' ? 32 : 128)) return null;
  const cidr = `${address.toString()}/${bits}`;
  const first = address.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr);
  return first.toString() === address.toString() ? cidr : null;
}

/** Whether an address lies inside a subnet (same family only). */
export function subnetContains(subnet: string, ip: string): boolean {
  const s = parseSubnet(subnet);
  const address = parseIp(ip);
  if (!s || !address) return false;
  const [net, bits] = ipaddr.parseCIDR(s);
  return net.kind() === address.kind() && address.match(net, bits);
}
