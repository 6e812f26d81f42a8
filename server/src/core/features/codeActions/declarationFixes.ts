import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { DeclarationSpec } from '../../config/roleFormat';
import type { IndexedFile } from '../../library/roleIndex';
import type { KeyDeclarations } from '../../parse/declarations';
import { movedForName } from '../roleLocation';
import type { RoleWorkspace } from '../../workspace/roleWorkspace';
import { quickFix, singleEdit } from './edits';
import { templateValue } from './roleTemplate';
import type { FixContext } from './fixContext';

/** The declaration a diagnostic about a missing key names: its message says `declares no KEY:`. */
export function missingKey(file: IndexedFile, diagnostic: Diagnostic): DeclarationSpec | undefined {
  const key = /declares no (\S+):/.exec(diagnostic.message)?.[1];
  return file.library.format.declarations.find(d => d.key === key);
}

/** The declaration whose value a diagnostic points at, with what the file declares under its key. */
export function specAt(context: FixContext): { spec: DeclarationSpec; declared: KeyDeclarations } | undefined {
  const { file, diagnostic } = context;
  const lines = file.role.lines;
  const start = lines.offsetAt(diagnostic.range.start);
  const declarations = context.declarations();
  for (const spec of file.library.format.declarations) {
    const declared = declarations[spec.key];
    if (declared !== undefined && [declared.primary, ...declared.conflicts].some(x => x !== undefined && x.valueStart === start)) return { spec, declared };
  }
  return undefined;
}

/** The identity and the file's name disagree: make the identity the file's name, or the file's name the identity. */
export function identityMismatchFixes(context: FixContext): CodeAction[] {
  const { diagnostic, file, workspace, uri, path } = context;
  const { identity, extension } = file.library.format;
  const stem = file.role.stem;
  const declaredName = file.declaredName ?? '';
  const actions = [
    quickFix(`Change the ${identity.key ?? 'name'} to '${stem}'`, singleEdit(uri, { range: diagnostic.range, newText: stem }), diagnostic, true),
  ];
  if (workspace.index.roleFiles(file.library, declaredName).length === 0) {
    const moved = movedForName(path, declaredName, file.library.format);
    const what = file.library.format.roleFile === undefined ? `file to ${declaredName}${extension}` : `folder to ${declaredName}`;
    actions.push(
      quickFix(
        `Rename the ${what}`,
        { documentChanges: [{ kind: 'rename', oldUri: workspace.uriOf(moved.from), newUri: workspace.uriOf(moved.to) }] },
        diagnostic,
      ),
    );
  }
  return actions;
}

/** A missing required key: the declaration, in the form the file already uses. */
export function missingDeclarationFix(context: FixContext): CodeAction[] {
  const spec = missingKey(context.file, context.diagnostic);
  if (!spec) return [];
  const value = defaultValue(context.workspace, context.file, spec);
  const edit = declarationInsertion(context.file, [[spec.key, value]]);
  return [quickFix(`Declare ${spec.key}: ${value}`, singleEdit(context.uri, edit), context.diagnostic, true)];
}

/**
 * One edit that declares all the keys: in the frontmatter when there is one,
 * beside the inline declarations when there are some (and the format allows
 * them), else as a new frontmatter.
 */
export function declarationInsertion(file: IndexedFile, entries: Array<[string, string]>): TextEdit {
  const { role } = file;
  const lines = role.lines;
  const eol = /\r\n/.test(lines.text) ? '\r\n' : '\n';
  const fm = role.frontmatter;
  if (fm && !fm.problem) {
    const closeLine = fm.bodyLine - 1;
    const at = { line: closeLine, character: 0 };
    return { range: { start: at, end: at }, newText: entries.map(([k, v]) => `${k}: ${v}${eol}`).join('') };
  }
  const inlineAllowed = entries.every(([key]) => file.library.format.declared.some(d => d.key === key && d.in !== 'frontmatter'));
  const inline = inlineAllowed ? role.inlineDeclarations : [];
  if (inline.length > 0) {
    const last = inline[inline.length - 1];
    const closing = lines.text.indexOf('`', last.valueEnd);
    const at = lines.positionAt(closing < 0 ? last.valueEnd : closing + 1);
    return { range: { start: at, end: at }, newText: entries.map(([k, v]) => `, \`${k}: ${v}\``).join('') };
  }
  const start = { line: 0, character: 0 };
  return { range: { start, end: start }, newText: `---${eol}${entries.map(([k, v]) => `${k}: ${v}${eol}`).join('')}---${eol}` };
}

/** What a missing declaration most likely is: the file's name, the library's commonest domain, what a new role would hold. */
export function defaultValue(workspace: RoleWorkspace, file: IndexedFile, spec: DeclarationSpec): string {
  if (spec.valuesFrom !== 'domains') return templateValue(spec, file.library.format, file.role.stem, file.library.domains[0]);
  const counts = new Map<string, number>();
  for (const [, entry] of workspace.index.entries()) {
    if (entry.library !== file.library) continue;
    const domain = entry.summary.domain;
    if (domain && file.library.domains.includes(domain)) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return best?.[0] ?? file.library.domains[0];
}

/** A boolean written as a string that means one: `"true"`, `yes`, `1`. */
export function booleanFix(context: FixContext): CodeAction[] {
  const at = specAt(context);
  if (!at || at.spec.type !== 'boolean') return [];
  const raw = at.declared.primary?.raw.replace(/^['"]|['"]$/g, '').toLowerCase();
  const value = raw === 'true' || raw === 'yes' || raw === '1' ? 'true' : raw === 'false' || raw === 'no' || raw === '0' ? 'false' : undefined;
  if (!value) return [];
  return [quickFix(`Write ${value}`, singleEdit(context.uri, { range: context.diagnostic.range, newText: value }), context.diagnostic, true)];
}
