import type { ConfigProblem } from '../config/configFile';
import type { RoleWorkspace } from './roleWorkspace';

export interface LibraryStatus {
  /** The configuration file's path, or the root of a library without one. */
  id: string;
  roleFolders: readonly string[];
  /** The library's roles: its role files by name. */
  roles: number;
  problems: readonly ConfigProblem[];
}

/** What the shells report of the workspace: its libraries, and the folders the last load could not read. */
export interface WorkspaceStatus {
  libraries: LibraryStatus[];
  /** Indexed files: role files and the libraries' documents. */
  files: number;
  unreadableFolders: ReadonlyMap<string, string>;
  /** Where the last load's walk stopped at a bound, in words. */
  walkLimits: readonly string[];
}

export function workspaceStatus(workspace: RoleWorkspace): WorkspaceStatus {
  const libraries = workspace.libraries.map(library => {
    let roles = 0;
    for (const _ of workspace.index.roleNames(library)) roles++;
    return { id: library.id, roleFolders: library.roleFolders, roles, problems: library.problems };
  });
  return { libraries, files: workspace.index.size, unreadableFolders: workspace.unreadableFolders, walkLimits: workspace.walkLimits };
}

/** The files the checks cover: role files and each library's index (other documents, README.md, are only read). */
export function checkedFiles(workspace: RoleWorkspace): Array<{ path: string; library: string }> {
  return workspace.paths().flatMap(path => {
    const file = workspace.file(path)!;
    return !file.role.isDocument || file.library.isIndex(path) ? [{ path, library: file.library.id }] : [];
  });
}
