import { problem } from '../model';
import { startDeadline } from './deadline';
import { fetchErrorProblem } from './problems';
import type { ResolveAnswer, ResolveResponse } from './types';

/** Firefox's browser.dns.resolve, as injected by the caller; absent in other browsers. */
export type DnsResolver = (host: string, flags: readonly string[]) => Promise<unknown>;

const MAX_ADDRESSES = 64;
const FLAG = /^[a-z_]{1,32}$/;

export function validFlags(flags: readonly string[]): boolean {
  return flags.length <= 8 && flags.every((f) => typeof f === 'string' && FLAG.test(f));
}

/** The API's answer, checked: it comes from the browser, but possibly through another extension's shim. */
export function readAnswer(raw: unknown): ResolveResponse {
  if (typeof raw !== 'object' || raw === null) return { ok: false, problem: problem('bad-shape', 'answer') };
  const { addresses, isTRR } = raw as { addresses?: unknown; isTRR?: unknown };
  if (!Array.isArray(addresses) || addresses.length > MAX_ADDRESSES) return { ok: false, problem: problem('bad-shape', 'addresses') };
  if (!addresses.every((a): a is string => typeof a === 'string' && a.length <= 64)) {
    return { ok: false, problem: problem('bad-shape', 'addresses') };
  }
  if (typeof isTRR !== 'boolean') return { ok: false, problem: problem('bad-shape', 'isTRR') };
  const answer: ResolveAnswer = { addresses: [...addresses], isTRR };
  return { ok: true, answer };
}

/** Firefox rejects with NS_ERROR_* names; the proxy one means DNS goes through a SOCKS proxy (MDN). */
function resolveErrorProblem(error: unknown, aborted: boolean): ResolveResponse {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const code = /NS_ERROR_[A-Z_]+/.exec(message)?.[0];
  if (!aborted && code === 'NS_ERROR_UNKNOWN_PROXY_HOST') return { ok: false, problem: problem('blocked', code) };
  const base = fetchErrorProblem(error, aborted);
  return { ok: false, problem: base.code === 'unreachable' && code ? problem('unreachable', code) : base };
}

export async function resolveOnce(
  resolver: DnsResolver,
  host: string,
  flags: readonly string[],
  deadlineMs: number,
): Promise<ResolveResponse> {
  const deadline = startDeadline(deadlineMs);
  try {
    const raw = await deadline.race(resolver(host, [...flags]));
    return readAnswer(raw);
  } catch (error) {
    return resolveErrorProblem(error, deadline.signal.aborted);
  } finally {
    deadline.dispose();
  }
}
