import type { Library } from '../library/library';
import { throwIfCancelled, type CancellationToken } from '../util/cancellation';
import type { RoleWorkspace } from '../workspace/roleWorkspace';

export interface GraphNode {
  id: string;
  domain?: string;
  title?: string;
  path: string;
  uri: string;
}

export interface GraphEdge {
  from: string;
  to: string;
}

export interface RoleGraph {
  library: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The roles of each library and the lanes their Boundaries point to, one edge per pair. */
export function roleGraphs(workspace: RoleWorkspace, token: CancellationToken): RoleGraph[] {
  const graphs = new Map<Library, RoleGraph>();
  for (const library of workspace.libraries) graphs.set(library, { library: library.id, nodes: [], edges: [] });
  const seen = new Set<string>();
  let n = 0;
  for (const [path, file] of [...workspace.index.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (++n % 500 === 0) throwIfCancelled(token);
    const graph = graphs.get(file.library);
    if (!graph || file.role.isDocument) continue;
    const summary = file.summary;
    graph.nodes.push({ id: file.name, domain: summary.domain, title: summary.title, path, uri: workspace.uriOf(path) });
    for (const ref of file.role.references) {
      const key = `${file.library.id}\u0000${file.name}\u0000${ref.name}`;
      if (!ref.inCheckedPlace || ref.name === file.name || seen.has(key)) continue;
      if (workspace.index.roleFiles(file.library, ref.name).length === 0) continue;
      seen.add(key);
      graph.edges.push({ from: file.name, to: ref.name });
    }
  }
  return [...graphs.values()];
}
