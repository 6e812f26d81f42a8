import { describeReadError } from '../util/readError';
import type { RoleFileSystem } from '../library/fileSystem';

/**
 * A role file is a page or two; past this a file is surely something else,
 * and is not read. A file system that can tell a size first (`size`), or
 * refuses with EFBIG, spares reading it at all.
 */
export const MAX_ROLE_FILE_BYTES = 4 * 1024 * 1024;

export type ReadResult = { text: string } | { unreadable: string } | { missing: true };

/**
 * Reads a role file's text, refusing what would make the editor slow or the
 * checks meaningless: a huge file, a binary one, one that cannot be read.
 */
export async function readRoleText(fs: RoleFileSystem, path: string): Promise<ReadResult> {
  try {
    const size = await fs.size?.(path);
    if (size !== undefined && size > MAX_ROLE_FILE_BYTES) return tooLarge(size);
    const text = await fs.readFile(path);
    if (text.length > MAX_ROLE_FILE_BYTES) return tooLarge(undefined);
    if (text.includes('\u0000')) return { unreadable: 'The file is not text (it holds NUL bytes): it was not read.' };
    return { text };
  } catch (error) {
    const { code, size } = error as { code?: string; size?: number };
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    if (code === 'EFBIG') return tooLarge(size);
    return { unreadable: `The file cannot be read (${describeReadError(error)}).` };
  }
}

/**
 * An editor's buffer under the same limit as the disk: a buffer over it is
 * refused as its saved file would be, not parsed at every keystroke.
 */
export function bufferRead(text: string): ReadResult {
  // UTF-16 units never outnumber UTF-8 bytes, and each is at most three: the exact count is rarely needed.
  if (text.length * 3 <= MAX_ROLE_FILE_BYTES) return { text };
  const bytes = text.length > MAX_ROLE_FILE_BYTES ? text.length : new TextEncoder().encode(text).length;
  return bytes > MAX_ROLE_FILE_BYTES ? tooLarge(bytes) : { text };
}

function tooLarge(size: number | undefined): ReadResult {
  const what = size === undefined ? 'The file is over' : `The file is ${(size / 1024 / 1024).toFixed(1)} MiB, over`;
  return { unreadable: `${what} the ${MAX_ROLE_FILE_BYTES / 1024 / 1024} MiB a role file may have: it was not read.` };
}
