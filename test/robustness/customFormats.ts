/**
 * Custom formats as an input of the attack tests: a fleet-roles.json whose
 * format of its own (over a built-in) is as hostile as a valid one can be,
 * for the long-text shapes; and the pieces that property tests generate
 * formats and role files from.
 */
import assert from 'node:assert/strict';
import { checkInWorker, type TimedCheck, type WorkerLibrary, type WorkerOutcome } from './support';

/** Patterns that backtrack without end on JavaScript's engine, valid ones and refused ones among them. */
export const HOSTILE_PATTERNS = [
  '^(a+)+$',
  '^(a|a)*b$',
  '^(\\w+\\s?)*$',
  '^(x+x+)+y$',
  '^([a-z0-9-]+)*!$',
  '(.*a){12}',
  '^(?:a|b|ab)*c$',
  '^mcp__[A-Za-z0-9_.-]+$',
  '^(a+)\\1$',
  '^(?=a)a+$',
  '(?<!x)y',
  '^\\k<n>$',
  '[',
  '(',
  '^\\p{L}+$',
  '^[\\u{1F600}-\\u{1F64F}]+$',
];

/** Globs that backtrack without end on a long name under picomatch's expressions, and ordinary ones. */
export const HOSTILE_GLOBS = [
  '+(+(a))b',
  '*(a|a)b',
  '*a*a*a*a*a*a*a*b',
  '**/*a*a*a*a*a*b',
  '!(x)*.md',
  '@(a|b)*.md',
  '{a,b}{a,b}{a,b}*',
  '[[:upper:]]*.md',
  '**/*.md',
  'drafts/**',
  '!draft-*.md',
  'README*',
  'LIBRARY.md',
  '?(a)?(a)?(a)aaa',
];

/** Strings for keys, labels, values and sections: prototype names, long runs, odd characters. */
export const HOSTILE_WORDS = [
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'hasOwnProperty',
  'color',
  'note',
  'owner',
  'tools',
  'class',
  'name',
  'a'.repeat(40),
  ' '.repeat(200),
  'Integration with other agents',
  'Works with',
  '**bold**',
  '`code`',
  ':',
  '',
  '\u0000',
  '\uD800',
  '😀',
  'é',
  'x'.repeat(5000),
];

/** A name per index, for long lists. */
const many = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

/**
 * A format of one's own over `base`, with a user pattern of every
 * catastrophic kind, globs that backtrack, and long lists of values,
 * labels, sections and tools: what a hostile repository can put in a
 * fleet-roles.json that is still valid.
 */
export function hostileFormat(base: 'fleet' | 'claude-code' | 'copilot-agents'): Record<string, unknown> {
  return {
    extends: base,
    name: 'hostile',
    documents: ['+(+(a))b', '*a*a*a*a*a*a*a*b', 'LIBRARY.md', 'README*', '**/*a*a*a*a*a*b.md'],
    declarations: [
      { key: 'note', pattern: '^(?:(a+)+|[\\s\\S]*)$' },
      { key: 'owner', in: base === 'fleet' ? 'both' : 'frontmatter', pattern: '^(\\w+\\s?)*$', patternHint: 'words' },
      { key: 'color', values: many('color', 200) },
      { key: 'level', type: 'number' },
    ],
    references: { labels: ['Integration with other agents', ...many('Works with group', 200)], forms: ['code', 'plain'] },
    sections: { recommended: many('Section', 50) },
    tools: {
      keys: ['tools'],
      known: ['Read', 'Grep', 'Bash', ...many('Tool', 200)],
      patterns: ['^mcp__(\\w+_?)*$', '^(a+)+$', '^[A-Z][A-Za-z]*\\((.*,?)*\\)$'],
    },
    severity: { 'unknown-key': 'hint' },
  };
}

/**
 * The library with its configuration (at `configPath`, kept as it is but
 * for its format) given hostileFormat(base): the same files, the same
 * checked file, under a custom format.
 */
export function underHostileFormat(library: WorkerLibrary, configPath: string, base: 'fleet' | 'claude-code' | 'copilot-agents'): WorkerLibrary {
  const existing = library.files[configPath];
  const config = existing === undefined ? {} : (JSON.parse(existing) as Record<string, unknown>);
  return {
    ...library,
    files: { ...library.files, [configPath]: JSON.stringify({ ...config, exclude: ['**/+(+(a))b', 'drafts/**'], format: hostileFormat(base) }) },
  };
}

export const AGENTS = '/ws/.claude/agents';

/** A Claude Code library under a format of its own (extending claude-code), one agent file to check. */
export function agentLibrary(format: Record<string, unknown>, others: Record<string, string> = {}): WorkerLibrary {
  return {
    files: { '/ws/fleet-roles.json': JSON.stringify({ format: { extends: 'claude-code', ...format } }), ...others, [`${AGENTS}/checked.md`]: agent([]) },
    path: `${AGENTS}/checked.md`,
  };
}

/** A clean agent named `checked`, with more frontmatter lines. */
export function agent(lines: string[], body = 'You do one job well.'): string {
  return ['---', 'name: checked', 'description: Checks things.', ...lines, '---', '', body, ''].join('\n');
}

/** The one text's outcome in a worker, asserted to be an answer within `limitMs`. */
export async function answered(library: WorkerLibrary, text: string, limitMs = 3000): Promise<TimedCheck> {
  const [[outcome]] = await checkInWorker([[{ text, limitMs, features: true }]], 1, library);
  return assertAnswered(outcome, limitMs);
}

export function assertAnswered(outcome: WorkerOutcome, limitMs: number): TimedCheck {
  assert.ok(!('hung' in outcome), `no answer within ${limitMs} ms`);
  assert.ok(!('error' in outcome), `threw: ${'error' in outcome ? outcome.error : ''}`);
  assert.ok(!('skipped' in outcome), 'not reached');
  assert.equal(outcome.malformed, undefined);
  return outcome;
}
