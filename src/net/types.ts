import type { Endpoint } from '../endpoints';
import type { Problem, ProblemCode, RequestCause } from '../model';

export interface GateRequest {
  readonly endpoint: Endpoint;
  /** Values for the endpoint's `{placeholders}` (single lowercase labels). */
  readonly values?: Readonly<Record<string, string>>;
  /** The only request header the gate sends; CORS-safelisted on purpose (no preflight). */
  readonly accept?: string;
  readonly deadlineMs?: number;
  readonly maxBytes?: number;
  /** Aborts with the caller (e.g. the whole check was cancelled). */
  readonly signal?: AbortSignal;
}

export type GateResponse =
  | { readonly ok: true; readonly status: number; readonly contentType: string; readonly body: string }
  | { readonly ok: false; readonly problem: Problem; readonly status?: number };

export interface ResolveAnswer {
  readonly addresses: readonly string[];
  readonly isTRR: boolean;
}

export type ResolveResponse = { readonly ok: true; readonly answer: ResolveAnswer } | { readonly ok: false; readonly problem: Problem };

/** The one way to the network besides WebRTC. Never throws: every failure is a Problem. */
export interface Gate {
  get(request: GateRequest): Promise<GateResponse>;
  /** Firefox's browser.dns.resolve for a `dns:` endpoint; `unavailable` elsewhere. */
  resolve(endpoint: Endpoint, values?: Readonly<Record<string, string>>, flags?: readonly string[]): Promise<ResolveResponse>;
}

export type LedgerMethod = 'GET' | 'STUN' | 'DNS';

/** One request as the extension made it; the self-audit compares these with what the browser saw. */
export interface LedgerEntry {
  readonly time: number; // ms since epoch, when it started
  readonly endpointId: string;
  readonly url: string;
  readonly host: string;
  readonly method: LedgerMethod;
  readonly bytesOut: number; // request line + headers we set, approximately (the browser adds its own)
  readonly bytesIn: number; // body bytes read (capped)
  readonly status: number | null;
  readonly problem: ProblemCode | null;
  readonly ms: number;
  /** What made the request: the popup's check, or the monitor and its trigger (see taggedSink). */
  readonly cause?: RequestCause;
}

export interface LedgerSink {
  record(entry: LedgerEntry): void;
}
