import { type CheckResults, type IpMeta, type IpResult, type ProbeState, resultSoFar } from '../model';
import { canonicalIp } from '../model/address';

/** An address the web sees, with what providers say about it. */
export interface Exit {
  readonly family: 4 | 6;
  readonly ip: string;
  readonly meta: IpMeta;
}

/** What a probe has found so far: a provisional result counts, since each answer in it is a fact. */
export function resultOf<T>(state: ProbeState<T>): T | null {
  return resultSoFar(state);
}

export function sameIp(a: string, b: string): boolean {
  return (canonicalIp(a) ?? a.toLowerCase()) === (canonicalIp(b) ?? b.toLowerCase());
}

function exitOf(family: 4 | 6, result: IpResult | null): Exit | null {
  return result?.ip ? { family, ip: result.ip, meta: result.meta } : null;
}

/** The web's addresses, IPv4 first: the one most sites see, and the one VPN checks compare against. */
export function exits(results: CheckResults): Exit[] {
  return [exitOf(4, resultOf(results.ipv4)), exitOf(6, resultOf(results.ipv6))].filter((e): e is Exit => e !== null);
}

/** No provider could say, although the family was expected (IPv6 that is simply absent is an answer). */
export function ipUnknown(state: ProbeState<IpResult>): boolean {
  return state.state === 'failed' || (state.state === 'done' && state.result.ip === null && !state.result.absent);
}

const norm = (text: string | undefined) => text?.trim().replace(/\s+/g, ' ').toLowerCase() || undefined;
const country = (text: string | undefined) => text?.trim().toUpperCase() || undefined;

export interface Network {
  readonly asn?: number;
  readonly organization?: string;
  readonly country?: string;
}

/** Legal-form words that differ between registries for the same operator ("M247 Ltd" vs "M247 Europe SRL"). */
const LEGAL_FORMS = new Set(
  'ltd limited llc inc corp corporation co company gmbh ag ab bv nv sa sas sarl srl spa oy oyj as asa plc kg pty sro sp zoo kft doo ad ehf'.split(
    ' ',
  ),
);

/** The words of an organization name that identify it: lower case, no punctuation, no legal forms. */
function orgWords(text: string | undefined): string[] {
  const words = (norm(text) ?? '')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .split(' ')
    .filter((w) => w !== '' && !LEGAL_FORMS.has(w));
  return words;
}

/**
 * Two names for one operator: the same first word ("m247 europe" / "m247"), or one name inside the other.
 * Registries spell operators differently, and a false "leak" is the complaint users make most of checkers.
 */
function sameOrganization(a: string | undefined, b: string | undefined): boolean | undefined {
  const [wa, wb] = [orgWords(a), orgWords(b)];
  if (wa.length === 0 || wb.length === 0) return undefined;
  const [ja, jb] = [wa.join(' '), wb.join(' ')];
  return wa[0] === wb[0] || ja.includes(jb) || jb.includes(ja);
}

/** Known to be the same operator: same ASN, or (lacking one on either side) the same organization. */
export function sameOperator(a: Network, b: Network): boolean {
  if (a.asn !== undefined && b.asn !== undefined) return a.asn === b.asn;
  return sameOrganization(a.organization, b.organization) === true;
}

/**
 * Known to be different operators. Most providers give an exit's organization but not its ASN, so the
 * names decide when an ASN is missing; with both ASNs, they must differ and the names must not match.
 */
export function otherOperator(a: Network, b: Network): boolean {
  const sameOrg = sameOrganization(a.organization, b.organization);
  if (a.asn !== undefined && b.asn !== undefined) return a.asn !== b.asn && sameOrg !== true;
  return sameOrg === false;
}

export function otherCountry(a: Network, b: Network): boolean {
  const [ca, cb] = [country(a.country), country(b.country)];
  return ca !== undefined && cb !== undefined && ca !== cb;
}

/** Whether both sides carry a fact networksDiffer can compare them by. */
export function networksComparable(a: IpMeta, b: IpMeta): boolean {
  const both = <T>(x: T | undefined, y: T | undefined) => x !== undefined && y !== undefined;
  return (
    both(a.vpnExit, b.vpnExit) ||
    both(a.asn, b.asn) ||
    both(norm(a.organization), norm(b.organization)) ||
    both(country(a.country), country(b.country))
  );
}

/**
 * Whether two addresses go out through different networks, by the best fact both sides have. The operator
 * is judged as for resolvers (otherOperator): one operator's other ASN or other legal name is no leak.
 */
export function networksDiffer(a: IpMeta, b: IpMeta): boolean {
  // Mullvad marks each of its exit addresses; one marked and the other not is the surest sign.
  if (a.vpnExit !== undefined && b.vpnExit !== undefined && a.vpnExit !== b.vpnExit) return true;
  const bothAsn = a.asn !== undefined && b.asn !== undefined;
  if (bothAsn || sameOrganization(a.organization, b.organization) !== undefined) return otherOperator(a, b);
  return otherCountry(a, b);
}

export const upperCountry = country;
