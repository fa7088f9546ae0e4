import type { Observation } from '../audit/types';
import { MESSAGE_TYPES } from '../model';

/** Only this extension's own pages may talk to the background; anything else (no id, another id) is ignored. */
export function fromOwnExtension(sender: { readonly id?: string } | undefined, ownId: string | undefined): boolean {
  return ownId !== undefined && sender?.id === ownId;
}

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
  return type === MESSAGE_TYPES.observed ? settled().then(observed, observed) : undefined;
}
