import type { WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';
import { isWithin } from '../core';
import { libraryRootOf } from '../node/libraryRoot';
import { folderPaths } from './uris';

/** The roots once the client removed and added workspace folders. */
export function changedRoots(roots: readonly string[], event: WorkspaceFoldersChangeEvent): string[] {
  const removed = new Set(folderPaths(event.removed));
  return [...roots.filter(r => !removed.has(r)), ...folderPaths(event.added)];
}

/**
 * The root a role file opened outside every root brings in (no folder open,
 * or a client that named none): its library's, unless that is loaded
 * already. Untrusted, nothing outside the workspace folders is read, a
 * library beside them included.
 */
export function rootOpenedOutside(path: string, roots: readonly string[], withinRootsOnly: boolean): string | undefined {
  if (withinRootsOnly || roots.some(r => isWithin(path, r))) return undefined;
  const root = libraryRootOf(path);
  return root === undefined || roots.includes(root) ? undefined : root;
}
