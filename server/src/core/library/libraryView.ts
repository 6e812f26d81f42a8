import type { Library } from './library';

/** What a check may ask of the library beyond the file it checks. */
export interface LibraryView {
  readonly library: Library;
  hasRole(name: string): boolean;
  roleNames(): Iterable<string>;
  /** The role names closest to a missing one, best first, at most `limit` (3), leaving out `exclude`. */
  closestRoles(word: string, limit: number, exclude?: string): string[];
  /**
   * Role files of the library that declare this name under the identity key (the fleet's class, an agent's name);
   * undefined while only the library's names are known, before its files are read.
   */
  filesDeclaringName(declaredName: string): readonly string[] | undefined;
  uriOf(path: string): string;
}
