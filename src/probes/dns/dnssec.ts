import { type Endpoint, endpointById, expand } from '../../endpoints';
import type { DnssecCheck, Outcome } from '../../model';
import { fail, ok, problem } from '../../model';
import type { GateResponse } from '../../net/types';
import { parseWith, record, text } from '../ip/parse-json';
import { type DnsContext, nameResolved } from './lookups';

export const DNSSEC_GOOD = 'leakless-dnssec-good';
export const DNSSEC_BROKEN = 'leakless-dnssec-broken';
const NONCE_LENGTH = 24;

/** Our server's /dnssec: the label of the name it was reached under. */
const Reached = record({ label: text(63) });

/** The body names the very name asked, under the endpoint's own prefix (not a cache's or a portal's answer). */
export function parseDnssecReached(body: string, expectedLabel: string): Outcome<true> {
  const parsed = parseWith(body, Reached);
  if (!parsed.ok) return parsed;
  return parsed.value.label === expectedLabel ? ok(true) : fail('bad-shape', 'label');
}

const labelOf = (endpoint: Endpoint, nonce: string) => new URL(expand(endpoint, { nonce })).hostname.split('.')[0] ?? '';

/**
 * From the two answers: the mis-signed name resolving (any status: a server answered it) means no validation;
 * the signed one answering while the other could not be reached means validation. A timeout on the mis-signed
 * one is not proof (a validating resolver fails fast, a slow path fails late), so it is "can't tell".
 */
export function judgeDnssec(good: GateResponse, broken: GateResponse, goodLabel: string): DnssecCheck {
  if (nameResolved(broken)) return { validates: false };
  const reached = good.ok ? parseDnssecReached(good.body, goodLabel) : { ok: false as const, problem: good.problem };
  if (!reached.ok) return { validates: null, problem: reached.problem };
  if (!broken.ok && broken.problem.code === 'timeout') return { validates: null, problem: broken.problem };
  return { validates: true };
}

/** Both names with one fresh nonce, at once; undefined when this build has no check server of ours. Never throws. */
export async function checkDnssec(ctx: DnsContext): Promise<DnssecCheck | undefined> {
  const good = endpointById(ctx.deps.registry, DNSSEC_GOOD);
  const broken = endpointById(ctx.deps.registry, DNSSEC_BROKEN);
  if (!good || !broken) return undefined;
  try {
    const nonce = ctx.deps.randomToken(NONCE_LENGTH);
    const get = (endpoint: Endpoint) =>
      ctx.deps.gate.get({ endpoint, values: { nonce }, accept: 'application/json', deadlineMs: ctx.deadlineMs, signal: ctx.signal });
    const [g, b] = await Promise.all([get(good), get(broken)]);
    return judgeDnssec(g, b, labelOf(good, nonce));
  } catch {
    return { validates: null, problem: problem('internal') };
  }
}
