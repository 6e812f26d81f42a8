import { isDocumentName } from '../util/slug';
import type { FactKey } from '../parse/roleSummary';
import type { DeclaredKey, ParseRules } from '../parse/parseRules';
import { labelLineKey } from '../parse/parseRules';
import { BLANK_FORMAT, BUILTIN_FORMATS } from './builtinFormats';
import type { DeclarationSpec, FormatSetting, RoleFormat } from './roleFormat';
import { compileGlob } from './linearGlob';
import { compileLinear, type Pattern } from './userPattern';

/** A format made ready for use: its rules for the parse, its patterns compiled. */
export interface CompiledFormat extends RoleFormat {
  parse: ParseRules;
  declared: DeclaredKey[];
  /** The declared keys' names, and whether any may be written inline: every check of a file asks. */
  declaredKeys: readonly string[];
  inlineKeys: boolean;
  factKeys: FactKey[];
  /** Each declaration's pattern, compiled, by key. */
  patterns: ReadonlyMap<string, Pattern>;
  toolPatterns: Pattern[];
  /** The built-in agents, lower-cased: a reference to one is not unknown. */
  builtinRoles: ReadonlySet<string>;
}

/** The format a setting names: a built-in, a built-in with overrides, or a format of one's own. */
export function resolveFormat(setting: FormatSetting | undefined, detected: RoleFormat = BUILTIN_FORMATS.fleet): RoleFormat {
  if (setting === undefined) return detected;
  if (typeof setting === 'string') return BUILTIN_FORMATS[setting];
  const base = setting.extends ? BUILTIN_FORMATS[setting.extends] : BLANK_FORMAT;
  const declarations: DeclarationSpec[] = base.declarations.map(d => ({ ...d }));
  // Each key's first place, looked up: a format may declare 100,000 keys, and a scan per key would compare every pair.
  const placeOf = new Map<string, number>();
  declarations.forEach((d, i) => placeOf.has(d.key) || placeOf.set(d.key, i));
  for (const { addValues, ...override } of setting.declarations ?? []) {
    const at = placeOf.get(override.key);
    const merged: DeclarationSpec = at !== undefined ? { ...declarations[at], ...override } : override;
    if (addValues) merged.values = [...(merged.values ?? []), ...addValues];
    if (at !== undefined) declarations[at] = merged;
    else placeOf.set(override.key, declarations.push(merged) - 1);
  }
  const { addKnown, ...tools } = setting.tools ?? {};
  return {
    name: setting.name ?? (setting.extends ? `${setting.extends}+` : BLANK_FORMAT.name),
    folders: setting.folders ?? base.folders,
    extension: setting.extension ?? base.extension,
    roleFile: setting.roleFile ?? base.roleFile,
    anyMarkdown: setting.anyMarkdown ?? base.anyMarkdown,
    documents: setting.documents ?? base.documents,
    identity: { ...base.identity, ...setting.identity },
    declarations,
    unknownKeys: setting.unknownKeys ?? base.unknownKeys,
    title: setting.title ?? base.title,
    sections: { ...base.sections, ...setting.sections },
    references: { ...base.references, ...setting.references },
    tools: { ...base.tools, ...tools, known: [...(tools.known ?? base.tools.known), ...(addKnown ?? [])] },
    severity: { ...base.severity, ...setting.severity },
    promptLimit: setting.promptLimit ?? base.promptLimit,
  };
}

const compiled = new WeakMap<RoleFormat, CompiledFormat>();

export function compileFormat(format: RoleFormat): CompiledFormat {
  const known = compiled.get(format);
  if (known) return known;
  const documentMatchers = format.documents === 'upper-case' ? undefined : format.documents.map(compileGlob);
  const extension = format.extension;
  const parse: ParseRules = {
    extension,
    roleFile: format.roleFile,
    isDocument: documentMatchers ? (_stem, path) => documentMatchers.some(m => m(path.slice(path.lastIndexOf('/') + 1))) : stem => isDocumentName(stem),
    referenceSections: new Set(format.references.sections.map(s => s.toLowerCase())),
    referenceLabels: new Set(format.references.labels.map(labelLineKey)),
    referenceForms: format.references.forms,
    referenceKeys: format.references.keys,
    toolRules: format.references.toolRules.length === 0 ? undefined : { keys: format.tools.keys, rules: format.references.toolRules },
  };
  const patterns = new Map<string, Pattern>();
  for (const d of format.declarations) if (d.pattern !== undefined) patterns.set(d.key, compilePattern(d.pattern));
  const result: CompiledFormat = {
    ...format,
    parse,
    declared: format.declarations.map(d => ({ key: d.key, in: d.in ?? 'frontmatter', type: d.type ?? 'string' })),
    declaredKeys: format.declarations.map(d => d.key),
    inlineKeys: format.declarations.some(d => (d.in ?? 'frontmatter') !== 'frontmatter'),
    factKeys: format.declarations.filter(d => d.key !== format.identity.key && isFact(d)).map(d => ({ key: d.key, labels: d.labels })),
    patterns,
    toolPatterns: format.tools.patterns.map(compilePattern),
    builtinRoles: new Set(format.references.builtins.map(b => b.toLowerCase())),
  };
  compiled.set(format, result);
  return result;
}

/** The patterns the product ships, known to run in linear time: they keep JavaScript's engine and its exact meaning. */
const SHIPPED_PATTERNS: ReadonlySet<string> = new Set(
  Object.values(BUILTIN_FORMATS).flatMap(f => [...f.declarations.flatMap(d => d.pattern ?? []), ...f.tools.patterns]),
);

/** A pattern of the format: a shipped one as a RegExp, any other under the linear-time engine, so no workspace can make a check hang. */
function compilePattern(source: string): Pattern {
  return SHIPPED_PATTERNS.has(source) ? new RegExp(source, 'u') : compileLinear(source);
}

/** Keys with a closed set of values, and flags, are what hover shows beside a role's name. */
function isFact(d: DeclarationSpec): boolean {
  return d.type === 'boolean' || d.values !== undefined || d.valuesFrom !== undefined;
}

/** The built-in format whose folders end the path, if any: a library there needs no configuration. */
export function detectFormat(folder: string): RoleFormat | undefined {
  return Object.values(BUILTIN_FORMATS).find(f => f.folders.some(tail => folder === tail || folder.endsWith(`/${tail}`)));
}

/**
 * The built-ins' folders that start hidden (`.claude/agents`, `.github/agents`), by their
 * first segment: the walks enter those folders only, no other hidden one.
 */
export const DETECTED_HIDDEN_FOLDERS: ReadonlyMap<string, readonly string[]> = new Map(
  [
    ...new Set(
      Object.values(BUILTIN_FORMATS)
        .flatMap(f => f.folders)
        .filter(tail => tail.startsWith('.')),
    ),
  ].map(
    tail =>
      [
        tail.split('/')[0],
        Object.values(BUILTIN_FORMATS)
          .flatMap(f => f.folders)
          .filter(t => t.split('/')[0] === tail.split('/')[0]),
      ] as const,
  ),
);
