import { promises as fsp } from 'node:fs';
import * as nodePath from 'node:path';
import type { DirectoryEntry, EntryType, RoleFileSystem } from '../core';

/** A platform path as the core names it: absolute, with '/' separators. */
export function toCorePath(platformPath: string): string {
  return nodePath.resolve(platformPath).split(nodePath.sep).join('/');
}

export function toPlatformPath(corePath: string): string {
  return corePath.split('/').join(nodePath.sep);
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** The disk, for the CLI and the server. A UTF-8 BOM is dropped, as VS Code drops it from a document. */
export const nodeFileSystem: RoleFileSystem = {
  async readDirectory(dir) {
    const entries = await fsp.readdir(toPlatformPath(dir), { withFileTypes: true });
    const out: DirectoryEntry[] = [];
    for (const entry of entries) {
      let type: EntryType = entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other';
      if (entry.isSymbolicLink()) {
        // A linked file is read; a linked directory is not walked, so a link loop cannot hang a walk.
        const target = await fsp.stat(nodePath.join(toPlatformPath(dir), entry.name)).catch(() => undefined);
        type = target?.isFile() ? 'file' : 'other';
      }
      out.push({ name: entry.name, type });
    }
    return out;
  },
  async readFile(path) {
    return decoder.decode(await fsp.readFile(toPlatformPath(path)));
  },
  async size(path) {
    const s = await fsp.stat(toPlatformPath(path)).catch(() => undefined);
    return s?.isFile() ? s.size : undefined;
  },
  async stat(path) {
    const s = await fsp.stat(toPlatformPath(path)).catch(() => undefined);
    if (!s) return undefined;
    return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
  },
};
