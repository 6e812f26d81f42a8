import type { Location, Position } from 'vscode-languageserver-types';
import { titleLineRange } from '../parse/titleLine';
import type { RoleWorkspace } from '../workspace/roleWorkspace';
import { referenceAt } from './referenceAt';

/** From a role reference (bold or link) to the title line of the role's file. */
export function findDefinition(workspace: RoleWorkspace, path: string, position: Position): Location[] {
  const file = workspace.file(path);
  if (!file) return [];
  const ref = referenceAt(file, position);
  if (!ref) return [];
  return workspace.index
    .roleFiles(file.library, ref.name)
    .map(target => ({ uri: workspace.uriOf(target), range: titleLineRange(workspace.file(target)!.role) }));
}
