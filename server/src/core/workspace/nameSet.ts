import type { CompiledFormat } from '../config/compiledFormat';
import { ownerOf, type Layout } from '../library/discovery';
import type { RoleFileSystem } from '../library/fileSystem';
import type { Library } from '../library/library';
import type { LibraryView } from '../library/libraryView';
import { namesOfRole, roleNameOf } from '../library/roleName';
import { SuggestionIndex } from '../library/suggestionIndex';
import { roleDeclarations } from '../parse/declarations';
import { parseFrontmatter } from '../parse/frontmatter';
import { parseRole, roleStem } from '../parse/roleFile';
import { LineIndex } from '../text/lineIndex';
import { throwIfCancelled, type CancellationToken } from '../util/cancellation';
import { StringMultiMap } from '../util/stringMultiMap';
import { readBuffer, readRoleText, type ReadResult } from './readRoleText';

/** How many frontmatters are read at once: as the load reads its files. */
const READ_CONCURRENCY = 32;
/** What a format that names roles by their files reads of them: nothing. */
const NO_TEXT: ReadResult = { text: '' };

/**
 * One library's role names, known before its files are parsed: what a
 * check of one open file needs of the others, but for who declares what.
 * The names are those the index will hold once the load ends, so an answer
 * from them is the final answer less what needs the other files' text.
 */
export class NameSet {
  private readonly nameOf = new Map<string, string>();
  private readonly files = new StringMultiMap();
  /** Made at the first did-you-mean: most open files need none, and the index makes its own. */
  private suggestions: SuggestionIndex | undefined;

  /** The file's role name, or undefined when it is no role (a document). */
  set(path: string, name: string | undefined): void {
    const old = this.nameOf.get(path);
    if (old === name) return;
    if (old !== undefined) {
      this.nameOf.delete(path);
      this.files.delete(old, path);
      if (!this.files.has(old)) this.suggestions?.remove(old);
    }
    if (name === undefined) return;
    this.nameOf.set(path, name);
    this.files.add(name, path);
    this.suggestions?.add(name);
  }

  private closest(word: string, limit: number, exclude?: string): string[] {
    if (!this.suggestions) {
      this.suggestions = new SuggestionIndex();
      for (const name of this.files.keys()) this.suggestions.add(name);
    }
    return this.suggestions.closest(word, limit, exclude);
  }

  view(library: Library, uriOf: (path: string) => string): LibraryView {
    return {
      library,
      hasRole: name => this.files.has(name),
      roleNames: () => this.files.keys(),
      closestRoles: (word, limit, exclude) => this.closest(word, limit, exclude),
      filesDeclaringName: () => undefined,
      uriOf,
    };
  }
}

/**
 * The name a file's text gives its role, as the index would name it, or
 * undefined for a document. A format that names roles by a key needs the
 * key's value alone: the frontmatter is parsed, not the body, unless the
 * format lets the key stand in the body too.
 */
function roleNameOfText(path: string, text: string, library: Library): string | undefined {
  const format = library.format;
  const role = parseRole(path, keyOnlyInFrontmatter(format) ? frontmatterOf(text) : text, format.parse);
  if (role.isDocument) return undefined;
  return namesOfRole(role, roleDeclarations(role, format.declared), format.identity, { path, roleFolders: library.roleFolders }).name;
}

/**
 * Every library's names: a file's name where the format names roles by
 * their files (the listing is enough), else from each file's frontmatter.
 * An open editor's text wins over the disk, as in the load.
 */
export async function readNameSets(
  fs: RoleFileSystem,
  layout: Layout,
  overlays: ReadonlyMap<string, string>,
  token: CancellationToken,
): Promise<Map<string, NameSet>> {
  const sets = new Map<string, NameSet>(layout.libraries.map(l => [l.id, new NameSet()]));
  const toRead: string[] = [];
  for (const [path, library] of layout.files) {
    if (library.format.identity.nameFrom === 'key') toRead.push(path);
    else sets.get(library.id)!.set(path, nameFromRead(path, NO_TEXT, library));
  }
  for (let i = 0; i < toRead.length; i += READ_CONCURRENCY) {
    const batch = toRead.slice(i, i + READ_CONCURRENCY);
    const reads = await Promise.all(batch.map(p => readRoleText(fs, p)));
    throwIfCancelled(token);
    batch.forEach((path, j) => {
      const library = layout.files.get(path)!;
      // A file gone since the listing is not indexed by the load either.
      if (!('missing' in reads[j])) sets.get(library.id)!.set(path, nameFromRead(path, reads[j], library));
    });
  }
  // Open buffers last, those opened while the disk was read too: an editor's text wins, and a buffer of a file not on disk belongs to its library.
  for (const [path, text] of overlays) {
    const library = layout.files.get(path) ?? ownerOf(layout, path);
    if (library) sets.get(library.id)!.set(path, nameFromRead(path, readBuffer(text), library));
  }
  return sets;
}

/** A read's role name, as the load indexes the read: a file it cannot read is a role with an empty text. */
export function nameFromRead(path: string, read: ReadResult, library: Library): string | undefined {
  const format = library.format;
  if (format.identity.nameFrom !== 'key') {
    const stem = roleStem(path, format.parse);
    return format.parse.isDocument(stem, path) ? undefined : roleNameOf(stem, undefined, format.identity, { path, roleFolders: library.roleFolders });
  }
  return roleNameOfText(path, 'text' in read ? read.text : '', library);
}

function keyOnlyInFrontmatter(format: CompiledFormat): boolean {
  return format.declared.find(k => k.key === format.identity.key)?.in === 'frontmatter';
}

/** The text up to the frontmatter's closing line, which is all its parse reads. */
function frontmatterOf(text: string): string {
  const frontmatter = parseFrontmatter(new LineIndex(text));
  return frontmatter ? text.slice(0, frontmatter.end) : '';
}
