/*
 * Skills for the differential test against `skills-ref validate`, the
 * Agent Skills specification's reference validator: one case per rule it
 * checks, and one per place where it and fleet-roles part. Each case is a
 * repository holding one skill folder; `dir` is that folder's name and
 * `skill` its SKILL.md, written out byte for byte (a BOM is "\ufeff").
 */

export interface SkillCase {
  id: string;
  /** The rule, or the difference, this case is for. */
  about: string;
  /** Where the skill folder sits: the plain specification's folder unless the case is about a tool's own. */
  root?: string;
  dir: string;
  /** The text of SKILL.md. */
  skill: string;
  /** Other files, relative to the skill's folder (`../` for one beside it). */
  files?: Record<string, string>;
}

const DESCRIPTION = 'Fills in PDF forms. Use when the user hands over a PDF form to complete.';

/** A SKILL.md with the given frontmatter lines and a short body. */
function skill(frontmatter: string[], body = '# Skill\n\nRead the form, then fill it in.\n'): string {
  return `---\n${frontmatter.join('\n')}\n---\n${body}`;
}

/** A well-formed skill named pdf-forms whose body is `body`. */
function bodied(body: string): string {
  return skill(['name: pdf-forms', `description: ${DESCRIPTION}`], `# PDF forms\n\n${body}\n`);
}

/** A well-formed skill named after its folder, with extra frontmatter lines. */
function named(dir: string, ...extra: string[]): string {
  return skill([`name: ${dir}`, `description: ${DESCRIPTION}`, ...extra]);
}

export const SKILLS_ROOT = '.agents/skills';

export const CASES: SkillCase[] = [
  // Valid skills: neither reports anything.
  { id: 'valid-minimal', about: 'name and description only', dir: 'pdf-forms', skill: named('pdf-forms') },
  {
    id: 'valid-every-field',
    about: 'every field of the specification',
    dir: 'pdf-forms',
    skill: named(
      'pdf-forms',
      'license: Apache-2.0',
      'compatibility: Needs Python 3 and network access',
      'metadata:',
      '  author: example-org',
      '  version: "1.0"',
      'allowed-tools: Bash(git:*) Read',
    ),
  },
  { id: 'valid-name-64', about: 'a name of exactly 64 characters', dir: 'a'.repeat(64), skill: named('a'.repeat(64)) },
  {
    id: 'valid-description-1024',
    about: 'a description of exactly 1024 characters',
    dir: 'pdf-forms',
    skill: skill(['name: pdf-forms', `description: ${'d'.repeat(1024)}`]),
  },
  {
    id: 'valid-compatibility-500',
    about: 'a compatibility of exactly 500 characters',
    dir: 'pdf-forms',
    skill: named('pdf-forms', `compatibility: ${'c'.repeat(500)}`),
  },

  // The frontmatter itself.
  { id: 'no-frontmatter', about: 'SKILL.md must start with frontmatter', dir: 'pdf-forms', skill: '# PDF forms\n\nFill them in.\n' },
  { id: 'unclosed-frontmatter', about: 'the frontmatter must be closed', dir: 'pdf-forms', skill: `---\nname: pdf-forms\ndescription: ${DESCRIPTION}\n` },
  { id: 'invalid-yaml', about: 'the frontmatter must be YAML', dir: 'pdf-forms', skill: skill(['name: pdf-forms', 'description: "Fills in PDF forms']) },
  { id: 'duplicate-key', about: 'a key given twice', dir: 'pdf-forms', skill: skill(['name: pdf-forms', `description: ${DESCRIPTION}`, 'name: pdf-forms']) },
  { id: 'not-a-mapping', about: 'the frontmatter must be a mapping', dir: 'pdf-forms', skill: skill(['- name', '- description']) },
  { id: 'unknown-field', about: 'only the specification’s fields', dir: 'pdf-forms', skill: named('pdf-forms', 'version: 2') },
  {
    id: 'misspelt-field',
    about: 'a near miss of a field of the specification',
    dir: 'pdf-forms',
    skill: skill(['name: pdf-forms', `descripton: ${DESCRIPTION}`]),
  },

  // name
  { id: 'name-missing', about: 'name is required', dir: 'pdf-forms', skill: skill([`description: ${DESCRIPTION}`]) },
  { id: 'name-null', about: 'name given no value', dir: 'pdf-forms', skill: skill(['name:', `description: ${DESCRIPTION}`]) },
  { id: 'name-empty', about: 'name must not be empty', dir: 'pdf-forms', skill: skill(['name: ""', `description: ${DESCRIPTION}`]) },
  { id: 'name-too-long', about: 'name is at most 64 characters', dir: 'a'.repeat(65), skill: named('a'.repeat(65)) },
  { id: 'name-uppercase', about: 'name is lower case', dir: 'PDF-forms', skill: named('PDF-forms') },
  { id: 'name-leading-hyphen', about: 'name does not start with a hyphen', dir: '-pdf-forms', skill: named('-pdf-forms') },
  { id: 'name-trailing-hyphen', about: 'name does not end with a hyphen', dir: 'pdf-forms-', skill: named('pdf-forms-') },
  { id: 'name-double-hyphen', about: 'name has no "--"', dir: 'pdf--forms', skill: named('pdf--forms') },
  { id: 'name-underscore', about: 'name holds letters, digits and hyphens only', dir: 'pdf_forms', skill: named('pdf_forms') },
  { id: 'name-not-folder', about: 'name is the folder’s name', dir: 'forms', skill: named('pdf-forms') },

  // description
  { id: 'description-missing', about: 'description is required', dir: 'pdf-forms', skill: skill(['name: pdf-forms']) },
  { id: 'description-null', about: 'description given no value', dir: 'pdf-forms', skill: skill(['name: pdf-forms', 'description:']) },
  { id: 'description-empty', about: 'description must not be empty', dir: 'pdf-forms', skill: skill(['name: pdf-forms', 'description: ""']) },
  { id: 'description-blank', about: 'description must not be blank', dir: 'pdf-forms', skill: skill(['name: pdf-forms', 'description: "   "']) },
  {
    id: 'description-too-long',
    about: 'description is at most 1024 characters',
    dir: 'pdf-forms',
    skill: skill(['name: pdf-forms', `description: ${'d'.repeat(1025)}`]),
  },

  // compatibility
  {
    id: 'compatibility-too-long',
    about: 'compatibility is at most 500 characters',
    dir: 'pdf-forms',
    skill: named('pdf-forms', `compatibility: ${'c'.repeat(501)}`),
  },
  { id: 'compatibility-not-string', about: 'compatibility is a string', dir: 'pdf-forms', skill: named('pdf-forms', 'compatibility:', '  python: "3"') },

  // Where fleet-roles is right and the peer is not.
  { id: 'name-non-ascii', about: 'the specification allows a-z, digits and hyphens only', dir: 'café-menu', skill: named('café-menu') },
  {
    id: 'claude-code-defaults',
    about: 'Claude Code takes the folder’s name and the first paragraph when name and description are left out, and reads keys of its own',
    root: '.claude/skills',
    dir: 'pdf-forms',
    skill: skill(['model: sonnet', 'disable-model-invocation: true']),
  },
  { id: 'compatibility-empty', about: 'compatibility, when given, is 1 to 500 characters', dir: 'pdf-forms', skill: named('pdf-forms', 'compatibility: ""') },
  {
    id: 'metadata-not-string',
    about: 'metadata maps strings to strings',
    dir: 'pdf-forms',
    skill: named('pdf-forms', 'metadata:', '  author: example-org', '  reviewed: true'),
  },
  {
    id: 'dangling-link',
    about: 'a link to a file the skill does not hold',
    dir: 'pdf-forms',
    skill: named('pdf-forms').replace('Read the form', 'Read [the field guide](references/fields.md) and the form'),
  },
  {
    id: 'flow-mapping',
    about: 'a YAML flow mapping is YAML',
    dir: 'pdf-forms',
    skill: named('pdf-forms', 'metadata: {author: example-org, version: "1.0"}'),
  },
  { id: 'bom', about: 'a UTF-8 byte order mark before the frontmatter', dir: 'pdf-forms', skill: `\ufeff${named('pdf-forms')}` },
  {
    id: 'first-yaml-complaint-only',
    about: 'the peer stops at its first YAML complaint and checks nothing else',
    dir: 'pdf-forms',
    skill: skill(['name: PDF-Forms', `description: ${DESCRIPTION}`, 'metadata: {author: example-org}']),
  },
  {
    id: 'dashes-in-value',
    about: 'the peer ends the frontmatter at the first "---", even inside a value',
    dir: 'pdf-forms',
    skill: skill(['name: pdf-forms', 'description: "Fills in PDF forms --- and checks them. Use when given a PDF form."']),
  },

  // Links and paths, as real skills write them (docs/real-libraries.md): what is not there, and what only looks like a path.
  {
    id: 'links-that-resolve',
    about: 'links and paths to files the skill holds',
    dir: 'pdf-forms',
    skill: bodied(
      'Read [the field guide](references/fields.md#dates), then run `scripts/fill.py`; see [the forms spec](https://example.org/forms) and [below](#steps).',
    ),
    files: { 'references/fields.md': '# Fields\n\n## Dates\n', 'scripts/fill.py': 'print("fill")\n' },
  },
  {
    id: 'paths-that-are-not',
    about: 'placeholders, globs and alternatives in code spans, and links inside a fence',
    dir: 'pdf-forms',
    skill: bodied(
      'Read `references/<form-kind>.md` for the kind at hand, any of `references/kinds/*.md`, and run `scripts/fill.{sh,ps1}`.\n\n- **Examples**: `references/tax.md` for tax forms\n\n```markdown\nSee [the guide](references/guide.md).\n```',
    ),
  },
  {
    id: 'link-leaves-skill',
    about: 'a link out of the skill’s folder, which breaks once the skill is installed on its own',
    dir: 'pdf-forms',
    skill: bodied('Shared rules are in [the common notes](../common/notes.md).'),
    files: { '../common/notes.md': '# Notes\n' },
  },
  {
    id: 'link-to-missing-folder',
    about: 'a link to a folder the skill does not hold',
    dir: 'pdf-forms',
    skill: bodied('The case notes are in [references/case/](references/case/).'),
  },
  {
    id: 'path-in-code-missing',
    about: 'a path in a code span to a file the skill does not hold, as the specification writes file references',
    dir: 'pdf-forms',
    skill: bodied('For the date fields, read `references/fields.md`; then run `./scripts/fill.py`.'),
    files: { 'scripts/fill.py': 'print("fill")\n' },
  },
  {
    id: 'link-case-differs',
    about: 'a link whose case differs from the file’s: file names are case-sensitive',
    dir: 'pdf-forms',
    skill: bodied('Read [the field guide](reference/fields.md).'),
    files: { 'references/fields.md': '# Fields\n' },
  },
];
