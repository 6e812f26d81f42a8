import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import * as nodePath from 'node:path';
import { CONFIG_FILE_NAME, hasMarkdownEnding, isWithin } from '../core';
import { toCorePath, toPlatformPath } from './nodeFileSystem';

export interface WatchedFolder {
  path: string;
  /** The whole tree below it (a role folder), or only its own entries (a root, where a configuration or a `roles` folder may appear). */
  recursive: boolean;
}

/**
 * How many folders the server watches at most. Each watched folder holds one
 * of the user's inotify watches (8,192 by default on many systems, shared by
 * every program); a role library has a few folders, and a tree of thousands
 * is something else (a link to `/`, a generated tree) whose watches would
 * leave other programs with ENOSPC.
 */
export const WATCH_BUDGET = 1_000;

/**
 * The server's own watcher, for a client that watches no files (Neovim 0.7,
 * ALE): Node's fs.watch on each folder of the libraries (not recursive:
 * Node's recursive watch on Linux takes a watch per file too), its events
 * gathered for a moment and handed on as a watcher's events would be: a path,
 * and whether it is gone. Only what a watched-files client is asked to report
 * is passed on (Markdown files, configurations, folders); a folder's own
 * event covers the files below it, as it does for VS Code's watcher. A folder
 * that appears inside a watched tree, or again where a watched one was
 * deleted, is watched from then on; past the budget no more folders are
 * watched, and that is said once.
 */
export class DiskWatcher {
  private wanted: readonly WatchedFolder[] = [];
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private overBudget = false;

  constructor(
    private readonly onEvents: (events: Array<{ path: string; deleted: boolean }>) => void,
    private readonly onProblem: (message: string) => void,
    private readonly settleMs = 50,
    private readonly budget = WATCH_BUDGET,
  ) {}

  /** Watches exactly these folders from now on: the recursive ones with every folder below them. */
  watch(folders: readonly WatchedFolder[]): void {
    this.wanted = folders;
    const dirs = new Set<string>();
    for (const folder of folders) this.collect(folder.path, folder.recursive, dirs);
    for (const [dir, watcher] of this.watchers) {
      if (dirs.has(dir)) continue;
      watcher.close();
      this.watchers.delete(dir);
    }
    for (const dir of dirs) this.start(dir);
  }

  /** Hands on the events heard so far now, not at the end of their settle time: a request that edits files must not come before them. */
  flushNow(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.flush();
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    if (this.timer) clearTimeout(this.timer);
  }

  /** How many folders are watched. */
  get watchCount(): number {
    return this.watchers.size;
  }

  /** The folder, and with `recursive` the folders below it that a walk would enter, within the budget. */
  private collect(dir: string, recursive: boolean, into: Set<string>): void {
    const stack = [dir];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (into.has(next) || !isDirectory(next)) continue;
      if (into.size >= this.budget) {
        this.stopped(next);
        return;
      }
      into.add(next);
      if (!recursive) continue;
      let entries;
      try {
        entries = readdirSync(toPlatformPath(next), { withFileTypes: true });
      } catch {
        continue;
      }
      // As discovery walks: no hidden folder, no node_modules, no link to a folder.
      for (const e of entries) if (e.isDirectory() && !skipped(e.name)) stack.push(`${next}/${e.name}`);
    }
  }

  private stopped(at: string): void {
    if (this.overBudget) return;
    this.overBudget = true;
    this.onProblem(
      `fleet-roles stopped watching for changes after ${this.budget.toLocaleString('en-US')} folders (at ${at}): a role library has far fewer. Changes made outside the editor there are seen when a file is opened, when the editor reports them, or at the next restart.`,
    );
  }

  private start(dir: string): void {
    if (this.watchers.has(dir)) return;
    const platform = toPlatformPath(dir);
    try {
      const watcher = watch(platform, { persistent: false }, (_event, name) => {
        if (name) this.heard(toCorePath(nodePath.join(platform, String(name))));
      });
      // The folder itself went away (deleted, moved): its parent's watch, or the next load, says what is left.
      watcher.on('error', () => this.stop(dir));
      this.watchers.set(dir, watcher);
    } catch (error) {
      this.onProblem(
        `fleet-roles cannot watch ${dir} for changes (${(error as Error).message}); changes made outside the editor there are seen at the next restart.`,
      );
    }
  }

  private stop(dir: string): void {
    this.watchers.get(dir)?.close();
    this.watchers.delete(dir);
  }

  private heard(path: string): void {
    const name = path.slice(path.lastIndexOf('/') + 1);
    // The entry's own name alone: every watch is of one folder, none below a skipped one, and a watched folder may lie inside a hidden one (`.claude/agents`).
    if (skipped(name)) return;
    // Any file of a skill may be what its links name (`scripts/run.py`).
    const relevant = hasMarkdownEnding(name) || name === CONFIG_FILE_NAME || !name.includes('.') || path.includes('/skills/');
    if (!relevant) return;
    this.pending.add(path);
    this.timer ??= setTimeout(() => this.flush(), this.settleMs);
  }

  private flush(): void {
    this.timer = undefined;
    const paths = [...this.pending];
    this.pending.clear();
    // Whether a path is gone is read once the burst is over: an editor's save (write aside, rename over) is one change.
    const events = paths.map(path => ({ path, deleted: !existsSync(toPlatformPath(path)) }));
    for (const { path, deleted } of events) this.follow(path, deleted);
    this.onEvents(events);
  }

  /** A folder gone takes its watches with it; one that appeared in a watched tree, or where a watched folder was, is watched. */
  private follow(path: string, deleted: boolean): void {
    if (deleted) {
      for (const dir of [...this.watchers.keys()]) if (isWithin(dir, path)) this.stop(dir);
      return;
    }
    const folder = this.wanted.find(f => (f.recursive ? isWithin(path, f.path) : f.path === path));
    if (!folder || !isDirectory(path)) return;
    const dirs = new Set(this.watchers.keys());
    this.collect(path, folder.recursive, dirs);
    for (const dir of dirs) this.start(dir);
  }
}

function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function isDirectory(path: string): boolean {
  try {
    return statSync(toPlatformPath(path)).isDirectory();
  } catch {
    return false;
  }
}
