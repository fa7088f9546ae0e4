import { MSG_OBSERVED } from '../audit/keys';
import type { Observation } from '../audit/types';

/**
 * Tells an extension page what the background has seen — after `settled` (the ledger written to storage),
 * so that a page reading the ledger once this answer arrives never finds a request missing from it.
 */
export function answerMessage(
  message: unknown,
  observed: () => Observation[],
  settled: () => Promise<void> = () => Promise.resolve(),
): Promise<Observation[]> | undefined {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  // undefined: not ours to answer, so the sender's promise is not resolved by this listener.
  return type === MSG_OBSERVED ? settled().then(observed, observed) : undefined;
}
