import { BUILTIN_FORMATS } from '../config/builtinFormats';
import { compileFormat } from '../config/compiledFormat';
import { roleDeclarations } from '../parse/declarations';
import { parseRole } from '../parse/roleFile';
import { basename, isWithin } from '../util/paths';
import { isDocumentName, stemOf } from '../util/slug';
import type { RoleFileSystem } from './fileSystem';

/** The index a library without a configuration may have in a role folder. */
export const INDEX_FILE_NAME = 'LIBRARY.md';

/**
 * Whether a Markdown file is a role file of the fleet's format that declares
 * one of its keys (`class`, `domain`, `persistent_persona`), in frontmatter
 * or inline. A document (README.md) is not a role file, whatever it holds.
 */
export function declaresFleetRole(path: string, text: string): boolean {
  if (isDocumentName(stemOf(path))) return false;
  const fleet = compileFormat(BUILTIN_FORMATS.fleet);
  const declarations = roleDeclarations(parseRole(path, text, fleet.parse), fleet.declared);
  return Object.values(declarations).some(d => d.primary !== undefined);
}

/**
 * Whether a folder named `roles`, with no configuration over it, is a role
 * library: it holds an index, or a role file that declares a key of the
 * format. Other projects have `roles` folders of their own (Ansible's
 * `roles/<name>/tasks/main.yml` beside `roles/<name>/README.md`), and a
 * false error on every page of those costs more than a library missed:
 * a library with neither shows itself once it has a `fleet-roles.json`.
 * Reads until the first evidence: for a real library, one file or none.
 */
export async function showsRoleLibrary(fs: RoleFileSystem, folder: string, markdown: Iterable<string>): Promise<boolean> {
  // The fleet's role files are `.md`: an `.mdc` file is evidence of no fleet library.
  const inside = [...markdown].filter(path => isWithin(path, folder) && path.toLowerCase().endsWith('.md'));
  if (inside.some(path => basename(path) === INDEX_FILE_NAME)) return true;
  for (const path of inside) {
    if (isDocumentName(stemOf(path))) continue;
    const text = await fs.readFile(path).catch(() => undefined);
    if (text !== undefined && declaresFleetRole(path, text)) return true;
  }
  return false;
}
