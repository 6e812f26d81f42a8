/**
 * A role file is a page or two; past this a file is surely something else,
 * and is not read. A file system that can tell a size first (`size`), or
 * refuses with EFBIG, spares reading it at all.
 */
export const MAX_ROLE_FILE_BYTES = 4 * 1024 * 1024;

export type EntryType = 'file' | 'directory' | 'other';

export interface DirectoryEntry {
  name: string;
  type: EntryType;
}

/**
 * What the core needs of a file system. The CLI and the server give it the
 * disk; tests give it a map in memory.
 */
export interface RoleFileSystem {
  /** Entries of a directory; symbolic links to directories are 'other', so walks never loop. */
  readDirectory(dir: string): Promise<DirectoryEntry[]>;
  readFile(path: string): Promise<string>;
  /**
   * The path's type as `readDirectory` lists it in its folder (a link to a
   * file is a file, any other link 'other'), so that one path named by a
   * file event is taken as a walk would take it; undefined when it does not exist.
   */
  stat(path: string): Promise<EntryType | undefined>;
  /** The file's size in bytes, to refuse a huge file before reading it; undefined when unknown. */
  size?(path: string): Promise<number | undefined>;
  /** Where the path leads with every symbolic link followed; undefined when it does not exist. Absent where there are no links. */
  realPath?(path: string): Promise<string | undefined>;
}
