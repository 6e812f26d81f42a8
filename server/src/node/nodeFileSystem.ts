import { closeSync, constants, fstatSync, openSync, promises as fsp, readSync, realpathSync } from 'node:fs';
import * as nodePath from 'node:path';
import { MAX_ROLE_FILE_BYTES, type DirectoryEntry, type EntryType, type RoleFileSystem } from '../core';

/** A platform path as the core names it: absolute, with '/' separators. */
export function toCorePath(platformPath: string): string {
  return nodePath.resolve(platformPath).split(nodePath.sep).join('/');
}

export function toPlatformPath(corePath: string): string {
  return corePath.split('/').join(nodePath.sep);
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
const scratch = new Uint8Array(256 * 1024);

/** The disk, for the CLI and the server. A UTF-8 BOM is dropped, as VS Code drops it from a document. */
export const nodeFileSystem: RoleFileSystem = {
  async readDirectory(dir) {
    const entries = await fsp.readdir(toPlatformPath(dir), { withFileTypes: true });
    const out: DirectoryEntry[] = [];
    for (const entry of entries) {
      const type = entry.isSymbolicLink() ? await linkType(nodePath.join(toPlatformPath(dir), entry.name)) : typeOf(entry);
      out.push({ name: entry.name, type });
    }
    return out;
  },
  async readFile(path) {
    return decoder.decode(readSmallFile(toPlatformPath(path)));
  },
  async stat(path) {
    const platformPath = toPlatformPath(path);
    const entry = await fsp.lstat(platformPath).catch(() => undefined);
    if (!entry) return undefined;
    return entry.isSymbolicLink() ? linkType(platformPath) : typeOf(entry);
  },
  async realPath(path) {
    // Synchronous, as the reads are: one call per file read, cheaper than a trip through the thread pool.
    try {
      return toCorePath(realpathSync.native(toPlatformPath(path)));
    } catch {
      return undefined;
    }
  },
};

function typeOf(entry: { isFile(): boolean; isDirectory(): boolean }): EntryType {
  return entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other';
}

/** A linked file is read; a linked directory is not walked, so a link loop cannot hang a walk. */
async function linkType(platformPath: string): Promise<EntryType> {
  const target = await fsp.stat(platformPath).catch(() => undefined);
  return target?.isFile() ? 'file' : 'other';
}

/**
 * Reads a whole file in one synchronous pass: role files are small, and for
 * ten thousand of them a read through the thread pool costs several times
 * more. The file is opened non-blocking and checked before it is read, so a
 * FIFO or a device named `x.md` cannot hang the caller, and a huge file is
 * refused without being read.
 */
function readSmallFile(platformPath: string): Uint8Array {
  const fd = openSync(platformPath, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error(`${platformPath} is a folder`), { code: 'EISDIR' });
    if (!stat.isFile()) throw Object.assign(new Error(`${platformPath} is not a regular file`), { code: 'ENOTFILE' });
    if (stat.size > MAX_ROLE_FILE_BYTES) throw Object.assign(new Error(`${platformPath} is too large`), { code: 'EFBIG', size: stat.size });
    // Decoded before the next read, so one buffer serves every file that fits: no allocation per file.
    const buffer = stat.size <= scratch.length ? scratch : new Uint8Array(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
