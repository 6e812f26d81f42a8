/** Resolves the waiters of `next()` at each change: how a held workspace request learns it has news. */
export class ChangeSignal {
  private waiters: Array<() => void> = [];

  fire(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  next(): Promise<void> {
    return new Promise(resolve => this.waiters.push(resolve));
  }
}
