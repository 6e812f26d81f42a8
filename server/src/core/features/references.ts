import type { Location, Position } from 'vscode-languageserver-types';
import type { Library } from '../library/library';
import type { RoleReference } from '../parse/roleFile';
import { titleLineRange } from '../parse/titleLine';
import { throwIfCancelled, type CancellationToken } from '../util/cancellation';
import type { RoleWorkspace } from '../workspace/roleWorkspace';
import { roleAtPosition } from './roleAtPosition';

export interface ReferenceSite {
  path: string;
  start: number;
  end: number;
  kind: RoleReference['kind'];
}

/** Every reference to a role in its library, role files and documents alike, in path order. */
export function referenceSites(workspace: RoleWorkspace, library: Library, name: string, token: CancellationToken): ReferenceSite[] {
  const sites: ReferenceSite[] = [];
  for (const path of workspace.index.referrersOf(library, name).sort()) {
    throwIfCancelled(token);
    const file = workspace.file(path);
    if (!file) continue;
    for (const ref of file.role.references) if (ref.name === name) sites.push({ path, start: ref.start, end: ref.end, kind: ref.kind });
  }
  return sites;
}

/** The role files (not documents) that refer to a role, other than its own file. */
export function referringRoles(workspace: RoleWorkspace, library: Library, name: string): string[] {
  return workspace.index.referrersOf(library, name).filter(p => {
    const file = workspace.file(p);
    return file !== undefined && !file.role.isDocument && file.name !== name;
  });
}

/** Find references: every reference to the role named at the position, and its title when asked for the declaration. */
export function findReferences(workspace: RoleWorkspace, path: string, position: Position, includeDeclaration: boolean, token: CancellationToken): Location[] {
  const file = workspace.file(path);
  if (!file) return [];
  const target = roleAtPosition(file, position);
  if (!target) return [];
  const locations: Location[] = [];
  if (includeDeclaration) {
    for (const rolePath of workspace.index.roleFiles(file.library, target.name)) {
      locations.push({ uri: workspace.uriOf(rolePath), range: titleLineRange(workspace.file(rolePath)!.role) });
    }
  }
  for (const site of referenceSites(workspace, file.library, target.name, token)) {
    locations.push({ uri: workspace.uriOf(site.path), range: workspace.file(site.path)!.role.lines.range(site.start, site.end) });
  }
  return locations;
}
