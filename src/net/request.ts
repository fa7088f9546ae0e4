import { DEADLINE_MS } from '../model';
import type { GateRequest } from './types';

export const DEFAULT_DEADLINE_MS: number = DEADLINE_MS.default;
export const DEFAULT_MAX_BYTES = 64 * 1024;
const MAX_DEADLINE_MS = 120_000;
const MAX_MAX_BYTES = 1024 * 1024;

/** A nonsense budget (NaN, negative, huge) falls back to the default rather than disabling the limit. */
export function clampLimit(value: number | undefined, fallback: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.min(Math.floor(value) || 1, max) : fallback;
}

export function deadlineOf(request: Pick<GateRequest, 'deadlineMs'>, fallback = DEFAULT_DEADLINE_MS): number {
  return clampLimit(request.deadlineMs, fallback, MAX_DEADLINE_MS);
}

export function maxBytesOf(request: Pick<GateRequest, 'maxBytes'>, fallback = DEFAULT_MAX_BYTES): number {
  return clampLimit(request.maxBytes, fallback, MAX_MAX_BYTES);
}

/**
 * Accept must stay a CORS-safelisted value (≤ 128 bytes, no unsafe bytes), or the browser would add a
 * preflight that the providers do not expect (Fetch standard, "CORS-safelisted request-header").
 */
const UNSAFE_ACCEPT = new Set('"():<>?@[\\]{}');

export function isSafeAccept(accept: string): boolean {
  if (accept.length < 1 || accept.length > 128) return false;
  for (const ch of accept) {
    const code = ch.charCodeAt(0);
    if ((code < 0x20 && code !== 0x09) || code >= 0x7f || UNSAFE_ACCEPT.has(ch)) return false;
  }
  return true;
}

/** Roughly what leaves the machine from us: request line and the one header we set (the browser adds its own). */
export function approxBytesOut(url: string, accept: string | undefined): number {
  const line = `GET ${url} HTTP/1.1\r\n`.length;
  return line + (accept === undefined ? 0 : `Accept: ${accept}\r\n`.length);
}

export function requestInit(accept: string | undefined, signal: AbortSignal): RequestInit {
  return {
    method: 'GET',
    headers: accept === undefined ? {} : { Accept: accept },
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    cache: 'no-store',
    // A redirect would lead to a host the registry does not declare.
    redirect: 'error',
    mode: 'cors',
    signal,
  };
}
