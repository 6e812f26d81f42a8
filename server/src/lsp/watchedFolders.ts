import { CONFIG_FILE_NAME, type WorkspaceStatus } from '../core';
import type { WatchedFolder } from '../node/diskWatcher';

/**
 * What the server watches where the client watches nothing: each library's
 * role folders, whole; each root and each library's root, for their own
 * entries only (a configuration or a `roles` folder that appears there).
 * Not a folder the load could not read: one that leads outside the workspace
 * through a link is not the workspace's to watch.
 */
export function foldersToWatch(roots: readonly string[], status: WorkspaceStatus): WatchedFolder[] {
  const suffix = `/${CONFIG_FILE_NAME}`;
  const libraryRoots = status.libraries.map(l => (l.id.endsWith(suffix) ? l.id.slice(0, -suffix.length) : l.id));
  return [
    ...status.libraries.flatMap(l => l.roleFolders.map(path => ({ path, recursive: true }))),
    ...[...roots, ...libraryRoots].map(path => ({ path, recursive: false })),
  ].filter(f => !status.unreadableFolders.has(f.path));
}
