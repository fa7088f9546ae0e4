import { MSG_OBSERVED } from '../audit/keys';
import type { Observation } from '../audit/types';

/** The background's one job besides watching: tell an extension page what it has seen. */
export function answerMessage(message: unknown, observed: () => Observation[]): Promise<Observation[]> | undefined {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  // undefined: not ours to answer, so the sender's promise is not resolved by this listener.
  return type === MSG_OBSERVED ? Promise.resolve(observed()) : undefined;
}
