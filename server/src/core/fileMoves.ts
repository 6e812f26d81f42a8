import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type { FileMove } from './features/fileMove';
import { editsForFileRename } from './features/rename';
import type { CancellationToken } from './util/cancellation';
import type { FileEvent } from './workspace/fileEvents';
import type { RoleWorkspace } from './workspace/roleWorkspace';

interface Move {
  to: string;
  /** Until when the move counts as asked for by our own rename: its edits are in that rename's edit. */
  requestedUntil?: number;
  /** Until when the editor's announced move (willRenameFiles) is awaited (didRenameFiles). */
  leavingUntil?: number;
}

/**
 * The editor's file moves, from the rename that asks for one, through
 * willRenameFiles and the close of the old document, to didRenameFiles: one
 * memory, by the moved file's old path.
 *
 * - A rename's edit moves the role's file; applying it, the editor asks
 *   willRenameFiles about that move, and answering again would apply every
 *   text edit twice. A move our rename asked for gets no edits.
 * - Moving an open file, VS Code closes the old document around the time it
 *   moves the file on disk. Reading the old path at that close can still find
 *   the file, and the index would hold the role under both names until the
 *   watcher's Deleted event, long enough for a closed neighbour (the library
 *   index) to keep a stale "not listed" for good: the client does not pull a
 *   closed document again. A file known to be leaving is dropped at its close
 *   instead of read.
 * - A move the editor announces and never completes (refused, cancelled) must
 *   not hide the file: after `lifetimeMs` its old path is handed to
 *   `onAbandoned`, to be read again.
 */
export class FileMoves {
  private readonly moves = new Map<string, Move>();

  constructor(
    private readonly workspace: RoleWorkspace,
    private readonly onAbandoned: (from: string) => void,
    private readonly lifetimeMs = 30000,
  ) {}

  /**
   * Our rename's edit moves these files. Remembered twice as long as an
   * announced move: the editor announces it only once the edit is applied,
   * which a refactoring preview may hold back.
   */
  requested(moves: readonly FileMove[]): void {
    const until = Date.now() + 2 * this.lifetimeMs;
    for (const { from, to } of moves) this.moves.set(from, { to, requestedUntil: until });
  }

  /** willRenameFiles: the files are leaving their paths; the edits that follow the moves no rename of ours asked for. */
  willRename(moves: readonly FileMove[], token: CancellationToken): WorkspaceEdit | undefined {
    const now = Date.now();
    this.forgetExpired(now);
    const unasked: FileMove[] = [];
    for (const move of moves) {
      const known = this.moves.get(move.from);
      if (known?.requestedUntil === undefined || known.to !== move.to) unasked.push(move);
      this.moves.set(move.from, { to: move.to, leavingUntil: now + this.lifetimeMs });
    }
    setTimeout(() => this.abandonExpired(), this.lifetimeMs + 10).unref?.();
    const edits = unasked.map(({ from, to }) => editsForFileRename(this.workspace, from, to, token)).filter(e => e !== undefined);
    return edits.length === 0 ? undefined : { documentChanges: edits.flatMap(e => e.documentChanges ?? []) };
  }

  /** Whether the file at this path is on its way out of it (announced, not yet reported moved). */
  isLeaving(path: string): boolean {
    return this.moves.get(path)?.leavingUntil !== undefined;
  }

  /**
   * The editor closed a document: the disk's text counts again, unless the
   * file is leaving, when it is dropped. The buffer is dropped before this
   * returns, so a quick reopen keeps its own.
   */
  close(path: string): Promise<Set<string>> {
    return this.workspace.clearOverlay(path, this.isLeaving(path));
  }

  /** didRenameFiles: the moves are done; the old paths are gone and the new ones are there, whatever a watcher says and when. */
  didRename(moves: readonly FileMove[]): FileEvent[] {
    return moves.flatMap(({ from, to }) => {
      this.moves.delete(from);
      return [
        { path: from, deleted: true },
        { path: to, deleted: false },
      ];
    });
  }

  private forgetExpired(now: number): void {
    for (const [from, move] of this.moves) if (move.requestedUntil !== undefined && move.requestedUntil < now) this.moves.delete(from);
  }

  private abandonExpired(): void {
    const now = Date.now();
    for (const [from, move] of this.moves) {
      if (move.leavingUntil === undefined || move.leavingUntil > now) continue;
      this.moves.delete(from);
      this.onAbandoned(from);
    }
  }
}
