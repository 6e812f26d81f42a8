import { CompletionItemKind, type CompletionList, type Range } from 'vscode-languageserver-types';
import type { IndexedFile } from '../library/roleIndex';
import { dirname, isWithin } from '../util/paths';

/** As for roles: a hundred fill any completion widget; past it the editor asks again as the author types. */
const MAX_ITEMS = 100;

/**
 * In a skill's link destination: the skill's own files and folders, by their
 * path from its SKILL.md (`references/forms.md`), those that start with what
 * is typed first; undefined outside a skill, where links name roles.
 */
export function completeSkillPaths(file: IndexedFile, typed: string, range: Range): CompletionList | undefined {
  const files = file.library.folderFiles;
  if (files === undefined) return undefined;
  const skill = dirname(file.role.path);
  const paths: string[] = [];
  for (const path of files.paths) if (path !== file.role.path && isWithin(path, skill) && path !== skill) paths.push(path.slice(skill.length + 1));
  // A folder is what another path lies below: the listing keeps paths only.
  const folders = new Set(paths.map(p => dirname(p)));
  const wanted = typed.replace(/^\.\//, '');
  paths.sort((a, b) => Number(!a.startsWith(wanted)) - Number(!b.startsWith(wanted)) || (a < b ? -1 : a > b ? 1 : 0));
  return {
    isIncomplete: paths.length > MAX_ITEMS,
    items: paths.slice(0, MAX_ITEMS).map(path => ({
      label: path,
      kind: folders.has(path) ? CompletionItemKind.Folder : CompletionItemKind.File,
      filterText: typed.startsWith('./') ? `./${path}` : path,
      textEdit: { range, newText: typed.startsWith('./') ? `./${path}` : path },
    })),
  };
}
