import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Library } from '../library/library';
import { hasMarkdownEnding } from '../util/markdownEnding';
import { basename, isWithin } from '../util/paths';
import { rolePathIn } from './roleLocation';
import { isSlug } from '../util/slug';
import type { RoleWorkspace } from '../workspace/roleWorkspace';
import { textDocumentEdit } from './codeActions/edits';
import { indexEntry } from './codeActions/indexFixes';
import { roleTemplate, titleOf } from './codeActions/roleTemplate';
import type { Refusal } from './refusal';

/** A new role: its file and text, the line that lists it in the index, and the same as one edit for an editor. */
export interface NewRole {
  path: string;
  text: string;
  index?: { path: string; edit: TextEdit };
  edit: WorkspaceEdit;
}

/**
 * A new role named `name`, in the format of the library that holds `near`
 * (a file or folder; else the workspace's only library), in its first role
 * folder (or `near`'s folder when it is one), listed in the library's index
 * when it has one. Refused for a name that is no slug or is taken, where
 * the file or the index would be written through a symbolic link out of the
 * workspace, and for an index that cannot be read as text (it would be
 * written back with an entry in a file no one can check).
 */
export async function planNewRole(workspace: RoleWorkspace, name: string, near: string | undefined): Promise<NewRole | Refusal> {
  const badName = roleNameRefusal(name);
  if (badName) return badName;
  const library = libraryNear(workspace, near);
  if (typeof library === 'string') return { error: library };
  if (workspace.index.roleFiles(library, name).length > 0) return { error: `A role named '${name}' already exists in this library.` };
  const folder = near && library.roleFolders.some(f => isWithin(near, f)) && !hasMarkdownEnding(near) ? near : library.roleFolders[0];
  const path = rolePathIn(folder, name, library.format);
  const domain = library.domains[0];
  const text = roleTemplate(name, domain, undefined, library.format);
  const uri = workspace.uriOf(path);
  const edit: WorkspaceEdit = {
    documentChanges: [
      { kind: 'create', uri, options: { ignoreIfExists: false } },
      textDocumentEdit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }]),
    ],
  };
  const indexPath = workspace.paths().find(p => workspace.libraryOf(p) === library && library.isIndex(p));
  for (const written of [path, indexPath]) {
    if (written !== undefined && (await workspace.leadsOutside(written)))
      return { error: `Nothing was written: ${basename(written)} would be written through a symbolic link that leads outside the workspace.` };
  }
  if (indexPath === undefined) return { path, text, edit };
  const index = workspace.file(indexPath)!;
  if (index.unreadable !== undefined)
    return { error: `Nothing was written: the library's index ${basename(indexPath)}, where the role is listed, cannot be read as text. ${index.unreadable}` };
  const indexEdit = indexEntry(index, name, domain, titleOf(name));
  edit.documentChanges!.push(textDocumentEdit(workspace.uriOf(indexPath), [indexEdit]));
  return { path, text, index: { path: indexPath, edit: indexEdit }, edit };
}

/** Why a new role cannot be named so: its name is its file's, and a slug stays a plain file name in its folder ('', '../x' are none). */
export function roleNameRefusal(name: string): Refusal | undefined {
  return isSlug(name) ? undefined : { error: `'${name}' is not a role name: use a kebab-case slug such as 'code-reviewer'.` };
}

function libraryNear(workspace: RoleWorkspace, near: string | undefined): Library | string {
  const libraries = workspace.libraries;
  if (near !== undefined) {
    const owner = workspace.libraryOf(near) ?? libraries.find(l => l.roleFolders.some(f => isWithin(near, f) || isWithin(f, near)));
    if (owner) return owner;
  }
  if (libraries.length === 1) return libraries[0];
  if (libraries.length === 0) return "There is no role library here: start one with 'fleet-roles init'.";
  return `There are ${libraries.length} role libraries here (${libraries.map(l => l.id).join(', ')}): say in which one to create the role.`;
}
