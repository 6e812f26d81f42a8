import { existsSync, watch, type FSWatcher } from 'node:fs';
import * as nodePath from 'node:path';
import { CONFIG_FILE_NAME } from '../core';
import { toCorePath, toPlatformPath } from './nodeFileSystem';

export interface WatchedFolder {
  path: string;
  /** The whole tree below it (a role folder), or only its own entries (a root, where a configuration or a `roles` folder may appear). */
  recursive: boolean;
}

/**
 * The server's own watcher, for a client that watches no files (Neovim 0.7,
 * ALE): Node's fs.watch on the library's folders, its events gathered for a
 * moment and handed on as a watcher's events would be: a path, and whether it
 * is gone. Only what a watched-files client is asked to report is passed on
 * (Markdown files, configurations, folders); a folder's own event covers the
 * files below it, as it does for VS Code's watcher.
 */
export class DiskWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly onEvents: (events: Array<{ path: string; deleted: boolean }>) => void,
    private readonly onProblem: (message: string) => void,
    private readonly settleMs = 50,
  ) {}

  /** Watches exactly these folders from now on (a folder inside a recursively watched one needs no watch of its own). */
  watch(folders: readonly WatchedFolder[]): void {
    const recursive = folders.filter(f => f.recursive).map(f => f.path);
    const wanted = new Map<string, WatchedFolder>();
    for (const folder of folders) {
      const covered = recursive.some(r => r !== folder.path && isBelow(folder.path, r)) || (!folder.recursive && recursive.includes(folder.path));
      if (!covered) wanted.set(`${folder.recursive ? 'tree' : 'entries'} ${folder.path}`, folder);
    }
    for (const [key, watcher] of this.watchers) {
      if (wanted.has(key)) continue;
      watcher.close();
      this.watchers.delete(key);
    }
    for (const [key, folder] of wanted) if (!this.watchers.has(key)) this.start(key, folder);
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    if (this.timer) clearTimeout(this.timer);
  }

  private start(key: string, folder: WatchedFolder): void {
    const dir = toPlatformPath(folder.path);
    if (!existsSync(dir)) return;
    try {
      const watcher = watch(dir, { recursive: folder.recursive, persistent: false }, (_event, name) => {
        if (name) this.heard(toCorePath(nodePath.join(dir, String(name))));
      });
      // The folder itself went away (deleted, moved): its parent's watch or the next load says what is left.
      watcher.on('error', () => {
        watcher.close();
        this.watchers.delete(key);
      });
      this.watchers.set(key, watcher);
    } catch (error) {
      this.onProblem(`fleet-roles cannot watch ${folder.path} for changes (${(error as Error).message}); changes made outside the editor there are seen at the next restart.`);
    }
  }

  private heard(path: string): void {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (path.split('/').some(part => part.startsWith('.') || part === 'node_modules')) return;
    const relevant = name.toLowerCase().endsWith('.md') || name === CONFIG_FILE_NAME || !name.includes('.');
    if (!relevant) return;
    this.pending.add(path);
    this.timer ??= setTimeout(() => this.flush(), this.settleMs);
  }

  private flush(): void {
    this.timer = undefined;
    const paths = [...this.pending];
    this.pending.clear();
    // Whether a path is gone is read once the burst is over: an editor's save (write aside, rename over) is one change.
    this.onEvents(paths.map(path => ({ path, deleted: !existsSync(toPlatformPath(path)) })));
  }
}

function isBelow(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir}/`);
}
