import type { CancellationToken } from 'vscode-languageserver/node';
import { CancelledError } from '../core';

/**
 * How long a request that depends on the library waits for its load before
 * it answers from the index as it is. A large library loads in a few
 * seconds; a request is never held longer than this.
 */
export const LOAD_WAIT_MS = 15000;

/**
 * Waits until the load and the file events received before the request are
 * applied, so that a request an editor sends with its didOpen, at startup,
 * gets the answer it would get a second later. Resolves true when they are,
 * false when the bound came first; throws CancelledError when the client
 * cancels the request meanwhile.
 */
export async function untilApplied(settled: () => Promise<void>, token: CancellationToken, ms = LOAD_WAIT_MS): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let listener: { dispose(): void } | undefined;
  try {
    const applied = await Promise.race([
      settled().then(() => true),
      new Promise<boolean>(resolve => (timer = setTimeout(() => resolve(false), ms))),
      new Promise<boolean>(resolve => (listener = token.onCancellationRequested(() => resolve(false)))),
    ]);
    if (token.isCancellationRequested) throw new CancelledError();
    return applied;
  } finally {
    clearTimeout(timer);
    listener?.dispose();
  }
}
