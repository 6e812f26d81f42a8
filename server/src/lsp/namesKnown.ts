/**
 * When the open files may be answered during a load: once its names are
 * known. A request that came before waits for them, or for the load's end,
 * whichever is first; there is nothing to wait for when no load is coming.
 */
export class NamesKnown {
  private pending: { promise: Promise<void>; resolve: () => void } | undefined;

  /** A load is queued: requests wait for its names from now on. */
  loading(): void {
    if (this.pending) return;
    let resolve!: () => void;
    const promise = new Promise<void>(r => (resolve = r));
    this.pending = { promise, resolve };
  }

  /** The load's names are known. */
  known(): void {
    this.pending?.resolve();
    this.pending = undefined;
  }

  wait(): Promise<void> {
    return this.pending?.promise ?? Promise.resolve();
  }
}

/**
 * Resolves once the answers made before the call are written out, so the
 * parse, which holds the thread between its yields, does not hold them
 * back: the JSON-RPC writer starts each message on a turn of the event
 * loop of its own, queued when the answer is made; a second turn comes
 * after it.
 */
export async function repliesSent(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise(resolve => setImmediate(resolve));
}
