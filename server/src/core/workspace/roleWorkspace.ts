import type { Diagnostic } from 'vscode-languageserver-types';
import { CONFIG_FILE_NAME } from '../config/configFile';
import { detectFormat } from '../config/compiledFormat';
import { checkRole } from '../diagnostics/checkRole';
import { confinedFileSystem } from '../library/confinedFileSystem';
import { discoverLayout, filesBelow, ownerOf, type DiscoveryOptions, type Layout } from '../library/discovery';
import type { RoleFileSystem } from '../library/fileSystem';
import type { Library } from '../library/library';
import { RoleIndex, type IndexedFile } from '../library/roleIndex';
import { NEVER_CANCELLED, throwIfCancelled, yieldToEventLoop, type CancellationToken } from '../util/cancellation';
import { basename, isWithin } from '../util/paths';
import { addBelow, dropBelow, type FolderFiles } from '../library/folderFiles';
import type { EntryType } from '../library/fileSystem';
import { makeDiagnostic } from '../diagnostics/makeDiagnostic';
import { applySuppressions } from '../diagnostics/suppressions';
import { readBuffer, readRoleText, type ReadResult } from './readRoleText';

export interface DiagnosticsResult {
  /** Changes whenever the diagnostics may have: a client that holds this id needs nothing new. */
  resultId: string;
  diagnostics: Diagnostic[];
}

/** How many files are read at once during a load: enough to keep the disk busy, few enough to bound memory. */
const READ_CONCURRENCY = 32;
/** Files parsed between two yields to the event loop during a load. */
const PARSE_SLICE = 200;

/**
 * The state the features answer from: which libraries exist, the text of
 * every role file (an open editor's text wins over the disk), the index, and
 * diagnostics computed once per change. Every change returns the paths whose
 * diagnostics may have changed, so the shells re-check and refresh only those.
 */
export class RoleWorkspace {
  readonly index = new RoleIndex();
  private layout: Layout;
  private readonly overlays = new Map<string, string>();
  private readonly diagnostics = new Map<string, DiagnosticsResult>();
  private nextResultId = 1;
  private roots: string[] = [];
  private discovery: DiscoveryOptions = {};
  /** `paths()`, kept until a file comes or goes: a workspace pull walks it on every request. */
  private sortedPaths: readonly string[] | undefined;

  constructor(
    private readonly disk: RoleFileSystem,
    readonly uriOf: (path: string) => string,
  ) {
    // Nothing is read before the first load, which sets the bounds.
    this.layout = { libraries: [], files: new Map(), unreadableFolders: new Map(), walkLimits: [], reader: confinedFileSystem(disk, ['/']) };
  }

  /** The disk as the last load may read it: confined to its folders. */
  private get fs(): RoleFileSystem {
    return this.layout.reader;
  }

  /** Whether a file written at the path would land outside what the last load may read, through a symbolic link. */
  leadsOutside(path: string): Promise<boolean> {
    return this.layout.reader.leadsOutside(path);
  }

  /** Discovers the libraries under the roots and reads every role file. */
  async load(roots: string[], discovery: DiscoveryOptions = {}, token: CancellationToken = NEVER_CANCELLED): Promise<void> {
    this.roots = roots;
    this.discovery = discovery;
    const layout = await discoverLayout(this.disk, roots, discovery);
    throwIfCancelled(token);
    this.layout = layout;
    this.index.clear();
    this.diagnostics.clear();
    this.sortedPaths = undefined;
    const paths = [...layout.files.keys()];
    let parsedSinceYield = 0;
    for (let i = 0; i < paths.length; i += READ_CONCURRENCY) {
      const batch = paths.slice(i, i + READ_CONCURRENCY);
      const reads = await Promise.all(batch.map(p => readRoleText(this.fs, p)));
      throwIfCancelled(token);
      batch.forEach((path, j) => {
        // An editor may have opened the file while the disk was read: its text wins.
        const overlay = this.overlays.get(path);
        this.indexRead(path, layout.files.get(path)!, overlay !== undefined ? readBuffer(overlay) : reads[j]);
      });
      this.sortedPaths = undefined;
      parsedSinceYield += batch.length;
      if (parsedSinceYield >= PARSE_SLICE) {
        parsedSinceYield = 0;
        await yieldToEventLoop();
      }
    }
    // An open buffer of a file not on disk (a new file, unsaved; or opened before this load began) belongs to the library too.
    for (const [path, text] of this.overlays) {
      const library = layout.files.has(path) ? undefined : ownerOf(layout, path);
      if (!library) continue;
      layout.files.set(path, library);
      this.indexRead(path, library, readBuffer(text));
    }
  }

  /** Discovers and reads everything again, as after a change of configuration; every file is affected. */
  async reload(token?: CancellationToken): Promise<Set<string>> {
    const before = new Set(this.layout.files.keys());
    await this.load(this.roots, this.discovery, token);
    for (const path of this.layout.files.keys()) before.add(path);
    return before;
  }

  get libraries(): readonly Library[] {
    return this.layout.libraries;
  }

  /** Where the last load's walk stopped at a bound, in words. */
  get walkLimits(): readonly string[] {
    return this.layout.walkLimits;
  }

  /** Folders the last load could not read, with why. */
  get unreadableFolders(): ReadonlyMap<string, string> {
    return this.layout.unreadableFolders;
  }

  libraryOf(path: string): Library | undefined {
    return this.layout.files.get(path) ?? ownerOf(this.layout, path);
  }

  file(path: string): IndexedFile | undefined {
    return this.index.get(path);
  }

  /** Every indexed file, role files and library documents, in path order. */
  paths(): readonly string[] {
    return (this.sortedPaths ??= [...this.layout.files.keys()].filter(p => this.index.get(p) !== undefined).sort());
  }

  /** Whether a change at this path needs the libraries discovered again. */
  isLayoutChange(path: string): boolean {
    if (basename(path) === CONFIG_FILE_NAME) return true;
    if (this.libraryOf(path) !== undefined || !path.toLowerCase().endsWith('.md')) return false;
    const folder = path.slice(0, path.lastIndexOf('/'));
    return /\/roles(\/|$)/.test(`${folder}/`) || detectFormat(folder) !== undefined;
  }

  /** An editor's text for the file, which wins over the disk until the editor closes it. */
  setOverlay(path: string, text: string): Set<string> {
    this.overlays.set(path, text);
    return this.applyRead(path, readBuffer(text));
  }

  /**
   * The editor closed the file: the disk's text counts again, unless the file is opened again meanwhile.
   * A file the editor is moving away is dropped, not read: its old path may still be on disk for a moment.
   */
  async clearOverlay(path: string, leaving = false): Promise<Set<string>> {
    if (!this.overlays.delete(path)) return new Set();
    return leaving ? this.remove(path) : this.reread(path);
  }

  /**
   * A file or a folder was created or changed on disk: the path is taken as
   * a fresh load would take it. A folder is walked; a FIFO, a device, a
   * socket or a link to anything but a file is no role file. An open
   * editor's text still wins.
   */
  async fileChanged(path: string): Promise<Set<string>> {
    const type = await this.fs.stat(path);
    const skills = await this.skillFileCame(path, type);
    const affected =
      type === 'directory'
        ? await this.folderChanged(path)
        : type === 'file'
          ? await this.reread(path)
          : this.layout.files.has(path) && !this.overlays.has(path)
            ? this.remove(path)
            : new Set<string>();
    for (const p of skills) affected.add(p);
    return affected;
  }

  /** A file or a folder was deleted on disk: every file at or below the path goes, unless an editor holds it. */
  fileDeleted(path: string): Set<string> {
    const affected = this.forget(path, () => false);
    for (const p of this.skillFilesChanged(path, files => dropBelow(path, files))) affected.add(p);
    return affected;
  }

  /** A file or folder came or went below a skills library (`references/forms.md`): what its links may name follows. */
  private async skillFileCame(path: string, type: EntryType | undefined): Promise<Set<string>> {
    const libraries = this.skillLibrariesOver(path);
    for (const library of libraries) {
      const files = library.folderFiles!;
      dropBelow(path, files);
      if (type !== undefined) {
        files.paths.add(path);
        if (type === 'directory') await addBelow(this.fs, path, files);
      }
    }
    return this.skillsOf(libraries);
  }

  private skillFilesChanged(path: string, change: (files: FolderFiles) => void): Set<string> {
    const libraries = this.skillLibrariesOver(path);
    for (const library of libraries) change(library.folderFiles!);
    return this.skillsOf(libraries);
  }

  private skillLibrariesOver(path: string): Library[] {
    return this.layout.libraries.filter(l => l.folderFiles !== undefined && l.roleFolders.some(f => path !== f && isWithin(path, f)));
  }

  /** The skills of these libraries, whose links are checked again. */
  private skillsOf(libraries: readonly Library[]): Set<string> {
    const affected = new Set<string>();
    if (libraries.length === 0) return affected;
    for (const [path, library] of this.layout.files) if (libraries.includes(library)) affected.add(path);
    this.invalidate(affected);
    return affected;
  }

  /** Problems of a library's configuration file, as diagnostics on that file; undefined for other paths. */
  configDiagnostics(path: string): Diagnostic[] | undefined {
    const library = this.layout.libraries.find(l => l.configPath === path);
    return library?.problems.map(p => makeDiagnostic('invalid-config', p.range, p.message));
  }

  /** Configuration files of the libraries, each with its problems (none when it is valid). */
  configPaths(): string[] {
    return this.layout.libraries.flatMap(l => (l.configPath ? [l.configPath] : []));
  }

  /** Diagnostics of a file, computed once per change of the file or of what it depends on. */
  diagnosticsOf(path: string): DiagnosticsResult | undefined {
    const cached = this.diagnostics.get(path);
    if (cached) return cached;
    const entry = this.index.get(path);
    if (!entry) return undefined;
    const diagnostics =
      entry.unreadable !== undefined
        ? [makeDiagnostic('unreadable-file', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, entry.unreadable)]
        : applySuppressions(checkRole(entry.role, entry.name, this.index.view(entry.library, this.uriOf)), entry.role, entry.library.severity);
    const result = { resultId: String(this.nextResultId++), diagnostics };
    this.diagnostics.set(path, result);
    return result;
  }

  /** A file's text as the editor sees it: the open buffer, else the disk; undefined when there is none. */
  async readText(path: string): Promise<string | undefined> {
    const overlay = this.overlays.get(path);
    if (overlay !== undefined) return overlay;
    try {
      return await this.fs.readFile(path);
    } catch {
      return undefined;
    }
  }

  /** Waits between slices of a long walk over the library, so requests are not starved. */
  async *eachPath(token: CancellationToken = NEVER_CANCELLED): AsyncGenerator<string> {
    let n = 0;
    for (const path of this.paths()) {
      throwIfCancelled(token);
      yield path;
      if (++n % PARSE_SLICE === 0) await yieldToEventLoop();
    }
  }

  /**
   * The files below a folder, as a fresh load finds them: a configuration
   * or a new role folder among them changes the layout, so everything is
   * discovered again; else each is read, and known files no longer there go.
   */
  private async folderChanged(folder: string): Promise<Set<string>> {
    const found = await filesBelow(this.fs, folder);
    if (found.configs.size > 0 || [...found.markdown].some(p => this.isLayoutChange(p))) return this.reload();
    const affected = this.forget(folder, known => found.markdown.has(known));
    for (const path of found.markdown) for (const p of await this.reread(path)) affected.add(p);
    return affected;
  }

  /** The disk's text of a file, unless an editor holds the file, before the read or by its end. */
  private async reread(path: string): Promise<Set<string>> {
    if (this.overlays.has(path)) return new Set();
    const read = await readRoleText(this.fs, path);
    if (this.overlays.has(path)) return new Set();
    return this.applyRead(path, read);
  }

  /**
   * The files among these, held by no editor, whose disk text is not the
   * text indexed: a watcher's event for them may still be on its way (it
   * settles for a moment), and an edit made on the indexed text would land
   * at the wrong places in the file as it is.
   */
  async staleOnDisk(paths: readonly string[]): Promise<string[]> {
    const stale: string[] = [];
    for (const path of paths) {
      if (this.overlays.has(path)) continue;
      const read = await readRoleText(this.fs, path);
      const entry = this.index.get(path);
      if (!('text' in read) || entry?.unreadable !== undefined || entry?.role.lines.text !== read.text) stale.push(path);
    }
    return stale;
  }

  /** Drops the known files at or below a path, but those an editor holds and those to keep. */
  private forget(path: string, keep: (known: string) => boolean): Set<string> {
    const affected = new Set<string>();
    for (const known of [...this.layout.files.keys()]) {
      if ((known === path || known.startsWith(`${path}/`)) && !this.overlays.has(known) && !keep(known)) {
        for (const p of this.remove(known)) affected.add(p);
      }
    }
    return affected;
  }

  /** Indexes a read during a load, when nothing is checked yet and so nothing can go stale. */
  private indexRead(path: string, library: Library, read: ReadResult): void {
    if ('text' in read) this.index.update(path, library, read.text, false);
    else if ('unreadable' in read) this.index.update(path, library, '', false, read.unreadable);
  }

  private applyRead(path: string, read: ReadResult): Set<string> {
    if ('missing' in read) return this.remove(path);
    return 'text' in read ? this.apply(path, read.text) : this.apply(path, '', read.unreadable);
  }

  private apply(path: string, text: string, unreadable?: string): Set<string> {
    const library = this.libraryOf(path);
    if (!library) return new Set();
    this.layout.files.set(path, library);
    if (!this.index.get(path)) this.sortedPaths = undefined;
    const affected = this.index.update(path, library, text, true, unreadable);
    this.invalidate(affected);
    return affected;
  }

  private remove(path: string): Set<string> {
    this.layout.files.delete(path);
    this.sortedPaths = undefined;
    const affected = this.index.delete(path);
    this.invalidate(affected);
    this.diagnostics.delete(path);
    return affected;
  }

  private invalidate(paths: Iterable<string>): void {
    for (const path of paths) this.diagnostics.delete(path);
  }
}
