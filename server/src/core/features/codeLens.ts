import type { Location, Range } from 'vscode-languageserver-types';
import type { CancellationToken } from '../util/cancellation';
import type { RoleWorkspace } from '../workspace/roleWorkspace';
import { findReferences, referringRoles } from './references';

/**
 * "N roles refer to this role" on a role's title line, with the references
 * to list when it is clicked. What a click runs is the editor's business: the
 * shell names its command.
 */
export interface ReferrersLens {
  range: Range;
  title: string;
  /** The role file, and the references to the role: what a references view shows at the title. */
  uri: string;
  locations: Location[];
}

export function codeLenses(workspace: RoleWorkspace, path: string, token: CancellationToken): ReferrersLens[] {
  const file = workspace.file(path);
  const title = file?.role.title;
  if (!file || file.role.isDocument || !title) return [];
  const { role } = file;
  const count = referringRoles(workspace, file.library, file.name).length;
  const range = role.lines.lineRange(title.line);
  return [
    {
      range,
      title: count === 0 ? 'No role refers to this role' : `${count} role${count === 1 ? ' refers' : 's refer'} to this role`,
      uri: workspace.uriOf(path),
      locations: findReferences(workspace, path, range.start, false, token),
    },
  ];
}
