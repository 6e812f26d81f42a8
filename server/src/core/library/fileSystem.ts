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
  stat(path: string): Promise<EntryType | undefined>;
  /** The file's size in bytes, to refuse a huge file before reading it; undefined when unknown. */
  size?(path: string): Promise<number | undefined>;
}
