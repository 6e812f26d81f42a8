import { isWithin, relativePath } from '../core';
import { loadLibraries, nothingToCheck, type CheckOptions } from './check';
import { graphDot, graphJson, graphMermaid } from './formats/graph';

export type GraphFormat = 'dot' | 'json' | 'mermaid';

/** `fleet-roles graph`: the libraries under the paths as a graph of roles and their boundaries. */
export async function runGraph(options: Omit<CheckOptions, 'format' | 'version'> & { format: GraphFormat }): Promise<number> {
  const { service, cwd, targets } = await loadLibraries(options);
  const libraries = service.status().libraries.filter(l => l.roleFolders.some(f => targets.some(t => isWithin(f, t) || isWithin(t, f))));
  const graphs = service.getRoleGraphs().filter(g => libraries.some(l => l.id === g.library));
  if (graphs.every(g => g.nodes.length === 0)) throw nothingToCheck(options.paths, service.status(), cwd, targets);
  const relative = (path: string) => relativePath(cwd, path);
  options.out(options.format === 'json' ? graphJson(graphs, relative) : options.format === 'mermaid' ? graphMermaid(graphs) : graphDot(graphs));
  return 0;
}
