import type { CodeAction } from 'vscode-languageserver-types';
import { quotedYamlValue, unquotedColonValues } from '../../parse/colonValues';
import { closestMatches } from '../../util/editDistance';
import { specAt } from './declarationFixes';
import { quickFix, singleEdit } from './edits';
import type { FixContext } from './fixContext';

function written(context: FixContext): string {
  const lines = context.file.role.lines;
  return lines.text.slice(lines.offsetAt(context.diagnostic.range.start), lines.offsetAt(context.diagnostic.range.end));
}

/** Replacements by the closest candidates, the first preferred. */
function replacements(context: FixContext, what: string, candidates: readonly string[]): CodeAction[] {
  return closestMatches(written(context).replace(/^['"]|['"]$/g, ''), candidates, 3).map((c, i) =>
    quickFix(`Change the ${what} to '${c}'`, singleEdit(context.uri, { range: context.diagnostic.range, newText: c }), context.diagnostic, i === 0),
  );
}

/** unknown-key: the closest key the format declares. */
export function unknownKeyFixes(context: FixContext): CodeAction[] {
  return replacements(
    context,
    'key',
    context.file.library.format.declarations.map(d => d.key),
  );
}

/** unknown-value: the closest value the key allows. */
export function unknownValueFixes(context: FixContext): CodeAction[] {
  const spec = specAt(context)?.spec;
  return spec?.values ? replacements(context, spec.key, spec.values) : [];
}

/** unknown-tool: the closest known tool. */
export function unknownToolFixes(context: FixContext): CodeAction[] {
  return replacements(context, 'tool', context.file.library.format.tools.known);
}

/** hidden-character: remove the characters. */
export function hiddenCharacterFix(context: FixContext): CodeAction[] {
  return [quickFix('Remove the hidden characters', singleEdit(context.uri, { range: context.diagnostic.range, newText: '' }), context.diagnostic, true)];
}

/** invalid-frontmatter at a value that holds `: `: the value quoted, which keeps its text and makes the YAML valid. */
export function quoteValueFix(context: FixContext): CodeAction[] {
  const { file, diagnostic } = context;
  const fm = file.role.frontmatter;
  if (!fm) return [];
  const start = file.role.lines.offsetAt(diagnostic.range.start);
  const key = unquotedColonValues(file.role.lines, fm).find(k => k.valueStart === start);
  if (!key) return [];
  const value = file.role.lines.text.slice(key.valueStart, key.valueEnd);
  return [quickFix(`Quote the value of '${key.key}'`, singleEdit(context.uri, { range: diagnostic.range, newText: quotedYamlValue(value) }), diagnostic, true)];
}
