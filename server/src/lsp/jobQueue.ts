/**
 * The load and file events, applied one at a time in the order they came,
 * from the moment the client is initialized; a diagnostics request waits for
 * the queue, so it reflects every event sent before it. A job that fails is
 * reported and does not stop the ones after it.
 */
export class JobQueue {
  private start: () => void = () => undefined;
  private tail: Promise<unknown> = new Promise<void>(resolve => (this.start = resolve));

  constructor(private readonly report: (error: unknown) => void) {}

  /** Lets the jobs run: until the client is initialized, there are no roots to load. */
  open(): void {
    this.start();
  }

  enqueue(job: () => Promise<unknown> | unknown): Promise<unknown> {
    return (this.tail = this.tail.then(job).catch(this.report));
  }

  /** Resolves once every job enqueued so far has run. */
  settled(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
