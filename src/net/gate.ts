import type { Endpoint } from '../endpoints';
import type { Problem } from '../model';
import { problem } from '../model';
import { type DnsResolver, resolveOnce, validFlags } from './dns-resolve';
import { type FetchLike, httpGet, type Trace } from './http';
import { approxBytesOut, deadlineOf, isSafeAccept, maxBytesOf } from './request';
import { dnsTarget, httpsTarget } from './target';
import type { Gate, GateRequest, GateResponse, LedgerEntry, LedgerSink, ResolveResponse } from './types';

export interface GateOptions {
  /** The browser's fetch; the gate is the only caller. */
  readonly fetch: FetchLike;
  readonly ledger: LedgerSink;
  readonly now: () => number;
  /** Firefox's browser.dns.resolve; null or absent elsewhere. */
  readonly resolve?: DnsResolver | null;
  /** The deadline for requests that set none, and for every DNS lookup (DEADLINE_MS.default). */
  readonly deadlineMs?: number;
}

/** The ledger entry as it forms: url, host and bytesOut are known only once the request is accepted. */
interface Started {
  readonly time: number;
  readonly endpointId: string;
  readonly method: LedgerEntry['method'];
  url?: string;
  host?: string;
  bytesOut?: number;
}

export function createGate(options: GateOptions): Gate {
  const { ledger, now } = options;
  // Called unbound: the browser's fetch throws "Illegal invocation" when called as a method of another object.
  const doFetch = options.fetch;
  const dnsResolve = options.resolve ?? null;
  const defaultDeadline = deadlineOf({ deadlineMs: options.deadlineMs });

  const record = (start: Started, trace: Trace, failure: Problem | null): void => {
    const entry: LedgerEntry = {
      time: start.time,
      endpointId: start.endpointId,
      url: start.url ?? '',
      host: start.host ?? '',
      method: start.method,
      bytesOut: start.bytesOut ?? 0,
      bytesIn: trace.bytesIn,
      status: trace.status,
      problem: failure?.code ?? null,
      ms: Math.max(0, now() - start.time),
    };
    try {
      ledger.record(entry);
    } catch {
      // The ledger is bookkeeping: its failure must not turn an answer into an error.
    }
  };

  async function get(request: GateRequest): Promise<GateResponse> {
    const start: Started = { time: now(), endpointId: request.endpoint.id, method: 'GET' };
    const trace: Trace = { bytesIn: 0, status: null };
    let response: GateResponse;
    try {
      response = await attempt(request, start, trace);
    } catch {
      response = { ok: false, problem: problem('internal') };
    }
    record(start, trace, response.ok ? null : response.problem);
    return response;
  }

  async function attempt(request: GateRequest, start: Started, trace: Trace): Promise<GateResponse> {
    const target = httpsTarget(request.endpoint, request.values ?? {});
    if (!target.ok) return target;
    start.url = target.value.url;
    start.host = target.value.host;
    const accept = request.accept;
    if (accept !== undefined && !isSafeAccept(accept)) return { ok: false, problem: problem('internal', 'accept') };
    start.bytesOut = approxBytesOut(target.value.url, accept);
    return httpGet(
      doFetch,
      {
        url: target.value.url,
        accept,
        deadlineMs: deadlineOf(request, defaultDeadline),
        maxBytes: maxBytesOf(request),
        signal: request.signal,
      },
      trace,
    );
  }

  async function resolve(
    endpoint: Endpoint,
    values: Readonly<Record<string, string>> = {},
    flags: readonly string[] = [],
  ): Promise<ResolveResponse> {
    const start: Started = { time: now(), endpointId: endpoint.id, method: 'DNS' };
    const trace: Trace = { bytesIn: 0, status: null };
    let response: ResolveResponse;
    try {
      response = await attemptResolve(endpoint, values, flags, start);
    } catch {
      response = { ok: false, problem: problem('internal') };
    }
    if (response.ok) trace.bytesIn = response.answer.addresses.reduce((n, a) => n + (a.includes(':') ? 16 : 4), 0);
    record(start, trace, response.ok ? null : response.problem);
    return response;
  }

  async function attemptResolve(
    endpoint: Endpoint,
    values: Readonly<Record<string, string>>,
    flags: readonly string[],
    start: Started,
  ): Promise<ResolveResponse> {
    const target = dnsTarget(endpoint, values);
    if (!target.ok) return target;
    start.url = target.value.url;
    start.host = target.value.host;
    if (!Array.isArray(flags) || !validFlags(flags)) return { ok: false, problem: problem('internal', 'flags') };
    if (dnsResolve === null) return { ok: false, problem: problem('unavailable') };
    // A query: 12-byte header, the name's labels, type and class.
    start.bytesOut = 12 + target.value.host.length + 2 + 4;
    return resolveOnce(dnsResolve, target.value.host, flags, defaultDeadline);
  }

  return { get, resolve };
}
