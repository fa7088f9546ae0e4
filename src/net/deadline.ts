/** One request's time budget, shared by connect, headers and body, and cut short by the caller's signal. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** True when the budget ran out (as opposed to the caller cancelling). */
  expired(): boolean;
  /** Settles `work` or rejects when aborted: a fetch or a stream that ignores its signal cannot outlive the deadline. */
  race<T>(work: Promise<T>): Promise<T>;
  dispose(): void;
}

const noop = (): void => {};

export function startDeadline(ms: number, caller?: AbortSignal): Deadline {
  const controller = new AbortController();
  let expired = false;
  let rejectAborted: (reason: unknown) => void = noop;
  const aborted = new Promise<never>((_, reject) => {
    rejectAborted = reject;
  });
  // A race that nobody awaits any more must not surface as an unhandled rejection.
  aborted.catch(noop);
  const abort = (): void => {
    controller.abort();
    rejectAborted(new DOMException('deadline', 'AbortError'));
  };
  const timer = setTimeout(() => {
    expired = true;
    abort();
  }, ms);
  caller?.addEventListener('abort', abort, { once: true });
  if (caller?.aborted) abort();

  return {
    signal: controller.signal,
    expired: () => expired,
    race<T>(work: Promise<T>): Promise<T> {
      work.catch(noop);
      return Promise.race([work, aborted]);
    },
    dispose(): void {
      clearTimeout(timer);
      caller?.removeEventListener('abort', abort);
    },
  };
}
