// What the background accepts from the popup. Only our own pages can connect (no externally_connectable),
// but a message is still data: anything off-shape is dropped here, before it reaches the engine.
import * as v from 'valibot';
import { DNS_NAMES, type PopupToBackground, PROBLEM_CODES } from '../model';
import { PORT_LIMITS } from '../port/protocol';

const Id = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(PORT_LIMITS.maxId));

const Run = v.object({
  type: v.literal('run'),
  runId: Id,
  overrides: v.optional(v.object({ dnsNames: v.optional(v.picklist(DNS_NAMES)) })),
});

const Gathered = v.object({
  type: v.literal('gathered'),
  requestId: Id,
  candidates: v.pipe(v.array(v.pipe(v.string(), v.maxLength(PORT_LIMITS.candidateLength))), v.maxLength(PORT_LIMITS.candidates)),
  problem: v.optional(
    v.object({
      code: v.picklist(PROBLEM_CODES),
      detail: v.optional(v.pipe(v.string(), v.maxLength(PORT_LIMITS.detailLength))),
    }),
  ),
});

const Message = v.variant('type', [Run, Gathered]);
const GatheredId = v.object({ type: v.literal('gathered'), requestId: Id });

/** The message, with only the fields we know, or null for anything else. */
export function readPopupMessage(raw: unknown): PopupToBackground | null {
  const parsed = v.safeParse(Message, raw);
  return parsed.success ? parsed.output : null;
}

/** The request a malformed 'gathered' reply answers, so it can fail at once instead of at its deadline. */
export function malformedReplyId(raw: unknown): number | null {
  const parsed = v.safeParse(GatheredId, raw);
  return parsed.success ? parsed.output.requestId : null;
}
