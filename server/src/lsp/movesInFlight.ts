/**
 * Files the editor has said it is about to move (workspace/willRenameFiles)
 * and has not yet reported moved (workspace/didRenameFiles).
 *
 * Moving an open file, VS Code closes the old document around the time it
 * moves the file on disk. Reading the old path at that close can still find
 * the file, and the index would hold the role under both names until the
 * watcher's Deleted event, long enough for a closed neighbour (the library
 * index) to keep a stale "not listed" for good: the client does not pull a
 * closed document again. A file known to be leaving is dropped at its close
 * instead of read.
 */
export class MovesInFlight {
  private readonly moves = new Map<string, number>();

  constructor(private readonly onExpired: (from: string) => void, private readonly lifetimeMs = 30000) {}

  expect(from: string): void {
    this.moves.set(from, Date.now() + this.lifetimeMs);
    // A move the editor never completes (refused, cancelled) must not hide the file: its path is read again.
    setTimeout(() => this.expire(), this.lifetimeMs + 10).unref?.();
  }

  /** Whether the file is on its way out of this path. */
  isLeaving(path: string): boolean {
    return this.moves.has(path);
  }

  settle(from: string): void {
    this.moves.delete(from);
  }

  private expire(): void {
    const now = Date.now();
    for (const [from, expires] of this.moves) {
      if (expires > now) continue;
      this.moves.delete(from);
      this.onExpired(from);
    }
  }
}
