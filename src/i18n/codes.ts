import type { ProblemCode, ReasonCode } from '../probes/types';

/** Every ProblemCode; the type checks below fail the build when the union grows and this list does not. */
export const PROBLEM_CODES = [
  'unreachable',
  'timeout',
  'http-status',
  'rate-limited',
  'too-large',
  'not-json',
  'bad-shape',
  'not-an-ip',
  'wrong-family',
  'not-public',
  'blocked',
  'unavailable',
  'internal',
] as const satisfies readonly ProblemCode[];

/** How a reason parameter is shown: country codes become the country's name in the UI language. */
export type ParamKind = 'text' | 'country';

/** Every ReasonCode with its parameters in order (see src/probes/types.ts); `satisfies` makes it exhaustive. */
export const REASON_PARAMS = {
  'webrtc-reveals-other-ip': ['text', 'text'],
  'webrtc-reveals-ip-no-web-ip': ['text'],
  'ipv6-other-network': ['text', 'text'],
  'ipv6-uncompared': ['text'],
  'dns-other-organization': ['text', 'text', 'text'],
  'dns-other-country': ['text', 'country', 'country'],
  'local-ips-exposed': ['text'],
  'local-ips-permitted-sites': ['text'],
  'timezone-mismatch': ['text', 'country'],
  'providers-disagree': ['text', 'text'],
  'ip-unknown': ['text'],
  'dns-unknown': [],
  'webrtc-unknown': [],
  'webrtc-disabled': [],
  'securedns-on': [],
  'vpn-exit': ['text'],
  'no-leak': [],
} as const satisfies Record<ReasonCode, readonly ParamKind[]>;

export const REASON_CODES = Object.keys(REASON_PARAMS) as ReasonCode[];

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
// A ProblemCode added to the union but not to PROBLEM_CODES turns this `true` into a type error.
const problemsListed: Exhaustive<ProblemCode, (typeof PROBLEM_CODES)[number]> = true;
void problemsListed;

/**
 * Message names allow only [A-Za-z0-9_] in Chrome (a hyphen makes the whole locale fail to load),
 * so `http-status` becomes `problem_http_status`.
 */
export function codeKey(prefix: 'problem' | 'reason', code: string): string {
  return `${prefix}_${code.replaceAll('-', '_')}`;
}
