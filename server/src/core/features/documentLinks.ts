import type { DocumentLink } from 'vscode-languageserver-types';
import type { RoleWorkspace } from '../workspace/roleWorkspace';

/**
 * Bold references become links to their role's file. Markdown links are
 * already links in every Markdown editor, so they are left to it.
 */
export function documentLinks(workspace: RoleWorkspace, path: string): DocumentLink[] {
  const file = workspace.file(path);
  if (!file) return [];
  const links: DocumentLink[] = [];
  for (const ref of file.role.references) {
    if (ref.kind !== 'bold') continue;
    const [target] = workspace.index.roleFiles(file.library, ref.name);
    if (target) links.push({ range: file.role.lines.range(ref.start, ref.end), target: workspace.uriOf(target), tooltip: `Open role ${ref.name}` });
  }
  return links;
}
