import type { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DiagnosticCode } from '../config/diagnosticCodes';
import type { DeclarationSpec, KeyValue } from '../config/roleFormat';
import type { Pattern } from '../config/userPattern';
import { DIAGNOSTIC_SEVERITY } from '../config/severitySettings';
import type { Declaration } from '../parse/roleFile';
import { namedSample } from '../util/namedSample';
import type { Check, CheckContext } from './checkContext';
import { closestInList } from './listSuggestions';
import { didYouMean } from './makeDiagnostic';

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

const MAX_NAMED = 3;
const MAX_RELATED = 10;

function describe(value: unknown, raw: string): string {
  return typeof value === 'string' ? value : raw;
}

function capitalized(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** Each key the format declares: present when required, of its type, one of its values or matching its pattern; the identity agreeing with the file. */
export const checkDeclarations: Check = context => {
  for (const spec of context.format.declarations) checkDeclaration(context, spec);
};

function checkDeclaration(context: CheckContext, spec: DeclarationSpec): void {
  const { key } = spec;
  const codes = spec.codes ?? {};
  const severity = spec.severity ? DIAGNOSTIC_SEVERITY[spec.severity] : undefined;
  const report = (code: DiagnosticCode | undefined, fallback: DiagnosticCode, d: Declaration, message: string) =>
    context.report(code ?? fallback, d.valueStart, d.valueEnd, message, undefined, severity);
  const declaration = context.declarations[key]?.primary;
  if (!declaration) {
    // A frontmatter that cannot be read declares nothing, and says so itself.
    const unreadable = context.role.frontmatter?.problem !== undefined && (spec.in ?? 'frontmatter') === 'frontmatter';
    if (spec.required && !unreadable && !declares(context, spec.requiredUnless)) reportMissing(context, spec, codes.missing ?? 'missing-key', severity);
    return;
  }
  if (spec.deprecated !== undefined) {
    context.report('deprecated-key', declaration.keyStart, declaration.keyEnd, `'${key}' is deprecated: ${spec.deprecated}.`, undefined, severity);
    return;
  }
  const { value, raw } = declaration;
  const type = spec.type ?? 'string';
  if (type === 'any') return;
  if (type === 'boolean') {
    if (typeof value === 'boolean') return;
    const what = isEmpty(value) ? `${key} is empty` : `Invalid ${key} '${raw}'`;
    report(codes.invalid, 'invalid-value', declaration, `${what}: the flag is true or false, unquoted.`);
    return;
  }
  if (type === 'map') {
    checkMap(spec, declaration, report);
    return;
  }
  if (type === 'number') {
    if (typeof value !== 'number') report(codes.invalid, 'invalid-value', declaration, `Invalid ${key} '${raw}': a number is expected.`);
    return;
  }
  if (type === 'sequence') {
    if (!Array.isArray(value))
      report(codes.invalid, 'invalid-value', declaration, `Invalid ${key} '${raw}': a ${key} is ${spec.patternHint ?? 'a YAML list'}.`);
    return;
  }
  if (type === 'list') {
    const isList = typeof value === 'string' || value === null || (Array.isArray(value) && value.every(v => typeof v === 'string'));
    if (!isList) {
      report(codes.invalid, 'invalid-value', declaration, `Invalid ${key} '${raw}': a list of names is expected, as \`${key}: a, b\` or a YAML list.`);
      return;
    }
    // A pattern is each name's: the whole string, or each entry of the list.
    const pattern = context.format.patterns.get(key);
    const wrong = pattern
      ? (Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : []).find(name => !pattern.test(name))
      : undefined;
    if (wrong !== undefined)
      report(codes.invalid, 'invalid-value', declaration, `Invalid ${key} '${wrong}': a ${key} is ${spec.patternHint ?? `text matching ${spec.pattern}`}.`);
    return;
  }
  const allowed = spec.values ?? (spec.valuesFrom === 'domains' ? context.view.library.domains : undefined);
  const pattern = context.format.patterns.get(key);
  if (allowed) {
    if (typeof value === 'string' && (allowed.includes(value) || pattern?.test(value))) return;
    const plural = spec.plural ?? `values of ${key}`;
    if (isEmpty(value)) {
      report(codes.unknown, 'unknown-value', declaration, `The ${key} is empty: name one of the known ${plural} (${namedSample(allowed)}).`);
      return;
    }
    const text = describe(value, raw);
    const suggestions = closestInList(text, allowed, 1);
    if (suggestions.length === 0 && spec.open && typeof value === 'string') {
      // Near no listed value: most likely newer than the list (a new model alias), not a mistake.
      context.reportQuiet(
        codes.unknown ?? 'unknown-value',
        declaration.valueStart,
        declaration.valueEnd,
        `'${text}' is not one of the ${plural} the ${context.format.name} format knows; if it is newer than this list, add it to the declaration's addValues in fleet-roles.json.`,
      );
      return;
    }
    const fix = suggestions.length > 0 ? didYouMean(suggestions) : ` Known ${plural}: ${namedSample(allowed)}.`;
    report(codes.unknown, 'unknown-value', declaration, `Unknown ${key} '${text}'.${fix}`);
    return;
  }
  if (pattern) {
    if (typeof value !== 'string' || !pattern.test(value)) {
      const hint = typeof value === 'string' ? toSlug(value) : '';
      const fix = hint && pattern.test(hint) ? ` Use '${hint}'.` : '';
      const what = isEmpty(value) ? `The ${key} is empty` : `Invalid ${key} '${describe(value, raw)}'`;
      report(codes.invalid, 'invalid-value', declaration, `${what}: a ${key} is ${spec.patternHint ?? `text matching ${spec.pattern}`}.${fix}`);
      return;
    }
  } else if (typeof value !== 'string' || value.trim() === '') {
    const what = isEmpty(value) || (typeof value === 'string' && value.trim() === '') ? `The ${key} is empty` : `Invalid ${key} '${raw}'`;
    report(codes.invalid, 'invalid-value', declaration, `${what}: text is expected.`);
    return;
  }
  const length = [...(value as string)].length;
  if (spec.maxLength !== undefined && length > spec.maxLength) {
    report(
      codes.invalid,
      'invalid-value',
      declaration,
      `The ${key} is ${length.toLocaleString('en-US')} characters long: it may hold at most ${spec.maxLength.toLocaleString('en-US')}.`,
    );
    return;
  }
  if (key === context.format.identity.key) checkIdentity(context, declaration, value as string);
}

/** A map of names to text (Agent Skills' `metadata`): a value that is no text (`version: 1.0`, a number) is named; an empty map is none. */
function checkMap(
  spec: DeclarationSpec,
  declaration: Declaration,
  report: (code: DiagnosticCode | undefined, fallback: DiagnosticCode, d: Declaration, message: string) => void,
): void {
  const { value, raw } = declaration;
  const { key } = spec;
  if (value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    report(
      spec.codes?.invalid,
      'invalid-value',
      declaration,
      `Invalid ${key} '${raw}': a map of names to text is expected, one \`name: text\` a line below \`${key}:\`.`,
    );
    return;
  }
  const wrong = Object.entries(value as Record<string, unknown>).find(([, v]) => typeof v !== 'string');
  if (wrong !== undefined)
    report(
      spec.codes?.invalid,
      'invalid-value',
      declaration,
      `The ${key} '${wrong[0]}' is ${kindOf(wrong[1])}: every value of ${key} is text; ${asText(wrong)}.`,
    );
}

/** How to write a map's value as text: a list or map is no quoted word, so it says how to join or spread it. */
function asText([name, value]: [string, unknown]): string {
  if (Array.isArray(value)) return `join the items into one quoted text (\`${name}: "a, b"\`)`;
  if (value !== null && typeof value === 'object')
    return `give each of its entries a key of its own (\`${name}-${Object.keys(value)[0] ?? 'part'}: text\`) or quote the whole as one text`;
  return 'quote it';
}

/** What a YAML value is, in words, for a message: a number is named so, as YAML reads `1.0` as 1. */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'true or false' : 'not text';
}

/** Whether the role declares the key with the value (a `requiredUnless`). */
export function declares(context: CheckContext, pair: KeyValue | undefined): boolean {
  return pair !== undefined && context.declarations[pair.key]?.primary?.value === pair.value;
}

/** The identity key names the file's role: it must be the file's name, and no other file's. */
function checkIdentity(context: CheckContext, declaration: Declaration, value: string): void {
  const { identity, extension } = context.format;
  const key = identity.key!;
  const { valueStart, valueEnd } = declaration;
  const stem = context.role.stem;
  if (identity.matchFile && value !== stem) {
    const message =
      context.format.roleFile === undefined
        ? `${capitalized(key)} '${value}' does not match the file name '${stem}${extension}': rename the ${key} to '${stem}' or the file to '${value}${extension}'.`
        : `${capitalized(key)} '${value}' does not match the folder name '${stem}': rename the ${key} to '${stem}' or the folder to '${value}'.`;
    context.report(identity.codes?.mismatch ?? 'name-filename-mismatch', valueStart, valueEnd, message);
  }
  // Not known yet is not reported: a duplicate is found once the other files are read.
  const others = context.view.filesDeclaringName(value)?.filter(p => p !== context.role.path) ?? [];
  if (others.length > 0) {
    // Named in full up to a few: a library where hundreds share a name must not get messages of hundreds of names.
    const names = others.slice(0, MAX_NAMED).map(p => p.slice(context.view.library.root.length + 1));
    const more = others.length > MAX_NAMED ? ` and ${others.length - MAX_NAMED} more` : '';
    context.report(
      identity.codes?.duplicate ?? 'duplicate-name',
      valueStart,
      valueEnd,
      `${capitalized(key)} '${value}' is also declared by ${names.join(', ')}${more}: a ${key} is unique in its library.`,
      others.slice(0, MAX_RELATED).map(p => ({
        location: { uri: context.view.uriOf(p), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
        message: `'${value}' is declared here too.`,
      })),
    );
  }
}

/** What a missing key most likely holds, for the message: the file's name, the first domain or value, false. */
function exampleValue(spec: DeclarationSpec, identityKey: string | undefined, stem: string, domains: readonly string[], pattern?: Pattern): string {
  if (spec.key === identityKey) return !pattern || pattern.test(stem) ? stem : 'role-name';
  if (spec.valuesFrom === 'domains') return domains[0] ?? 'operations';
  if (spec.type === 'boolean') return 'false';
  return spec.values?.[0] ?? '…';
}

function reportMissing(context: CheckContext, spec: DeclarationSpec, code: DiagnosticCode, severity: DiagnosticSeverity | undefined): void {
  const { key } = spec;
  const example = exampleValue(spec, context.format.identity.key, context.role.stem, context.view.library.domains, context.format.patterns.get(key));
  const place = spec.in ?? 'frontmatter';
  const where =
    place === 'frontmatter'
      ? context.role.frontmatter
        ? 'the frontmatter'
        : "a frontmatter at the file's top"
      : `${place === 'both' && context.role.frontmatter ? 'the frontmatter' : 'the lead, as an inline code span,'} before the first '##' heading`;
  // A key that only the frontmatter can hold is missing from the frontmatter: that is where the author looks, and where the fix goes.
  const frontmatter = context.role.frontmatter;
  const range = place === 'frontmatter' && frontmatter ? context.role.lines.lineRange(context.role.lines.lineAt(frontmatter.start)) : context.titleRange;
  const unless = spec.requiredUnless ? ` It is required unless the role declares \`${spec.requiredUnless.key}: ${spec.requiredUnless.value}\`.` : '';
  context.reportRange(code, range, `The role declares no ${key}: add \`${key}: ${example}\` to ${where}.${unless}`, severity);
}

export const checkConflicts: Check = context => {
  for (const key of Object.keys(context.declarations)) {
    const { primary, conflicts } = context.declarations[key];
    for (const conflict of conflicts) {
      context.report(
        'conflicting-declaration',
        conflict.valueStart,
        conflict.valueEnd,
        `This ${key} '${conflict.raw}' disagrees with the ${primary!.form === 'frontmatter' ? 'frontmatter' : 'first inline'} ${key} '${primary!.raw}': a role declares each fact once, or the same way twice.`,
      );
    }
  }
};

function toSlug(value: string): string {
  return value
    .trim()
    .replace(/^['"]|['"]$/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}
