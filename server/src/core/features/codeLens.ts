import type { CodeLens } from 'vscode-languageserver-types';
import type { RoleWorkspace } from '../workspace/roleWorkspace';
import { findReferences, referringRoles } from './references';

/** The client command that shows a list of locations; the extension implements it. */
export const SHOW_REFERENCES_COMMAND = 'fleetRoles.showReferences';

/** "N roles refer to this role" on a role's title line; clicking it lists them. */
export function codeLenses(workspace: RoleWorkspace, path: string): CodeLens[] {
  const file = workspace.file(path);
  const title = file?.role.title;
  if (!file || file.role.isDocument || !title) return [];
  const { role } = file;
  const count = referringRoles(workspace, file.library, role.stem).length;
  const range = role.lines.lineRange(title.line);
  const locations = findReferences(workspace, path, range.start, false);
  return [{
    range,
    command: {
      title: count === 0 ? 'No role refers to this role' : `${count} role${count === 1 ? ' refers' : 's refer'} to this role`,
      command: SHOW_REFERENCES_COMMAND,
      arguments: [workspace.uriOf(path), range.start, locations],
    },
  }];
}
