/** A size in MiB, as messages give it. */
export function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The code of a read refused because the path leads, through a symbolic link, outside the folders that may be read. */
export const OUTSIDE_CODE = 'EOUTSIDE';

/**
 * Why a file or folder could not be read (or written), in words: a user can act on
 * "permission denied", not on EACCES. `limitBytes` is the size past which
 * the file system refuses a file (EFBIG).
 */
export function describeReadFailure(error: unknown, limitBytes: number): string {
  const { code, size, message } = error as { code?: string; size?: number; message?: string };
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTFILE':
      return 'it is not a regular file';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ELOOP':
      return 'its symbolic links form a loop';
    case 'EEXIST':
      return 'a file or a link of that name exists already';
    case 'ENAMETOOLONG':
      return 'the name is too long for the file system';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space is left on the device';
    case OUTSIDE_CODE:
      return 'it leads outside the workspace through a symbolic link, and is not read';
    case 'EFBIG':
      return `it is ${size === undefined ? 'over' : `${mebibytes(size)}, over`} the limit of ${mebibytes(limitBytes)}`;
    default:
      return message ?? String(error);
  }
}
