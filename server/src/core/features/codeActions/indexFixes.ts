import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import type { IndexedFile } from '../../library/roleIndex';
import { quickFix, singleEdit } from './edits';
import type { FixContext } from './fixContext';

/**
 * index-missing-role: a line for the role, in the index's own style — a copy
 * of a listed role's line (in the section of the role's domain, when there is
 * one), with the name and description swapped — after that section's last entry.
 */
export function indexMissingRoleFix(context: FixContext): CodeAction[] {
  const { file, diagnostic, workspace, uri } = context;
  const name = /'([^']+)'/.exec(diagnostic.message)?.[1];
  if (!name) return [];
  const [rolePath] = workspace.index.roleFiles(file.library, name);
  const summary = workspace.file(rolePath)!.summary;
  const edit = indexEntry(file, name, summary.domain, summary.title ?? summary.description);
  return [quickFix(`Add '${name}' to the index`, singleEdit(uri, edit), diagnostic, true)];
}

/** The line that lists a role in the index, in its own style, and where it goes. */
export function indexEntry(index: IndexedFile, name: string, domain: string | undefined, title: string | undefined): TextEdit {
  const role = index.role;
  const lines = role.lines;
  const section = role.headings.find(h => h.level >= 2 && domain !== undefined && h.text.toLowerCase() === domain.toLowerCase());
  const sectionEnd = section ? (role.headings.find(h => h.start > section.start && h.level <= section.level)?.start ?? lines.text.length) : lines.text.length;
  const candidates = role.references.filter(r => (section ? r.start > section.end && r.start < sectionEnd : true));
  const model = candidates[candidates.length - 1] ?? role.references[role.references.length - 1];
  const description = title?.replace(/\s+—\s+fleet role definition$/i, '') ?? name;
  const eol = /\r\n/.test(lines.text) ? '\r\n' : '\n';
  let newLine: string;
  let afterLine: number;
  if (model) {
    afterLine = lines.lineAt(model.start);
    const text = lines.lineText(afterLine);
    const swapped = text.split(model.name).join(name);
    const dash = swapped.indexOf(' — ');
    newLine = dash >= 0 ? `${swapped.slice(0, dash)} — ${description}` : swapped;
  } else {
    afterLine = lines.lineCount - 1;
    newLine = `- [${name}](./${name}${index.library.format.extension}) — ${description}`;
  }
  const at = { line: afterLine, character: lines.lineText(afterLine).length };
  return { range: { start: at, end: at }, newText: `${eol}${newLine}` };
}
