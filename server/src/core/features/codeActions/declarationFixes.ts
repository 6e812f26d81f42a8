import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import type { IndexedFile } from '../../library/roleIndex';
import { roleDeclarations } from '../../parse/declarations';
import type { DeclarationKey } from '../../parse/roleFile';
import { dirname, joinPath } from '../../util/paths';
import type { RoleWorkspace } from '../../workspace/roleWorkspace';
import { quickFix, singleEdit } from './edits';
import type { FixContext } from './fixContext';

export const MISSING_KEYS: Record<string, DeclarationKey> = {
  'missing-class': 'class', 'missing-domain': 'domain', 'missing-persistence': 'persistent_persona',
};

/** class-filename-mismatch: make the class the file's name, or the file's name the class. */
export function classMismatchFixes(context: FixContext): CodeAction[] {
  const { diagnostic, file, workspace, uri, path } = context;
  const stem = file.role.stem;
  const className = file.className ?? '';
  const actions = [quickFix(`Change the class to '${stem}'`, singleEdit(uri, { range: diagnostic.range, newText: stem }), diagnostic, true)];
  if (workspace.index.roleFiles(file.library, className).length === 0) {
    actions.push(quickFix(`Rename the file to ${className}.md`, {
      documentChanges: [{ kind: 'rename', oldUri: uri, newUri: workspace.uriOf(joinPath(dirname(path), `${className}.md`)) }],
    }, diagnostic));
  }
  return actions;
}

/** missing-class / missing-domain / missing-persistence: the declaration, in the form the file already uses. */
export function missingDeclarationFix(context: FixContext): CodeAction[] {
  const key = MISSING_KEYS[String(context.diagnostic.code)];
  const value = defaultValue(context.workspace, context.file, key);
  const edit = declarationInsertion(context.file, [[key, value]]);
  return [quickFix(`Declare ${key}: ${value}`, singleEdit(context.uri, edit), context.diagnostic, true)];
}

/**
 * One edit that declares all the keys: in the frontmatter when there is one,
 * beside the inline declarations when there are some, else as a new frontmatter.
 */
export function declarationInsertion(file: IndexedFile, entries: Array<[DeclarationKey, string]>): TextEdit {
  const { role } = file;
  const lines = role.lines;
  const eol = /\r\n/.test(lines.text) ? '\r\n' : '\n';
  const fm = role.frontmatter;
  if (fm && !fm.problem) {
    const closeLine = fm.bodyLine - 1;
    const at = { line: closeLine, character: 0 };
    return { range: { start: at, end: at }, newText: entries.map(([k, v]) => `${k}: ${v}${eol}`).join('') };
  }
  const inline = role.inlineDeclarations;
  if (inline.length > 0) {
    const last = inline[inline.length - 1];
    const closing = lines.text.indexOf('`', last.valueEnd);
    const at = lines.positionAt(closing < 0 ? last.valueEnd : closing + 1);
    return { range: { start: at, end: at }, newText: entries.map(([k, v]) => `, \`${k}: ${v}\``).join('') };
  }
  const start = { line: 0, character: 0 };
  return { range: { start, end: start }, newText: `---${eol}${entries.map(([k, v]) => `${k}: ${v}${eol}`).join('')}---${eol}` };
}

/** What a missing declaration most likely is: the file's name, the library's commonest domain, not persistent. */
export function defaultValue(workspace: RoleWorkspace, file: IndexedFile, key: DeclarationKey): string {
  if (key === 'class') return file.role.stem;
  if (key === 'persistent_persona') return 'false';
  const counts = new Map<string, number>();
  for (const [, entry] of workspace.index.entries()) {
    if (entry.library !== file.library) continue;
    const domain = entry.summary.domain;
    if (domain && file.library.domains.includes(domain)) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return best?.[0] ?? file.library.domains[0];
}

/** invalid-persistence written as a string that means a boolean: `"true"`, `yes`, `1`. */
export function persistenceFix(context: FixContext): CodeAction[] {
  const raw = roleDeclarations(context.file.role).persistent_persona.primary?.raw.replace(/^['"]|['"]$/g, '').toLowerCase();
  const value = raw === 'true' || raw === 'yes' || raw === '1' ? 'true' : raw === 'false' || raw === 'no' || raw === '0' ? 'false' : undefined;
  if (!value) return [];
  return [quickFix(`Write ${value}`, singleEdit(context.uri, { range: context.diagnostic.range, newText: value }), context.diagnostic, true)];
}
