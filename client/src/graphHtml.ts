/**
 * The graph page. No library: a deterministic layout (domains on a circle,
 * each domain's roles on a circle around it) drawn as SVG, so the page loads
 * offline and a 10,000-role library still draws in well under a second.
 */
export function graphHtml(nonce: string, cspSource: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<title>Role Graph</title>
<style>
  body { margin: 0; font: 12px var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); }
  #summary { padding: 6px 10px; opacity: .8; }
  svg { width: 100vw; height: calc(100vh - 30px); }
  .edge { stroke: var(--vscode-foreground); stroke-opacity: .25; }
  .node { cursor: pointer; }
  .node text { fill: var(--vscode-foreground); font-size: 10px; }
  .domain { font-weight: bold; font-size: 13px; fill: var(--vscode-foreground); opacity: .7; }
</style></head>
<body><div id="summary">Loading the role graph…</div><svg id="graph" role="img" aria-label="Role graph"></svg>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
const svg = document.getElementById('graph');
const NS = 'http://www.w3.org/2000/svg';
const hue = s => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
function el(name, attrs, parent) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  parent.appendChild(e);
  return e;
}
function draw(graphs) {
  svg.textContent = '';
  const nodes = graphs.flatMap(g => g.nodes);
  const edges = graphs.flatMap(g => g.edges);
  document.getElementById('summary').textContent = nodes.length + ' roles, ' + edges.length + ' boundaries, ' + graphs.length + (graphs.length === 1 ? ' library' : ' libraries');
  const byDomain = new Map();
  for (const n of nodes) { const d = n.domain || '(no domain)'; if (!byDomain.has(d)) byDomain.set(d, []); byDomain.get(d).push(n); }
  const domains = [...byDomain.keys()].sort();
  const inner = Math.max(40, ...domains.map(d => byDomain.get(d).length * 9));
  const outer = Math.max(220, domains.length * (inner * 2 + 40) / (2 * Math.PI));
  const size = 2 * (outer + inner + 80);
  svg.setAttribute('viewBox', (-size / 2) + ' ' + (-size / 2) + ' ' + size + ' ' + size);
  const at = new Map();
  domains.forEach((d, i) => {
    const a = 2 * Math.PI * i / domains.length;
    const cx = outer * Math.cos(a), cy = outer * Math.sin(a);
    const members = byDomain.get(d);
    members.forEach((n, j) => {
      const b = 2 * Math.PI * j / members.length;
      const r = members.length === 1 ? 0 : inner;
      at.set(n.id, { x: cx + r * Math.cos(b), y: cy + r * Math.sin(b), n, d });
    });
    el('text', { x: cx, y: cy - inner - 14, 'text-anchor': 'middle', class: 'domain' }, svg).textContent = d;
  });
  const edgeLayer = el('g', {}, svg);
  for (const e of edges) {
    const a = at.get(e.from), b = at.get(e.to);
    if (a && b) el('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: 'edge' }, edgeLayer);
  }
  for (const { x, y, n, d } of at.values()) {
    const g = el('g', { class: 'node', transform: 'translate(' + x + ',' + y + ')', tabindex: '0', 'data-role': n.id }, svg);
    el('circle', { r: 6, fill: 'hsl(' + hue(d) + ',60%,55%)' }, g);
    el('title', {}, g).textContent = (n.title || n.id) + (n.domain ? ' (' + n.domain + ')' : '');
    el('text', { x: 9, y: 3 }, g).textContent = n.id;
    const open = () => vscode.postMessage({ open: n.uri });
    g.addEventListener('click', open);
    g.addEventListener('keydown', ev => { if (ev.key === 'Enter') open(); });
  }
}
window.addEventListener('message', ev => { if (ev.data && ev.data.graphs) draw(ev.data.graphs); });
vscode.postMessage({ ready: true });
</script></body></html>`;
}
