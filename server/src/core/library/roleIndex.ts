import type { LibraryView } from './libraryView';
import { roleDeclarations } from '../parse/declarations';
import { parseRole, type ParsedRole } from '../parse/roleFile';
import { summarizeRole, type RoleSummary } from '../parse/roleSummary';
import { boundedEditDistance, suggestionBudget } from '../util/editDistance';
import { SortedStrings } from '../util/sortedStrings';
import { StringMultiMap } from '../util/stringMultiMap';
import type { Library } from './library';
import { namesOfRole } from './roleName';
import { SuggestionIndex } from './suggestionIndex';

export interface IndexedFile {
  library: Library;
  role: ParsedRole;
  /** Domain, title and description, derived once per parse for completion, hover and the graph. */
  summary: RoleSummary;
  /** The name the role declares under its format's identity key (the fleet's class), when it is a string. */
  declaredName?: string;
  /** What the role is called where others refer to it: its file's name, or its identity key's value where the format says so. */
  name: string;
  /** Why the file's text could not be read; the role then has an empty text and this one diagnostic. */
  unreadable?: string;
}

class LibraryTables {
  /** Role name (file stem, or the identity key's value where the format names roles so) → role files with that name. */
  readonly roles = new StringMultiMap();
  /** Declared name (the identity key's value: the fleet's class, an agent's name) → role files declaring it. */
  readonly declaredNames = new StringMultiMap();
  /** Referenced role name → files that refer to it. */
  readonly referrers = new StringMultiMap();
  /** Referenced names with no role: the only ones a new role's name can change a suggestion for. */
  readonly unresolved = new Set<string>();
  /** The library's documents: its index lists every role, so a role's coming or going concerns it. */
  readonly documents = new Set<string>();
  /** Role names in order, for completion. */
  readonly names = new SortedStrings();
  /** Did-you-mean over the role names. */
  readonly suggestions = new SuggestionIndex();
}

/**
 * The parsed files of every library and the tables that answer questions
 * across files. Updating one file re-parses that file only and says which
 * files' diagnostics the change may alter.
 */
export class RoleIndex {
  private readonly files = new Map<string, IndexedFile>();
  private readonly tables = new Map<string, LibraryTables>();
  /** Files parsed since the index was made: the regression guard counts them. */
  parseCount = 0;

  get size(): number {
    return this.files.size;
  }

  get(path: string): IndexedFile | undefined {
    return this.files.get(path);
  }

  entries(): IterableIterator<[string, IndexedFile]> {
    return this.files.entries();
  }

  /**
   * Parses and indexes a file's text; returns every path whose diagnostics may
   * change, itself included. A bulk load passes `trackAffected: false`: with
   * nothing checked yet, nothing can go stale.
   */
  update(path: string, library: Library, text: string, trackAffected = true, unreadable?: string): Set<string> {
    this.parseCount++;
    const format = library.format;
    const role = parseRole(path, text, format.parse);
    const declarations = roleDeclarations(role, format.declared);
    const entry: IndexedFile = {
      library,
      role,
      summary: summarizeRole(role, declarations),
      ...namesOfRole(role, declarations, format.identity, { path, roleFolders: library.roleFolders }),
      unreadable,
    };
    const old = this.files.get(path);
    // An edit that keeps the file's library and declared name cannot change another file's diagnostics.
    const crossFile = trackAffected && !(old && old.library === library && old.declaredName === entry.declaredName);
    const affected = this.detach(path, crossFile);
    this.files.set(path, entry);
    const tables = this.tablesOf(library);
    const name = entry.name;
    const isNewRole = !role.isDocument && !tables.roles.has(name);
    if (!role.isDocument) {
      if (isNewRole) {
        tables.names.add(name);
        tables.suggestions.add(name);
      }
      tables.roles.add(name, path);
      tables.unresolved.delete(name);
    } else {
      tables.documents.add(path);
    }
    if (entry.declaredName !== undefined) {
      if (crossFile) for (const other of tables.declaredNames.get(entry.declaredName)) affected.add(other);
      tables.declaredNames.add(entry.declaredName, path);
    }
    for (const ref of role.references) {
      tables.referrers.add(ref.name, path);
      if (!tables.roles.has(ref.name)) tables.unresolved.add(ref.name);
    }
    if (isNewRole && crossFile) this.addNameDependents(tables, name, affected);
    affected.add(path);
    return affected;
  }

  /** Drops a file; returns the paths whose diagnostics may change. */
  delete(path: string): Set<string> {
    const affected = this.detach(path);
    affected.delete(path);
    return affected;
  }

  /** Drops every file and table, for a change of configuration. */
  clear(): void {
    this.files.clear();
    this.tables.clear();
  }

  view(library: Library, uriOf: (path: string) => string): LibraryView {
    const tables = this.tablesOf(library);
    return {
      library,
      hasRole: name => tables.roles.has(name),
      roleNames: () => tables.roles.keys(),
      closestRoles: (word, limit, exclude) => tables.suggestions.closest(word, limit, exclude),
      filesDeclaringName: name => [...tables.declaredNames.get(name)].sort(),
      uriOf,
    };
  }

  /** Role files of a library with the given name. */
  roleFiles(library: Library, name: string): string[] {
    return [...this.tablesOf(library).roles.get(name)];
  }

  roleNames(library: Library): IterableIterator<string> {
    return this.tablesOf(library).roles.keys();
  }

  /** Did-you-mean for a role name: the library's closest role names, best first. */
  closestRoles(library: Library, word: string, limit: number): string[] {
    return this.tablesOf(library).suggestions.closest(word, limit);
  }

  /** The library's role names in order. */
  sortedRoleNames(library: Library): readonly string[] {
    return this.tablesOf(library).names.sorted();
  }

  referrersOf(library: Library, name: string): string[] {
    return [...this.tablesOf(library).referrers.get(name)];
  }

  private tablesOf(library: Library): LibraryTables {
    let tables = this.tables.get(library.id);
    if (!tables) this.tables.set(library.id, (tables = new LibraryTables()));
    return tables;
  }

  private detach(path: string, trackAffected = true): Set<string> {
    const affected = new Set<string>();
    const old = this.files.get(path);
    if (!old) return affected;
    this.files.delete(path);
    const tables = this.tablesOf(old.library);
    for (const ref of old.role.references) {
      tables.referrers.delete(ref.name, path);
      if (!tables.referrers.has(ref.name)) tables.unresolved.delete(ref.name);
    }
    tables.documents.delete(path);
    if (!old.role.isDocument) {
      tables.roles.delete(old.name, path);
      if (!tables.roles.has(old.name)) {
        tables.names.delete(old.name);
        tables.suggestions.remove(old.name);
        if (tables.referrers.has(old.name)) tables.unresolved.add(old.name);
        if (trackAffected) this.addNameDependents(tables, old.name, affected);
      }
    }
    if (old.declaredName !== undefined) {
      tables.declaredNames.delete(old.declaredName, path);
      if (trackAffected) for (const other of tables.declaredNames.get(old.declaredName)) affected.add(other);
    }
    affected.add(path);
    return affected;
  }

  /**
   * A role name that appears or disappears changes the diagnostics of files
   * that refer to it, and the did-you-mean of files that refer to a missing
   * name close to it.
   */
  private addNameDependents(tables: LibraryTables, name: string, affected: Set<string>): void {
    const touch = (referred: string) => {
      for (const p of tables.referrers.get(referred)) affected.add(p);
    };
    touch(name);
    for (const doc of tables.documents) affected.add(doc);
    for (const missing of tables.unresolved) {
      const budget = suggestionBudget(missing);
      if (missing !== name && boundedEditDistance(missing, name, budget) <= budget) touch(missing);
    }
  }
}
