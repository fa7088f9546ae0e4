// What the popup accepts from the background, checked by hand (valibot would cost the popup's size budget).
// The sender is our own background, but a malformed message is dropped rather than rendered or thrown on.
import { isCheckResults } from '../ext/storage';
import type { AuditSummary, Verdict } from '../model';
import { type GatherRequest, REASON_PARAMS, type ResultsMessage, SEVERITIES, VERDICT_LEVELS } from '../model';
import { PORT_LIMITS } from '../port/protocol';

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= PORT_LIMITS.maxId;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
/** STUN only: the background never asks for anything else, and TURN would mean credentials. */
const STUN_URL = /^stun:[A-Za-z0-9.:[\]-]{1,300}$/;

function isReason(v: unknown): boolean {
  return (
    isObject(v) &&
    typeof v.code === 'string' &&
    Object.hasOwn(REASON_PARAMS, v.code) &&
    isStrings(v.params) &&
    typeof v.severity === 'string' &&
    (SEVERITIES as readonly string[]).includes(v.severity)
  );
}

export function isVerdict(v: unknown): v is Verdict {
  return (
    isObject(v) &&
    typeof v.level === 'string' &&
    (VERDICT_LEVELS as readonly string[]).includes(v.level) &&
    Array.isArray(v.reasons) &&
    v.reasons.length <= PORT_LIMITS.reasons &&
    v.reasons.every(isReason)
  );
}

/** An 'update' or 'done' message, or null. */
export function readResults(raw: unknown): ResultsMessage | null {
  if (!isObject(raw) || (raw.type !== 'update' && raw.type !== 'done') || !isId(raw.runId)) return null;
  if (!isCheckResults(raw.results) || !isVerdict(raw.verdict)) return null;
  return { type: raw.type, runId: raw.runId, results: raw.results, verdict: raw.verdict };
}

/** A 'gather' request, or null; the deadline is clamped so a bad one cannot keep a peer connection open. */
export function readGatherRequest(raw: unknown): GatherRequest | null {
  if (!isObject(raw) || raw.type !== 'gather' || !isId(raw.requestId)) return null;
  const { iceServers, deadlineMs } = raw;
  if (!isStrings(iceServers) || iceServers.length > PORT_LIMITS.iceServers || !iceServers.every((url) => STUN_URL.test(url))) return null;
  if (typeof deadlineMs !== 'number' || !Number.isFinite(deadlineMs)) return null;
  return { type: 'gather', requestId: raw.requestId, iceServers, deadlineMs: Math.min(PORT_LIMITS.deadlineMs, Math.max(0, deadlineMs)) };
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** The background's audit summary; anything malformed is refused, so the line says "no audit yet", not a pass. */
export function readAuditSummary(raw: unknown): AuditSummary {
  if (!isObject(raw) || !isCount(raw.requests) || !isCount(raw.findings) || typeof raw.pass !== 'boolean') {
    throw new Error('malformed audit summary');
  }
  return { requests: raw.requests, findings: raw.findings, pass: raw.pass };
}
