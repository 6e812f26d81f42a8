import type { RoleGraph } from '../../core';

/** The graph as JSON: nodes with their domain, title and path (relative), edges from Boundaries. */
export function graphJson(graphs: RoleGraph[], relative: (path: string) => string): string {
  return (
    JSON.stringify(
      {
        version: 1,
        libraries: graphs.map(g => ({
          library: relative(g.library),
          nodes: g.nodes.map(n => ({ id: n.id, domain: n.domain ?? null, title: n.title ?? null, path: relative(n.path) })),
          edges: g.edges,
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function byDomain(graph: RoleGraph): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const n of graph.nodes) {
    const d = n.domain ?? 'no-domain';
    groups.set(d, [...(groups.get(d) ?? []), n.id]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Graphviz: one cluster per domain. */
export function graphDot(graphs: RoleGraph[]): string {
  const out = ['digraph roles {', '  rankdir=LR;', '  node [shape=box, style=rounded];'];
  graphs.forEach((graph, gi) => {
    for (const [domain, ids] of byDomain(graph)) {
      out.push(`  subgraph ${quote(`cluster_${gi}_${domain}`)} {`, `    label=${quote(domain)};`);
      for (const id of ids) out.push(`    ${quote(id)};`);
      out.push('  }');
    }
    for (const e of graph.edges) out.push(`  ${quote(e.from)} -> ${quote(e.to)};`);
  });
  out.push('}');
  return out.join('\n') + '\n';
}

/** A Mermaid id for a role name: a slug's hyphens, a display name's spaces ('Feature Builder'), become underscores. */
const mermaidId = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');

/** Mermaid: a flowchart with one subgraph per domain, each role labelled with its name. */
export function graphMermaid(graphs: RoleGraph[]): string {
  const out = ['flowchart LR'];
  graphs.forEach((graph, gi) => {
    for (const [domain, ids] of byDomain(graph)) {
      out.push(`  subgraph d${gi}_${domain.replace(/-/g, '_')}["${domain}"]`);
      for (const id of ids) out.push(`    ${mermaidId(id)}["${id.replace(/"/g, '#quot;')}"]`);
      out.push('  end');
    }
    for (const e of graph.edges) out.push(`  ${mermaidId(e.from)} --> ${mermaidId(e.to)}`);
  });
  return out.join('\n') + '\n';
}
