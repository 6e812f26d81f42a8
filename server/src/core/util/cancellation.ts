/** The part of LSP's cancellation token the core reads; the shells pass theirs. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export const NEVER_CANCELLED: CancellationToken = { isCancellationRequested: false };

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new CancelledError();
}

/**
 * Lets the event loop answer other requests during a long job. An immediate,
 * not a timer: a timer waits at least a millisecond even when nothing else
 * is waiting, and a load of ten thousand files yields fifty times.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}
