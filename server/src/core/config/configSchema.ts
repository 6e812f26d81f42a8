import { z } from 'zod';
import { SLUG_PATTERN } from '../util/slug';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnosticCodes';
import { PROTOTYPE_KEYS } from './prototypeKeys';
import { BUILTIN_FORMAT_NAMES } from './roleFormat';
import { SEVERITY_SETTINGS } from './severitySettings';
import { unboundedGlobReason } from './linearGlob';
import { unboundedPatternReason } from './userPattern';

const slug = z.string().regex(SLUG_PATTERN, 'must be a kebab-case slug such as "customer-success"');
const relativePath = z.string().min(1, 'must not be empty');
const nonEmpty = z.string().min(1, 'must not be empty');
const code = z.enum(Object.keys(DIAGNOSTIC_CODES) as [DiagnosticCode, ...DiagnosticCode[]]);
/** A check that refuses a pattern or glob by its text, with why. */
const refusedWhen = (why: (source: string) => string | undefined) => (source: string, context: z.RefinementCtx) => {
  const reason = why(source);
  if (reason !== undefined) context.addIssue({ code: 'custom', message: `'${source}' is refused: ${reason}` });
};
const regex = z.string().superRefine(refusedWhen(unboundedPatternReason));
const glob = nonEmpty.superRefine(refusedWhen(unboundedGlobReason));
const frontmatterKey = nonEmpty.refine(key => !PROTOTYPE_KEYS.has(key), 'cannot be declared: a frontmatter key of that name is refused, as it names a JavaScript object\'s prototype');
const place = z.enum(['frontmatter', 'inline', 'both']);
const severitySetting = z.enum(SEVERITY_SETTINGS);

const keyValue = z.strictObject({ key: nonEmpty, value: z.string() });

const declaration = z.strictObject({
  key: frontmatterKey,
  in: place.optional(),
  required: z.boolean().optional(),
  requiredUnless: keyValue.optional(),
  type: z.enum(['string', 'boolean', 'list', 'number', 'any']).optional(),
  values: z.array(nonEmpty).optional(),
  addValues: z.array(nonEmpty).optional(),
  open: z.boolean().optional(),
  valuesFrom: z.literal('domains').optional(),
  pattern: regex.optional(),
  patternHint: nonEmpty.optional(),
  deprecated: nonEmpty.optional(),
  plural: nonEmpty.optional(),
  labels: z.tuple([nonEmpty, nonEmpty]).optional(),
  severity: severitySetting.exclude(['off']).optional(),
  codes: z.strictObject({ missing: code.optional(), invalid: code.optional(), unknown: code.optional() }).optional(),
});

/** A library's format: every field optional, over the built-in it extends or over a blank format. */
const format = z.strictObject({
  extends: z.enum(BUILTIN_FORMAT_NAMES).optional(),
  name: nonEmpty.optional(),
  folders: z.array(relativePath).optional(),
  extension: z.string().regex(/^\.[^/\\]*\.?md$/i, 'must end in ".md", such as ".md" or ".agent.md"').optional(),
  anyMarkdown: z.boolean().optional(),
  documents: z.union([z.literal('upper-case'), z.array(glob)]).optional(),
  identity: z.strictObject({
    key: frontmatterKey.optional(),
    matchFile: z.boolean().optional(),
    nameFrom: z.enum(['file', 'key']).optional(),
    codes: z.strictObject({ mismatch: code.optional(), duplicate: code.optional() }).optional(),
  }).optional(),
  declarations: z.array(declaration).optional(),
  unknownKeys: z.enum(['report', 'near-miss']).optional(),
  title: z.enum(['required', 'optional']).optional(),
  sections: z.strictObject({ required: z.array(nonEmpty).optional(), recommended: z.array(nonEmpty).optional() }).optional(),
  references: z.strictObject({
    sections: z.array(nonEmpty).optional(),
    labels: z.array(nonEmpty).optional(),
    keys: z.array(z.string().regex(/^[^[\]]+(\[\](\.[^[\]]+)?)?$/, 'must be a key, "key[]" or "key[].field"')).optional(),
    forms: z.array(z.enum(['bold', 'link', 'code', 'plain', 'body'])).optional(),
    toolRules: z.array(nonEmpty).optional(),
    builtins: z.array(nonEmpty).optional(),
  }).optional(),
  tools: z.strictObject({
    keys: z.array(frontmatterKey).optional(), known: z.array(nonEmpty).optional(), addKnown: z.array(nonEmpty).optional(), patterns: z.array(regex).optional(), open: z.boolean().optional(),
  }).optional(),
  severity: z.record(z.string(), severitySetting).optional(),
  promptLimit: z.strictObject({ characters: z.number().int().positive(), unless: keyValue.optional() }).optional(),
});

/** What a fleet-roles.json may hold; its messages are the ones an invalid configuration gets. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  roleFolders: z.array(relativePath).optional(),
  exclude: z.array(glob).optional(),
  domains: z.array(slug).min(1, 'must name at least one domain').optional(),
  index: relativePath.optional(),
  format: z.union([z.enum(BUILTIN_FORMAT_NAMES), format]).optional(),
  severity: z.record(z.string(), severitySetting).optional(),
});

export type ConfigFileContent = z.infer<typeof configSchema>;
