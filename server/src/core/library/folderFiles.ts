import { childPath } from '../util/paths';
import type { RoleFileSystem } from './fileSystem';

/**
 * Bounds of the listing of a skills library's folders: a skill holds a few
 * scripts, references and assets; past these the listing stops, and a link
 * to a file it did not reach is not reported (see `complete`).
 */
const LIMITS = { entries: 50_000, depth: 16 } as const;
const SKIPPED = new Set(['node_modules', '.git']);

/** The files and folders below a library's role folders, where a folder is the role: the targets its links may name. */
export interface FolderFiles {
  paths: Set<string>;
  /** Whether the listing saw everything: a link is only reported missing when it did. */
  complete: boolean;
}

/** Lists every file and folder below the folders, within the bounds, exact case as the disk has it. */
export async function listFolderFiles(fs: RoleFileSystem, folders: readonly string[]): Promise<FolderFiles> {
  const found: FolderFiles = { paths: new Set(), complete: true };
  for (const folder of folders) await addBelow(fs, folder, found, 0);
  return found;
}

/** Adds a file or folder that appeared, with everything below a folder. */
export async function addBelow(fs: RoleFileSystem, path: string, into: FolderFiles, depth = 0): Promise<void> {
  if (depth > LIMITS.depth || into.paths.size >= LIMITS.entries) {
    into.complete = false;
    return;
  }
  let entries;
  try {
    entries = await fs.readDirectory(path);
  } catch {
    return;
  }
  for (const entry of entries) {
    const below = childPath(path, entry.name);
    into.paths.add(below);
    if (entry.type === 'directory' && !SKIPPED.has(entry.name)) await addBelow(fs, below, into, depth + 1);
  }
}

/** Drops a file or folder that went, with everything below it. */
export function dropBelow(path: string, from: FolderFiles): void {
  for (const known of [...from.paths]) if (known === path || known.startsWith(`${path}/`)) from.paths.delete(known);
}
