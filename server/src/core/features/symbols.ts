import { SymbolKind, type DocumentSymbol, type Range, type WorkspaceSymbol } from 'vscode-languageserver-types';
import { NEVER_CANCELLED, throwIfCancelled, type CancellationToken } from '../util/cancellation';
import type { ParsedRole } from '../parse/roleFile';
import { firstStartingAt } from '../parse/spans';
import { titleLineRange } from '../parse/titleLine';
import type { RoleWorkspace } from '../workspace/roleWorkspace';

/** The outline of a role file: its title, its sections, and each bullet of its reference sections (the fleet's Boundaries). */
export function documentSymbols(workspace: RoleWorkspace, path: string): DocumentSymbol[] {
  const file = workspace.file(path);
  if (!file) return [];
  const { role } = file;
  const lines = role.lines;
  const lastLine = lines.lineRange(lines.lineCount - 1).end;
  const referenceSections = file.library.format.parse.referenceSections;
  const sections = role.sections.map((section): DocumentSymbol => {
    const range: Range = { start: lines.positionAt(section.heading.start), end: lines.positionAt(section.contentEnd) };
    const children = referenceSections.has(section.name.toLowerCase()) ? boundarySymbols(role, section.contentStart, section.contentEnd) : [];
    return { name: section.name, kind: SymbolKind.Namespace, range, selectionRange: lines.range(section.heading.start, section.heading.end), children };
  });
  if (!role.title) {
    // A format without titles (an agent's prompt) still gets one symbol for its role, over the whole file.
    if (role.isDocument || file.library.format.title === 'required') return sections;
    const whole = { start: { line: 0, character: 0 }, end: lastLine };
    return [
      { name: file.name, detail: file.summary.description, kind: SymbolKind.Class, range: whole, selectionRange: titleLineRange(role), children: sections },
    ];
  }
  const summary = file.summary;
  return [
    {
      name: role.title.text,
      detail: [role.isDocument ? undefined : file.name, summary.domain].filter(Boolean).join(' · '),
      kind: role.isDocument ? SymbolKind.File : SymbolKind.Class,
      range: { start: lines.positionAt(role.title.start), end: lastLine },
      selectionRange: lines.range(role.title.start, role.title.end),
      children: sections,
    },
  ];
}

/** One symbol per bullet of a reference section (the fleet's Boundaries), with the roles it names. */
function boundarySymbols(role: ParsedRole, start: number, end: number): DocumentSymbol[] {
  const lines = role.lines;
  const references = role.references;
  // Bullets and references are both in text order: one walk pairs them, from the section's first reference.
  let next = firstStartingAt(references, start);
  // The section's bullets by binary search: many reference sections do not each filter every bullet.
  return role.sectionBullets.slice(firstStartingAt(role.sectionBullets, start), firstStartingAt(role.sectionBullets, end)).map(bullet => {
    while (next < references.length && references[next].start < bullet.start) next++;
    const names: string[] = [];
    while (next < references.length && references[next].start < bullet.end) names.push(references[next++].name);
    const text = lines.text
      .slice(bullet.start, bullet.end)
      .replace(/^\s*[-*+]\s+/, '')
      .replace(/\s+/g, ' ');
    return {
      name: text.length > 80 ? `${text.slice(0, 79)}…` : text || 'boundary',
      detail: names.join(', '),
      kind: SymbolKind.Field,
      range: lines.range(bullet.start, bullet.end),
      selectionRange: lines.lineRange(bullet.line),
    };
  });
}

/** Every role of every library whose name or title holds the query's letters in order, best matches first. */
export function workspaceSymbols(workspace: RoleWorkspace, query: string, token: CancellationToken = NEVER_CANCELLED): WorkspaceSymbol[] {
  const needle = query.toLowerCase().replace(/\s+/g, '');
  const scored: Array<[number, WorkspaceSymbol]> = [];
  let n = 0;
  for (const [path, file] of workspace.index.entries()) {
    if (++n % 500 === 0) throwIfCancelled(token);
    if (file.role.isDocument) continue;
    const title = file.role.title?.text ?? '';
    const score = Math.min(fuzzyScore(needle, file.name.toLowerCase().replace(/\s+/g, '')), fuzzyScore(needle, title.toLowerCase()));
    if (score === Infinity) continue;
    scored.push([
      score,
      {
        name: file.name,
        kind: SymbolKind.Class,
        containerName: [file.summary.domain, title].filter(Boolean).join(' · '),
        location: { uri: workspace.uriOf(path), range: titleLineRange(file.role) },
      },
    ]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || (a[1].name < b[1].name ? -1 : 1))
    .slice(0, 500)
    .map(([, s]) => s);
}

/** Lower is better: the spread of the matched letters; Infinity when they do not all appear in order. */
function fuzzyScore(needle: string, hay: string): number {
  if (needle === '') return 0;
  let i = 0;
  let first = -1;
  let last = -1;
  for (let j = 0; j < hay.length && i < needle.length; j++) {
    if (hay[j] === needle[i]) {
      if (first < 0) first = j;
      last = j;
      i++;
    }
  }
  return i === needle.length ? last - first + first / 100 : Infinity;
}
