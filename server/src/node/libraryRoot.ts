import { existsSync } from 'node:fs';
import * as nodePath from 'node:path';
import { CONFIG_FILE_NAME } from '../core';
import { toCorePath, toPlatformPath } from './nodeFileSystem';

/**
 * The folder to load for a Markdown file opened outside every workspace
 * folder (a role file opened on its own, or a client that sent no folder):
 * the nearest folder above it that is named `roles` or holds a
 * fleet-roles.json, as discovery would find the library from there; undefined
 * for other Markdown, which is no role file.
 */
export function libraryRootOf(path: string): string | undefined {
  let dir = nodePath.dirname(toPlatformPath(path));
  for (;;) {
    if (nodePath.basename(dir) === 'roles' || existsSync(nodePath.join(dir, CONFIG_FILE_NAME))) return toCorePath(dir);
    const parent = nodePath.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
