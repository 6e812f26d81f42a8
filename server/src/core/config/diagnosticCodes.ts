import { DiagnosticSeverity } from 'vscode-languageserver-types';

/** Every diagnostic the project reports, with its severity and what it means. */
export const DIAGNOSTIC_CODES = {
  'invalid-frontmatter': {
    severity: DiagnosticSeverity.Error,
    summary: 'The frontmatter is not valid YAML, is in another language, or has a prototype key (__proto__, constructor, prototype).',
  },
  'missing-class': { severity: DiagnosticSeverity.Error, summary: 'The role declares no class.' },
  'missing-domain': { severity: DiagnosticSeverity.Error, summary: 'The role declares no domain.' },
  'missing-persistence': { severity: DiagnosticSeverity.Error, summary: 'The role declares no persistent_persona flag.' },
  'invalid-class': { severity: DiagnosticSeverity.Error, summary: 'The class is not a kebab-case slug.' },
  'class-filename-mismatch': { severity: DiagnosticSeverity.Error, summary: "The class differs from the file's name." },
  'duplicate-class': { severity: DiagnosticSeverity.Error, summary: 'Another role file of the library declares the same class.' },
  'unknown-domain': { severity: DiagnosticSeverity.Error, summary: "The domain is not one of the library's known domains." },
  'invalid-persistence': { severity: DiagnosticSeverity.Error, summary: 'persistent_persona is not true or false.' },
  'conflicting-declaration': { severity: DiagnosticSeverity.Error, summary: 'An inline declaration disagrees with the frontmatter.' },
  'unknown-role': {
    severity: DiagnosticSeverity.Error,
    summary: 'A reference where references are checked (Boundaries, a labelled list, a reference key) names a role that does not exist.',
  },
  'self-reference': { severity: DiagnosticSeverity.Warning, summary: 'A Boundaries reference names the role itself.' },
  'boundary-without-role': { severity: DiagnosticSeverity.Warning, summary: 'A Boundaries bullet names no role.' },
  'missing-title': { severity: DiagnosticSeverity.Warning, summary: "The file does not start with a '# Title' line." },
  'missing-section': { severity: DiagnosticSeverity.Warning, summary: 'A required section (Mandate, Boundaries, Persona) is missing.' },
  'duplicate-section': { severity: DiagnosticSeverity.Warning, summary: 'A required section appears more than once.' },
  'unknown-key': {
    severity: DiagnosticSeverity.Hint,
    summary: "A key the format does not declare: in the fleet's format, one that looks like a misspelling of a declaration key.",
  },
  'missing-key': { severity: DiagnosticSeverity.Error, summary: "A key the library's format requires is not declared." },
  'invalid-value': {
    severity: DiagnosticSeverity.Error,
    summary: "A declared value is not of the type, or does not match the pattern, the library's format asks for.",
  },
  'unknown-value': { severity: DiagnosticSeverity.Error, summary: "A declared value is not one of the values the library's format allows." },
  'name-filename-mismatch': { severity: DiagnosticSeverity.Error, summary: "The role's declared name differs from the file's name." },
  'duplicate-name': { severity: DiagnosticSeverity.Error, summary: 'Another role file of the library declares the same name.' },
  'missing-recommended-section': { severity: DiagnosticSeverity.Information, summary: "A section the library's format recommends is missing." },
  'unknown-tool': { severity: DiagnosticSeverity.Warning, summary: 'A key that lists tools names a tool the format does not know.' },
  'duplicate-tool': { severity: DiagnosticSeverity.Warning, summary: 'A key that lists tools names a tool twice.' },
  'role-as-tool': { severity: DiagnosticSeverity.Error, summary: 'A key that lists tools names a role of the library: a role is not a tool.' },
  'prompt-too-long': {
    severity: DiagnosticSeverity.Warning,
    summary: "The agent's prompt, the body below the frontmatter, is longer than the tool takes (GitHub's 30,000 characters).",
  },
  'deprecated-key': { severity: DiagnosticSeverity.Warning, summary: 'A key the tool no longer reads, with what replaces it.' },
  'hidden-character': {
    severity: DiagnosticSeverity.Warning,
    summary: 'An invisible or bidirectional control character: it hides text from a reviewer, not from the agent that reads the file.',
  },
  'broken-link': { severity: DiagnosticSeverity.Error, summary: "A skill's relative link or image names a file that is not in the skill's folder." },
  'link-leaves-skill': {
    severity: DiagnosticSeverity.Warning,
    summary: "A skill's relative link or image leads out of the skill's folder, which is installed on its own.",
  },
  'index-unknown-role': { severity: DiagnosticSeverity.Warning, summary: "The library's index names a role that does not exist." },
  'index-missing-role': { severity: DiagnosticSeverity.Hint, summary: "A role of the library is not listed in the library's index." },
  'unreadable-file': { severity: DiagnosticSeverity.Error, summary: 'A role file could not be read: too large, not text, or not readable.' },
  'invalid-config': { severity: DiagnosticSeverity.Error, summary: 'The library configuration file is not valid.' },
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export const DIAGNOSTIC_SOURCE = 'fleet-roles';

/** Where each code's page is published: docs/diagnostics/ of the repository that package.json names. */
const DIAGNOSTIC_PAGES = 'https://github.com/fleet-roles/fleet-roles/blob/main/docs/diagnostics/';

/** The page that says what a code means, why, and how to fix it. */
export function diagnosticPage(code: DiagnosticCode): string {
  return `${DIAGNOSTIC_PAGES}${code}.md`;
}

export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
  return typeof code === 'string' && Object.hasOwn(DIAGNOSTIC_CODES, code);
}
