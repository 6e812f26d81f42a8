import type { Location, Position } from 'vscode-languageserver-types';
import type { RoleWorkspace } from '../workspace/roleWorkspace';
import { referenceAt } from './referenceAt';

/** From a role reference (bold or link) to the title line of the role's file. */
export function findDefinition(workspace: RoleWorkspace, path: string, position: Position): Location[] {
  const file = workspace.file(path);
  if (!file) return [];
  const ref = referenceAt(file, position);
  if (!ref) return [];
  return workspace.index.roleFiles(file.library, ref.slug).map(target => {
    const role = workspace.file(target)!.role;
    const line = role.title?.line ?? role.firstContentLine;
    return { uri: workspace.uriOf(target), range: role.lines.lineRange(Math.max(0, line)) };
  });
}
