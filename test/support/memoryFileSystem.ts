import type { DirectoryEntry, RoleFileSystem } from '../../server/src/core';

/** A file system held in a map of absolute '/' paths to text, for tests of the core. */
export class MemoryFileSystem implements RoleFileSystem {
  readonly files = new Map<string, string>();
  reads = 0;

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text);
  }

  async readDirectory(dir: string): Promise<DirectoryEntry[]> {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    const entries = new Map<string, DirectoryEntry>();
    for (const path of this.files.keys()) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      entries.set(name, { name, type: slash < 0 ? 'file' : 'directory' });
    }
    if (entries.size === 0 && !this.isDirectory(dir)) throw Object.assign(new Error(`ENOENT: ${dir}`), { code: 'ENOENT' });
    return [...entries.values()];
  }

  async readFile(path: string): Promise<string> {
    this.reads++;
    const text = this.files.get(path);
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return text;
  }

  async stat(path: string): Promise<'file' | 'directory' | undefined> {
    if (this.files.has(path)) return 'file';
    return this.isDirectory(path) ? 'directory' : undefined;
  }

  private isDirectory(path: string): boolean {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    for (const p of this.files.keys()) if (p.startsWith(prefix)) return true;
    return false;
  }
}
