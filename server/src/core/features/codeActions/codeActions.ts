import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { CONFIG_FILE_NAME } from '../../config/configFile';
import { roleDeclarations, type RoleDeclarations } from '../../parse/declarations';
import { throwIfCancelled, type CancellationToken } from '../../util/cancellation';
import { joinPath } from '../../util/paths';
import type { RoleWorkspace } from '../../workspace/roleWorkspace';
import { booleanFix, declarationInsertion, defaultValue, identityMismatchFixes, missingDeclarationFix, missingKey } from './declarationFixes';
import { hiddenCharacterFix, quoteValueFix, unknownKeyFixes, unknownToolFixes, unknownValueFixes } from './formatFixes';
import { unknownDomainFixes } from './domainFixes';
import type { FixContext } from './fixContext';
import { indexMissingRoleFix } from './indexFixes';
import { roleSuggestions, unknownRoleFixes } from './referenceFixes';
import { textDocumentEdit } from './edits';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.fleet-roles`;

/**
 * The diagnostics of a range that get quick fixes, at most: an editor lists
 * a few; a line of a hostile file can hold hundreds of thousands, each fix
 * of an unknown role a template of its own, and a request for all of them
 * would take minutes and gigabytes.
 */
const MAX_QUICK_FIXED = 200;

/** Quick fixes for the diagnostics in a range, and a fix-all for the file when asked for source actions. */
export async function codeActions(
  workspace: RoleWorkspace,
  path: string,
  range: Range,
  only: string[] | undefined,
  token: CancellationToken,
): Promise<CodeAction[]> {
  const file = workspace.file(path);
  const diagnostics = workspace.diagnosticsOf(path)?.diagnostics;
  if (!file || !diagnostics) return [];
  const uri = workspace.uriOf(path);
  let declared: RoleDeclarations | undefined;
  const declarations = () => (declared ??= roleDeclarations(file.role, file.library.format.declared));
  const wants = (kind: string) => !only || only.some(o => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of diagnostics.filter(d => overlaps(d.range, range)).slice(0, MAX_QUICK_FIXED)) {
      actions.push(...(await fixesFor({ workspace, path, uri, file, diagnostic, declarations })));
      // A fix may read the configuration: the request may be cancelled meanwhile.
      throwIfCancelled(token);
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits({ workspace, path, uri, file, declarations }, diagnostics);
    if (edits.length > 0)
      actions.push({
        title: 'Fix all fleet-roles problems in this file',
        kind: FIX_ALL_KIND,
        edit: { documentChanges: [textDocumentEdit(uri, edits)] },
        diagnostics,
      });
  }
  return actions;
}

async function fixesFor(context: FixContext): Promise<CodeAction[]> {
  switch (context.diagnostic.code) {
    case 'unknown-role':
      return unknownRoleFixes(context);
    case 'class-filename-mismatch':
    case 'name-filename-mismatch':
      return identityMismatchFixes(context);
    case 'missing-class':
    case 'missing-domain':
    case 'missing-persistence':
    case 'missing-key':
      return missingDeclarationFix(context);
    case 'invalid-persistence':
    case 'invalid-value':
      return booleanFix(context);
    case 'unknown-key':
      return unknownKeyFixes(context);
    case 'unknown-value':
      return unknownValueFixes(context);
    case 'unknown-tool':
      return unknownToolFixes(context);
    case 'hidden-character':
      return hiddenCharacterFix(context);
    case 'invalid-frontmatter':
      return quoteValueFix(context);
    case 'index-missing-role':
      return indexMissingRoleFix(context);
    case 'unknown-domain': {
      const library = context.file.library;
      const configText = await context.workspace.readText(library.configPath ?? joinPath(library.root, CONFIG_FILE_NAME));
      return unknownDomainFixes(context, configText);
    }
    default:
      return [];
  }
}

/**
 * The fixes that need no choice, together: the closest role and domain, the
 * class made the file's name, the booleans unquoted, the missing declarations
 * in one insertion.
 */
function fixAllEdits(context: Omit<FixContext, 'diagnostic'>, diagnostics: Diagnostic[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const missing: Array<[string, string]> = [];
  const lines = context.file.role.lines;
  for (const diagnostic of diagnostics) {
    const written = lines.text.slice(lines.offsetAt(diagnostic.range.start), lines.offsetAt(diagnostic.range.end));
    const fix = { ...context, diagnostic };
    switch (diagnostic.code) {
      case 'unknown-role': {
        const [best] = roleSuggestions(fix, written);
        if (best) edits.push({ range: diagnostic.range, newText: best });
        break;
      }
      case 'unknown-domain': {
        const [best] = unknownDomainFixes(fix, '').filter(a => a.isPreferred);
        const edit = best?.edit?.documentChanges?.[0];
        if (edit && 'edits' in edit) edits.push(...(edit.edits as TextEdit[]));
        break;
      }
      case 'class-filename-mismatch':
      case 'name-filename-mismatch':
        edits.push({ range: diagnostic.range, newText: context.file.role.stem });
        break;
      case 'invalid-persistence':
      case 'invalid-value':
      case 'unknown-value':
      case 'invalid-frontmatter': {
        const [best] = [...booleanFix(fix), ...unknownValueFixes(fix), ...quoteValueFix(fix)].filter(a => a.isPreferred);
        const edit = best?.edit?.documentChanges?.[0];
        if (edit && 'edits' in edit) edits.push(...(edit.edits as TextEdit[]));
        break;
      }
      case 'missing-class':
      case 'missing-domain':
      case 'missing-persistence':
      case 'missing-key': {
        const spec = missingKey(context.file, diagnostic);
        if (spec) missing.push([spec.key, defaultValue(context.workspace, context.file, spec)]);
        break;
      }
    }
  }
  if (missing.length > 0) edits.push(declarationInsertion(context.file, missing));
  return edits;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
