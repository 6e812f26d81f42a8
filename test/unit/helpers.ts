import type { Diagnostic, Range } from 'vscode-languageserver-types';

/** Options for a role file built by `roleText`; every part defaults to a clean role. */
export interface RoleTextOptions {
  /** Frontmatter lines (without delimiters), or null for none. Default: class/domain/persistence of `name`. */
  frontmatter?: string[] | null;
  /** Lines between the title and `## Mandate`. */
  lead?: string[];
  title?: string | null;
  mandate?: string[];
  boundaries?: string[];
  persona?: string[];
  domain?: string;
}

/**
 * A role file for `name`: frontmatter (by default), title, lead and the three
 * sections. With the defaults and existing referenced roles, it checks clean.
 */
export function roleText(name: string, options: RoleTextOptions = {}): string {
  const domain = options.domain ?? 'operations';
  const frontmatter = options.frontmatter === undefined ? [`class: ${name}`, `domain: ${domain}`, 'persistent_persona: false'] : options.frontmatter;
  const lines: string[] = [];
  if (frontmatter !== null) lines.push('---', ...frontmatter, '---');
  if (options.title !== null) lines.push(options.title ?? `# ${name} — fleet role definition`);
  lines.push('', ...(options.lead ?? [`The **${name}** does its work.`]), '');
  lines.push('## Mandate', '', ...(options.mandate ?? ['1. **Do the work** — every day.']), '');
  lines.push('## Boundaries', '', ...(options.boundaries ?? ["- **Does NOT do other work** — that is the **other-role**'s lane."]), '');
  lines.push('## Persona', '', ...(options.persona ?? ['A steady worker.']), '');
  return lines.join('\n');
}

/** A role file declaring its facts inline, like the seed. */
export function inlineRoleText(name: string, options: Omit<RoleTextOptions, 'frontmatter'> & { declarations?: string } = {}): string {
  const declarations = options.declarations ?? `(\`class: ${name}\`, \`domain: ${options.domain ?? 'operations'}\`, \`persistent_persona: false\`)`;
  return roleText(name, { ...options, frontmatter: null, lead: options.lead ?? [`The **${name}** does its work ${declarations}.`] });
}

export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map(d => String(d.code));
}

export function only(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter(d => d.code === code);
}

/** The one diagnostic with this code; fails when there are none or several. */
export function single(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = only(diagnostics, code);
  if (found.length !== 1) {
    throw new Error(`expected exactly one '${code}', got ${found.length}: ${JSON.stringify(diagnostics.map(d => [d.code, d.message]))}`);
  }
  return found[0];
}

/**
 * The LSP range of the `occurrence`-th (0-based) match of `needle` in `text`,
 * counting lines by \r\n, \n or \r and columns in UTF-16 units.
 */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' occurs fewer than ${occurrence + 1} times`);
  }
  return { start: positionOf(text, at), end: positionOf(text, at + needle.length) };
}

export function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') continue;
    if (c === '\n' || c === '\r') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** The range of a whole line (without its line break). */
export function lineRange(text: string, line: number): Range {
  const lines = text.split(/\r\n|\n|\r/);
  return { start: { line, character: 0 }, end: { line, character: lines[line].length } };
}

/** The 0-based index of the first line equal to (or, with `prefix`, starting with) `content`. */
export function lineOf(text: string, content: string, prefix = false): number {
  const lines = text.split(/\r\n|\n|\r/);
  const i = lines.findIndex(l => (prefix ? l.startsWith(content) : l === content));
  if (i < 0) throw new Error(`no line '${content}'`);
  return i;
}

/** Compact "code line:char-line:char" strings, for comparing diagnostics across encodings. */
export function placed(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map(d => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
}

/**
 * Two clean roles, other-role and peer-role, under /ws/roles, naming each
 * other: a library in which `roleText`'s default Boundaries resolve.
 */
export function peers(extra: Record<string, string> = {}): Record<string, string> {
  return {
    '/ws/roles/other-role.md': roleText('other-role', { boundaries: ["- **Does NOT do peer work** — that is the **peer-role**'s lane."] }),
    '/ws/roles/peer-role.md': roleText('peer-role', { boundaries: ["- **Does NOT do other work** — that is the **other-role**'s lane."] }),
    ...extra,
  };
}

/** The contract's codes for role files; library documents (README.md, LIBRARY.md…) must get none of them. */
export const ROLE_CODES = [
  'invalid-frontmatter',
  'missing-class',
  'missing-domain',
  'missing-persistence',
  'invalid-class',
  'class-filename-mismatch',
  'duplicate-class',
  'unknown-domain',
  'invalid-persistence',
  'conflicting-declaration',
  'unknown-role',
  'self-reference',
  'boundary-without-role',
  'missing-title',
  'missing-section',
  'duplicate-section',
  'unknown-key',
];

/** The diagnostics with one of the contract's role-file codes. */
export function roleChecks(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter(d => ROLE_CODES.includes(String(d.code)));
}

/** The position of the `occurrence`-th match of `needle` in `text`, `shift` characters into it. */
export function positionAt(text: string, needle: string, shift = 0, occurrence = 0): { line: number; character: number } {
  const { start } = rangeOf(text, needle, occurrence);
  return { line: start.line, character: start.character + shift };
}
