import type { RoleFormat } from '../config/roleFormat';
import { declaredString, type RoleDeclarations } from '../parse/declarations';
import type { ParsedRole } from '../parse/roleFile';
import { isWithin, relativePath } from '../util/paths';

/** Where a role file stands in its library: what a format that names roles by their path reads. */
export interface RolePlace {
  path: string;
  roleFolders: readonly string[];
}

/**
 * What a role is called where others refer to it: its file's name, or, in a
 * format that names roles by a key (Copilot's `name: Feature Builder`), that
 * key's value when the file declares one, or, in one that names them by path
 * (OpenCode's `team/reviewer`), the folders below the role folder and the
 * file's name. Names are compared exactly, case included.
 */
export function roleNameOf(stem: string, declared: string | undefined, identity: RoleFormat['identity'], place?: RolePlace): string {
  if (identity.nameFrom === 'path' && place) return pathName(stem, place.path, place.roleFolders);
  return identity.nameFrom === 'key' && declared !== undefined && declared.trim() !== '' ? declared : stem;
}

/** The folders between the file's role folder and the file, then its stem: `team/reviewer`. */
function pathName(stem: string, path: string, roleFolders: readonly string[]): string {
  // The deepest folder holding the file: a role folder nested in another names its files from itself.
  const folder = roleFolders.filter(f => isWithin(path, f)).sort((a, b) => b.length - a.length)[0];
  if (folder === undefined) return stem;
  const inside = relativePath(folder, path);
  const at = inside.lastIndexOf('/');
  return at < 0 ? stem : `${inside.slice(0, at)}/${stem}`;
}

/** Whether the role's name is its key's value, so a rename edits the key and leaves the file where it is. */
export function namedByKey(identity: RoleFormat['identity']): boolean {
  return identity.nameFrom === 'key' && identity.key !== undefined;
}

/** The name a parsed role declares under its identity key (none for a document), and the name it is called by. */
export function namesOfRole(
  role: ParsedRole,
  declarations: RoleDeclarations,
  identity: RoleFormat['identity'],
  place: RolePlace,
): { declaredName?: string; name: string } {
  const declaredName = role.isDocument ? undefined : declaredString(declarations, identity.key);
  return { declaredName, name: roleNameOf(role.stem, declaredName, identity, place) };
}
