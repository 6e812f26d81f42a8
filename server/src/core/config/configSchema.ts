import { z } from 'zod';
import { DECLARATION_PLACES, REFERENCE_FORMS, VALUE_TYPES } from '../parse/parseRules';
import { SLUG_PATTERN } from '../util/slug';
import { DEFAULT_DOMAINS } from './defaultDomains';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnosticCodes';
import { PROTOTYPE_KEYS } from './prototypeKeys';
import { BUILTIN_FORMAT_NAMES } from './builtinFormatNames';
import { CONFIGURABLE_CODES } from './severityKeys';
import { SEVERITY_SETTINGS } from './severitySettings';
import { unboundedGlobReason } from './linearGlob';
import { unboundedPatternReason } from './userPattern';

/*
 * The one definition of fleet-roles.json: the checker validates with it, the
 * types come from it (z.infer), and `npm run schema` writes the JSON schema
 * and the docs' field table from it. Descriptions are Markdown. A `.meta()`
 * other than a description is a JSON-schema-only constraint: the editor
 * flags what the checker reports elsewhere (confinedPaths, severityKeys) or
 * lets pass, so the checker's messages stay its own.
 */

/** What the editor refuses as a path leaving the configuration's folder: absolute, a drive, or `..`; confinedPaths reports them with the real path. */
const INSIDE_FOLDER = '^(?![/\\\\])(?![A-Za-z]:)(?!\\.\\.([/\\\\]|$))';

const slug = z.string().regex(SLUG_PATTERN, 'must be a kebab-case slug such as "customer-success"');
const relativePath = z.string().min(1, 'must not be empty');
const nonEmpty = z.string().min(1, 'must not be empty');
const code = z.enum(Object.keys(DIAGNOSTIC_CODES) as [DiagnosticCode, ...DiagnosticCode[]]);
/** A check that refuses a pattern or glob by its text, with why. */
const refusedWhen = (why: (source: string) => string | undefined) => (source: string, context: z.RefinementCtx) => {
  const reason = why(source);
  if (reason !== undefined) context.addIssue({ code: 'custom', message: `'${source}' is refused: ${reason}` });
};
const regex = z.string().superRefine(refusedWhen(unboundedPatternReason)).meta({ minLength: 1 });
const glob = nonEmpty.superRefine(refusedWhen(unboundedGlobReason));
const frontmatterKey = nonEmpty.refine(
  key => !PROTOTYPE_KEYS.has(key),
  "cannot be declared: a frontmatter key of that name is refused, as it names a JavaScript object's prototype",
);
const place = z.enum(DECLARATION_PLACES);
const severitySetting = z.enum(SEVERITY_SETTINGS);
/** Unknown codes are reported on the syntax tree (severityKeys), before zod: the record takes any key, the editor only codes. */
const severityTable = z.record(z.string(), severitySetting).meta({ propertyNames: { enum: [...CONFIGURABLE_CODES] } });

const keyValue = z.strictObject({
  key: nonEmpty.describe('The key.'),
  value: z.string().describe('Its value.'),
});

const declarationCodes = z.strictObject({
  missing: code.optional().describe('For a role that does not declare the key.'),
  invalid: code.optional().describe('For a value of the wrong type, or that does not match `pattern`.'),
  unknown: code.optional().describe('For a value that is not one of `values`.'),
});

export const declarationSchema = z
  .strictObject({
    key: frontmatterKey.describe('The key, as written in the frontmatter.'),
    in: place.optional().describe('Where it may be written: the frontmatter (default), an inline code span `key: value` in the lead, or either.'),
    required: z.boolean().optional().describe('A role without it gets `missing-key` (or the code the format names).'),
    requiredUnless: keyValue
      .optional()
      .describe("Where the role declares this key with this value, the key is not required (Copilot's `description` with `target: vscode`)."),
    type: z
      .enum(VALUE_TYPES)
      .optional()
      .describe('Default `string`. `list`: a YAML list or a comma-separated string. `map`: a YAML map of names to text. `any`: not checked.'),
    values: z.array(nonEmpty).optional().describe('The values it may take, besides those `pattern` accepts (did-you-mean on others: `unknown-value`).'),
    addValues: z.array(nonEmpty).optional().describe('Values added to those the declaration already has, such as a model alias newer than the built-in list.'),
    open: z
      .boolean()
      .optional()
      .describe('The tool adds values with its releases: a value that is no near miss of a listed one is a hint, not `unknown-value`.'),
    valuesFrom: z.literal('domains').optional().describe("Take the values from the library's domains (the fleet's `domain`)."),
    pattern: regex.optional().describe('A regular expression (JavaScript syntax) the whole value must match (`invalid-value` otherwise).'),
    maxLength: z.number().int().positive().optional().describe('The most characters a text value may hold (`invalid-value` past it).'),
    patternHint: nonEmpty.optional().describe('What the pattern asks for, in words, for messages: "lowercase letters and hyphens, such as \'code-reviewer\'".'),
    deprecated: nonEmpty.optional().describe('The key is no longer read: what replaces it, in words (`deprecated-key`).'),
    plural: nonEmpty.optional().describe('The plural of the key in messages ("Known domains: …").'),
    labels: z
      .tuple([nonEmpty, nonEmpty])
      .meta({ minItems: 2, maxItems: 2 })
      .optional()
      .describe('For a boolean: how hover names true and false ("persistent", "transient").'),
    severity: severitySetting.exclude(['off']).optional().describe("The severity of every problem with this key, instead of its code's."),
    codes: declarationCodes.optional().describe("The codes its problems are reported under (the fleet's format names its own)."),
  })
  .describe('One key a role declares, and what its value must be.');

export const identitySchema = z.strictObject({
  key: frontmatterKey.optional().describe("The key that names the role (the file's name when absent)."),
  matchFile: z.boolean().optional().describe("Whether that name must be the file's name."),
  nameFrom: z
    .enum(['file', 'key'])
    .optional()
    .describe(
      "What others call the role: its file's name (`file`, the default), or the key's value when the file declares it, else the file's name (`key`: Copilot's display names such as 'Feature Builder').",
    ),
  codes: z
    .strictObject({
      mismatch: code.optional().describe("For a name that differs from the file's."),
      duplicate: code.optional().describe('For a name another role of the library declares too.'),
    })
    .optional()
    .describe('The codes its problems are reported under.'),
});

export const sectionsSchema = z.strictObject({
  required: z.array(nonEmpty).optional().describe('Sections a role must have (`missing-section` when absent).'),
  recommended: z.array(nonEmpty).optional().describe('Sections a role should have (`missing-recommended-section` when absent).'),
});

export const referencesSchema = z.strictObject({
  sections: z.array(nonEmpty).optional().describe('Sections whose references must name roles, and whose every bullet should name one.'),
  labels: z.array(nonEmpty).optional().describe('Label lines ("Integration with other agents:") whose following list names roles.'),
  keys: z
    .array(z.string().regex(/^[^[\]]+(\[\](\.[^[\]]+)?)?$/, 'must be a key, "key[]" or "key[].field"'))
    .optional()
    .describe('Frontmatter keys whose values name roles: `agents[]`, `handoffs[].agent`.'),
  forms: z
    .array(z.enum(REFERENCE_FORMS))
    .optional()
    .describe(
      "Forms beyond bold and links that count in those sections and lists; `body`: agent names anywhere in the body, checked where an agent's name stands (a delegation, a roster, an agents column, `@agent-name`, `subagent_type`).",
    ),
  toolRules: z
    .array(nonEmpty)
    .optional()
    .describe('Tool rules whose arguments name agents, in the keys that list tools: `Agent` for `tools: Agent(worker, researcher)`.'),
  builtins: z
    .array(nonEmpty)
    .optional()
    .describe('Agents the tool provides itself (Explore, Plan; Agent, Ask): a reference to one is not `unknown-role`. Compared without case.'),
});

export const toolsSchema = z.strictObject({
  keys: z.array(frontmatterKey).optional().describe('Keys that list tools.'),
  known: z.array(nonEmpty).optional().describe('The tools known by name (`unknown-tool` for others). Replaces the list of the format extended.'),
  addKnown: z.array(nonEmpty).optional().describe('Tools added to those the format knows, such as a tool newer than the built-in list.'),
  patterns: z.array(regex).optional().describe('Regular expressions of other tools (MCP tools).'),
  open: z.boolean().optional().describe('The tool adds tools with its releases: a name that is no near miss of a known one is a hint, not `unknown-tool`.'),
});

export const promptLimitSchema = z.strictObject({
  characters: z
    .number()
    .int()
    .positive()
    .describe("The most characters the body below the frontmatter, the agent's prompt, may hold (`prompt-too-long` past it)."),
  unless: keyValue.optional().describe('Where the role declares this key with this value, the limit does not apply.'),
});

/** A library's format: every field optional, over the built-in it extends or over a blank format. */
export const formatSettingSchema = z
  .strictObject({
    extends: z.enum(BUILTIN_FORMAT_NAMES).optional().describe('The built-in format this one starts from.'),
    name: nonEmpty.optional().describe("The format's name, for messages."),
    folders: z
      .array(relativePath)
      .optional()
      .describe('Where role files live, relative to this file (`.claude/agents`); found with no other configuration. Empty: every folder named `roles`.'),
    extension: z
      .string()
      .regex(/^\.[^/\\]*\.?mdc?$/i, 'must end in ".md" or ".mdc", such as ".md", ".agent.md" or ".mdc"')
      .optional()
      .describe("The end of a role file's name: `.md`, `.agent.md`, or `.mdc` (Cursor's rules); new role files get it."),
    roleFile: z
      .string()
      .regex(/^[^/\\]+\.mdc?$/i, 'must be a file name ending in ".md" or ".mdc", such as "SKILL.md"')
      .optional()
      .describe(
        "Role files have this name exactly, each in a folder of its own whose name is the role's (Agent Skills' `SKILL.md`); the folder's other files are not roles.",
      ),
    anyMarkdown: z
      .boolean()
      .optional()
      .describe('Whether any other `.md` file of the role folders is a role too (VS Code reads every `.md` file in `.github/agents`).'),
    documents: z
      .union([z.literal('upper-case'), z.array(glob)])
      .optional()
      .describe("The library's documents (read for references, not checked): `upper-case` names (README.md, LIBRARY.md), or glob patterns of file names."),
    identity: identitySchema.optional().describe('The key that names the role, and how the role is called.'),
    declarations: z
      .array(declarationSchema)
      .optional()
      .describe("The keys a role declares; over a built-in, a declaration with the same key is merged into the built-in's."),
    unknownKeys: z
      .enum(['report', 'near-miss'])
      .optional()
      .describe('`report`: every key not declared is `unknown-key`; `near-miss`: only a key close to a declared one (a typo).'),
    title: z.enum(['required', 'optional']).optional().describe('Whether a `# Title` line must open the body.'),
    sections: sectionsSchema.optional().describe('The sections a role must or should have.'),
    references: referencesSchema.optional().describe('Where references to other roles stand.'),
    tools: toolsSchema.optional().describe('The keys that list tools, and the tools known.'),
    severity: severityTable.optional().describe("Severity per code for this format, before the configuration's own `severity`."),
    promptLimit: promptLimitSchema.optional().describe("A cap on the agent's prompt, such as GitHub's 30,000 characters."),
  })
  .describe('A format of your own: every field optional, over the built-in it extends, or over a blank format.');

/** What a fleet-roles.json may hold; its messages are the ones an invalid configuration gets. */
export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON schema, for completion in JSON editors.'),
    roleFolders: z
      .array(relativePath.meta({ pattern: INSIDE_FOLDER }))
      .optional()
      .describe(
        "Folders holding the library's role files, relative to this file and inside its folder (a path leading outside is refused: put fleet-roles.json higher up instead). Default: every folder named `roles` at or below this file's folder.",
      ),
    exclude: z.array(glob).optional().describe("Glob patterns, relative to this file's folder, of Markdown files that are not roles (`drafts/**`)."),
    domains: z
      .array(slug)
      .min(1, 'must name at least one domain')
      .meta({ uniqueItems: true })
      .optional()
      .describe(`The library's known domains. Replaces the built-in list: ${DEFAULT_DOMAINS.join(', ')}.`),
    index: relativePath
      .meta({ pattern: INSIDE_FOLDER })
      .optional()
      .describe(
        "The library's index document, relative to this file and inside its folder, checked against the library (roles it names must exist; roles it does not list are hinted). Default: any LIBRARY.md of the library.",
      ),
    format: z
      .union([z.enum(BUILTIN_FORMAT_NAMES), formatSettingSchema])
      .optional()
      .describe(
        "The format of the library's role files: a built-in (`fleet`, the default; `claude-code`; `copilot-agents`; `agent-skills`; `claude-skills`), or a format of your own. Default: the format the folders imply (`.claude/agents`, `.github/agents`, `.agents/skills`, `.claude/skills`), else `fleet`.",
      ),
    severity: severityTable.optional().describe('Severity per diagnostic code; `off` silences the code in this library.'),
  })
  .describe('fleet-roles.json, at the root of a role library: where its role files are and which domains it knows.');

export type ConfigFileContent = z.infer<typeof configSchema>;
