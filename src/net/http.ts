import { type fail as failed, problem } from '../model';
import { startDeadline } from './deadline';
import { fetchErrorProblem } from './problems';
import { readCapped } from './read-capped';
import { requestInit } from './request';
import type { GateResponse } from './types';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** What the ledger needs to know about one request, filled in as it progresses. */
export interface Trace {
  bytesIn: number;
  status: number | null;
}

export interface HttpCall {
  readonly url: string;
  readonly accept: string | undefined;
  readonly deadlineMs: number;
  readonly maxBytes: number;
  readonly signal: AbortSignal | undefined;
}

const noop = (): void => {};
const MAX_CONTENT_TYPE = 200;

function cancelBody(response: Response): void {
  try {
    response.body?.cancel().catch(noop);
  } catch {
    // Already locked or closed: nothing left to free.
  }
}

/** A refusal after the headers arrived: the status is known and goes with it. */
function refuse(code: Parameters<typeof failed>[0], detail: string | undefined, status: number): GateResponse {
  return { ok: false, problem: problem(code, detail), status };
}

/** One GET within one deadline that covers connecting, the headers and the whole body. */
export async function httpGet(doFetch: FetchLike, call: HttpCall, trace: Trace): Promise<GateResponse> {
  const deadline = startDeadline(call.deadlineMs, call.signal);
  try {
    // Cancelled before it started: nothing should leave the machine.
    if (deadline.signal.aborted) return { ok: false, problem: problem('timeout') };
    let response: Response;
    try {
      response = await deadline.race(doFetch(call.url, requestInit(call.accept, deadline.signal)));
    } catch (error) {
      return { ok: false, problem: fetchErrorProblem(error, deadline.signal.aborted) };
    }
    const status = response.status;
    trace.status = status;
    if (response.redirected || response.type === 'opaqueredirect') {
      cancelBody(response);
      return refuse('blocked', 'redirect', status);
    }
    if (status === 429) {
      cancelBody(response);
      return refuse('rate-limited', undefined, status);
    }
    if (status < 200 || status > 299) {
      cancelBody(response);
      return refuse('http-status', String(status), status);
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > call.maxBytes) {
      cancelBody(response);
      return refuse('too-large', undefined, status);
    }
    const read = await readCapped(response.body, call.maxBytes, deadline);
    if (!read.ok) {
      trace.bytesIn = read.bytesIn;
      return refuse(read.code, undefined, status);
    }
    trace.bytesIn = read.bytes.byteLength;
    const body = new TextDecoder('utf-8').decode(read.bytes);
    const contentType = (response.headers.get('content-type') ?? '').slice(0, MAX_CONTENT_TYPE);
    return { ok: true, status, contentType, body };
  } finally {
    deadline.dispose();
  }
}
