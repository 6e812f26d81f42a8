import type { Position, Range, TextDocumentEdit, TextEdit, WorkspaceEdit, RenameFile } from 'vscode-languageserver-types';
import type { Library } from '../library/library';
import type { KeyDeclarations } from '../parse/declarations';
import { yamlScalar } from '../parse/yamlScalar';
import { basename } from '../util/paths';
import { movedForName } from './roleLocation';
import { isSlug, stemOf } from '../util/slug';
import type { CancellationToken } from '../util/cancellation';
import type { RoleWorkspace } from '../workspace/roleWorkspace';
import { namedByKey } from '../library/roleName';
import { referenceSites } from './references';
import type { FileMove } from './fileMove';
import { isRefusal, type Refusal } from './refusal';
import { identityDeclarations, roleAtPosition } from './roleAtPosition';

/** What rename would change at the position: its range, the name to offer, and the files any new name moves. */
export interface RenameTarget {
  range: Range;
  placeholder: string;
  /**
   * The role's files that every rename moves (core paths): those of a role
   * named by its file. A role named by its key keeps its file, unless its
   * file bears that name and the new one is a slug: the rename's own edit
   * says so then.
   */
  movedFiles: string[];
}

/** What rename would change at the position, or why it cannot. */
export function prepareRename(workspace: RoleWorkspace, path: string, position: Position): RenameTarget | Refusal {
  const file = workspace.file(path);
  const target = file && roleAtPosition(file, position);
  if (!file || !target) return { error: 'Only a role can be renamed here: put the cursor on a role reference, the class, or the title.' };
  const files = workspace.index.roleFiles(file.library, target.name);
  if (files.length === 0) return { error: `There is no role '${target.name}' to rename.` };
  const movedFiles = namedByKey(file.library.format.identity) ? [] : files;
  return { range: target.range, placeholder: target.name, movedFiles };
}

/** Renames a role everywhere: every reference form, its identity key (the fleet's class, an agent's name), and its file; with the files it moves. */
export function rename(
  workspace: RoleWorkspace,
  path: string,
  position: Position,
  newName: string,
  token: CancellationToken,
): { edit: WorkspaceEdit; moves: FileMove[]; edited: string[] } | Refusal {
  const file = workspace.file(path);
  const target = file && roleAtPosition(file, position);
  if (!file || !target) return { error: 'Only a role can be renamed here.' };
  const refusal = checkNewName(workspace, file.library, target.name, newName);
  if (refusal) return refusal;
  if (newName === target.name) return { edit: { documentChanges: [] }, moves: [], edited: [] };
  const format = file.library.format;
  const moves = workspace.index
    .roleFiles(file.library, target.name)
    .filter(from => !keepsFile(workspace, from, newName))
    .map(from => movedForName(from, newName, format, endingOf(from, format.extension)));
  const renames = moves.map(({ from, to }): RenameFile => ({ kind: 'rename', oldUri: workspace.uriOf(from), newUri: workspace.uriOf(to) }));
  const edits = textEdits(workspace, file.library, target.name, newName, token, target.kind === 'identity' ? { path, identity: target.identity } : undefined);
  if (isRefusal(edits)) return edits;
  return { edit: { documentChanges: [...documentEdits(workspace, edits), ...renames] }, moves, edited: [...edits.keys()] };
}

/**
 * The edits that follow a role file's rename in the explorer (sent before the
 * file moves, so they name the old file). Nothing when the new name is not a
 * free slug: then the file simply stops being that role.
 */
export function editsForFileRename(workspace: RoleWorkspace, oldPath: string, newPath: string, token: CancellationToken): WorkspaceEdit | undefined {
  const file = workspace.file(oldPath);
  const extension = file?.library.format.extension ?? '.md';
  if (!file || file.role.isDocument || !newPath.toLowerCase().endsWith(extension.toLowerCase())) return undefined;
  // A skill is named by its folder: its SKILL.md under another name is no skill, and moving it renames nothing.
  if (file.library.format.roleFile !== undefined) return undefined;
  // A role named by its key is not renamed by moving its file.
  if (file.name !== file.role.stem) return undefined;
  const oldName = file.role.stem;
  const newName = stemOf(newPath, extension);
  if (newName === oldName || checkNewName(workspace, file.library, oldName, newName)) return undefined;
  const edits = textEdits(workspace, file.library, oldName, newName, token);
  return isRefusal(edits) ? undefined : { documentChanges: documentEdits(workspace, edits) };
}

/** A display name: letters and digits, spaces, dots, hyphens and underscores inside ('Feature Builder'); nothing YAML would read otherwise. */
const DISPLAY_NAME = /^[\p{L}\p{N}](?:[\p{L}\p{N} ._-]*[\p{L}\p{N}._-])?$/u;

/**
 * Whether a rename leaves the role's file where it is: a role named by its key
 * (a Copilot agent's `name:`) is renamed in its key; one named by its file
 * moves, unless the new name is a display name, which its key then holds.
 */
function keepsFile(workspace: RoleWorkspace, rolePath: string, newName: string): boolean {
  const file = workspace.file(rolePath)!;
  if (!namedByKey(file.library.format.identity)) return false;
  return file.name !== file.role.stem || !isSlug(newName);
}

/** The file's own ending: the format's ('.agent.md'), or '.md' for another Markdown file the format reads as a role. */
function endingOf(path: string, extension: string): string {
  return path.toLowerCase().endsWith(extension.toLowerCase()) ? extension : '.md';
}

function checkNewName(workspace: RoleWorkspace, library: Library, oldName: string, newName: string): Refusal | undefined {
  if (namedByKey(library.format.identity)) {
    if (!DISPLAY_NAME.test(newName))
      return { error: `'${newName}' is not a role name: use letters, digits, spaces, dots, hyphens and underscores, such as 'Feature Builder'.` };
  } else if (!isSlug(newName)) return { error: `'${newName}' is not a role name: use a kebab-case slug such as 'project-manager'.` };
  if (newName !== oldName && workspace.index.roleFiles(library, newName).length > 0) {
    return { error: `A role named '${newName}' already exists in this library.` };
  }
  return undefined;
}

/**
 * The text edits of a rename, by file. In a frontmatter the new name is
 * written as YAML that reads it back (`"123"`, `"true"`), or inside the
 * quotes already there; a name YAML holds over several lines or escaped is
 * refused, as replacing the text on its first line would leave the rest behind.
 * `found`: the identity's declarations the position was found by, not read again.
 */
function textEdits(
  workspace: RoleWorkspace,
  library: Library,
  oldName: string,
  newName: string,
  token: CancellationToken,
  found?: { path: string; identity: KeyDeclarations },
): Map<string, TextEdit[]> | Refusal {
  const byPath = new Map<string, TextEdit[]>();
  const add = (path: string, start: number, end: number, newText: string) => {
    const range = workspace.file(path)!.role.lines.range(start, end);
    let edits = byPath.get(path);
    if (!edits) byPath.set(path, (edits = []));
    edits.push({ range, newText });
  };
  /** The new name for the place of the old one: inside the quotes there, or as YAML needs it in a frontmatter; undefined where YAML holds the name in another form. */
  const written = (path: string, start: number, end: number): string | undefined => {
    const role = workspace.file(path)!.role;
    const text = role.lines.text;
    if (role.frontmatter === undefined || start < role.frontmatter.start || start >= role.frontmatter.end) return newName;
    if (text.slice(start, end) !== oldName) return undefined;
    const quote = text[start - 1];
    return (quote === '"' || quote === "'") && text[end] === quote ? newName : yamlScalar(newName);
  };
  const otherForm = (path: string) => ({
    error: `'${oldName}' is written over several lines or escaped in ${basename(path)}: write it plainly on one line, then rename it.`,
  });
  for (const site of referenceSites(workspace, library, oldName, token)) {
    const text = written(site.path, site.start, site.end);
    if (text === undefined) return otherForm(site.path);
    add(site.path, site.start, site.end, text);
  }
  const identityKey = library.format.identity.key;
  for (const rolePath of identityKey === undefined ? [] : workspace.index.roleFiles(library, oldName)) {
    const roleFile = workspace.file(rolePath)!;
    const role = roleFile.role;
    const declarations = (found?.path === rolePath ? found.identity : identityDeclarations(roleFile)) ?? { conflicts: [] };
    for (const d of [declarations.primary, ...declarations.conflicts]) {
      if (!d || d.value !== oldName) continue;
      const [start, end] = d.raw.length === oldName.length + 2 ? [d.valueStart + 1, d.valueEnd - 1] : [d.valueStart, d.valueEnd];
      const text = written(rolePath, start, end);
      if (text === undefined) return otherForm(rolePath);
      add(rolePath, start, end, text);
    }
    // Named by its file until now, and the new name is no file name ('Feature Builder'): it is written under the key.
    if (declarations.primary === undefined && keepsFile(workspace, rolePath, newName) && role.frontmatter?.problem === undefined) {
      const line = `${identityKey}: ${yamlScalar(newName)}`;
      if (role.frontmatter) add(rolePath, role.lines.lineStarts[1], role.lines.lineStarts[1], `${line}\n`);
      else add(rolePath, 0, 0, `---\n${line}\n---\n`);
    }
  }
  return byPath;
}

function documentEdits(workspace: RoleWorkspace, byPath: Map<string, TextEdit[]>): TextDocumentEdit[] {
  return [...byPath]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, edits]) => ({
      textDocument: { uri: workspace.uriOf(path), version: null },
      edits: edits.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character),
    }));
}
