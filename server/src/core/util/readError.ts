/**
 * Why a file could not be read, in words a person reads in a message: the
 * file systems report errno codes (EACCES, EFBIG), which say nothing to most.
 * `limit` is the size the reader refuses to read past, for EFBIG.
 */
export function describeReadError(error: unknown, limit?: number): string {
  const { code, size } = (error ?? {}) as { code?: string; size?: number };
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a folder, not a file';
    case 'ENOTDIR': return 'it is a file, not a folder';
    case 'ENOTFILE': return 'it is not a regular file';
    case 'ELOOP': return 'its symbolic links loop';
    case 'ENAMETOOLONG': return 'its name is too long';
    case 'EFBIG': {
      const over = limit === undefined ? 'over the size limit' : `over the ${formatMiB(limit)} limit`;
      return size === undefined ? `it is ${over}` : `it is ${formatMiB(size)}, ${over}`;
    }
    default: return error instanceof Error ? error.message : String(error);
  }
}

function formatMiB(bytes: number): string {
  const mib = bytes / 1024 / 1024;
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}
