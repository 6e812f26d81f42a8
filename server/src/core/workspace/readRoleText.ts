import { MAX_ROLE_FILE_BYTES, type RoleFileSystem } from '../library/fileSystem';
import { describeReadFailure, mebibytes } from '../util/readFailure';

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
    return { unreadable: `The file cannot be read (${describeReadFailure(error, MAX_ROLE_FILE_BYTES)}).` };
  }
}

/**
 * An open editor's text, held to the limit a read of the file is held to:
 * past it the buffer is refused with the message the file on disk gets, and
 * is not parsed (a 20 MB buffer would block the server on every keystroke).
 */
export function readBuffer(text: string): ReadResult {
  // A UTF-16 unit is one to three bytes of UTF-8: most texts need no counting.
  if (text.length * 3 <= MAX_ROLE_FILE_BYTES) return { text };
  const bytes = utf8Length(text);
  return bytes > MAX_ROLE_FILE_BYTES ? tooLarge(bytes) : { text };
}

/** The text's size in UTF-8, counted without encoding it; a lone surrogate is written as U+FFFD, three bytes. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function tooLarge(size: number | undefined): ReadResult {
  const what = size === undefined ? 'The file is over' : `The file is ${mebibytes(size)}, over`;
  return { unreadable: `${what} the ${MAX_ROLE_FILE_BYTES / 1024 / 1024} MiB a role file may have: it was not read.` };
}
