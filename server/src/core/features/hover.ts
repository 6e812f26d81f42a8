import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { isUnreportedProse, namingGroups } from '../diagnostics/referenceChecks';
import { roleDeclarations } from '../parse/declarations';
import type { ParsedRole } from '../parse/roleFile';
import { roleFacts } from './roleDescription';
import { counted } from '../util/counted';
import type { RoleWorkspace } from '../workspace/roleWorkspace';
import { referringRoles } from './references';
import { roleAtPosition } from './roleAtPosition';

const MANDATE_LINES = 3;

function isProseHere(workspace: RoleWorkspace, file: NonNullable<ReturnType<RoleWorkspace['file']>>, ref: ParsedRole['references'][number]): boolean {
  const view = workspace.index.view(file.library, workspace.uriOf);
  return isUnreportedProse(view, ref, file.name, namingGroups(view, file.role.references));
}

/** On a reference: the role's title, declarations, the start of its Mandate, and how many roles refer to it. */
export function hover(workspace: RoleWorkspace, path: string, position: Position): Hover | null {
  const file = workspace.file(path);
  if (!file) return null;
  const target = roleAtPosition(file, position);
  if (!target || target.kind !== 'reference') return null;
  const [rolePath] = workspace.index.roleFiles(file.library, target.name);
  // A name no role has that is only words (isUnreportedProse): nothing to say about it.
  if (!rolePath && isProseHere(workspace, file, target.reference)) return null;
  if (!rolePath) {
    const builtin = file.library.format.builtinRoles.has(target.name.toLowerCase());
    const what = builtin ? `a built-in agent of the ${file.library.format.name} format, not a file of this library` : 'no such role in this library';
    return { range: target.range, contents: { kind: MarkupKind.Markdown, value: `**${escapeMarkdown(target.name)}**: ${what}.` } };
  }
  const role = workspace.file(rolePath)!.role;
  const summary = workspace.file(rolePath)!.summary;
  const referrers = referringRoles(workspace, file.library, target.name).length;
  const format = file.library.format;
  const declared = roleFacts(roleDeclarations(role, format.declared), format.factKeys);
  const facts = [`${format.identity.key ?? 'name'} \`${target.name}\``, ...declared].join(' · ');
  const parts = [`**${escapeMarkdown(summary.title ?? target.name)}**`, facts];
  if (summary.description) parts.push(escapeMarkdown(summary.description));
  const mandate = mandateStart(role);
  if (mandate) parts.push(mandate);
  parts.push(`${counted(referrers, 'role')} refer${referrers === 1 ? 's' : ''} to this role.`);
  return { range: target.range, contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') } };
}

function mandateStart(role: ParsedRole): string | undefined {
  const section = role.sections.find(s => s.name.toLowerCase() === 'mandate');
  if (!section) return undefined;
  const lines = role.lines.text
    .slice(section.contentStart, section.contentEnd)
    .split(/\r\n?|\n/)
    .filter(l => l.trim() !== '');
  if (lines.length === 0) return undefined;
  const shown = lines.slice(0, MANDATE_LINES).join('\n');
  return `Mandate:\n\n${shown}${lines.length > MANDATE_LINES ? '\n\n…' : ''}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]])/g, '\\$1');
}
