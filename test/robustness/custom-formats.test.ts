/**
 * Custom formats as a first-class input (fast-check, fixed seed): generated
 * fleet-roles.json formats (patterns, globs, values, labels, keys, severity)
 * over each built-in, with hostile role files. Every configuration is read
 * without a throw, whatever it holds; every one that is accepted compiles;
 * and every library is checked in a worker thread, bounded in time (a hang
 * is terminated and fails) and in memory (the worker's heap limit).
 *
 *   FLEET_ROLES_FUZZ_RUNS=500 node --test out/test/robustness/custom-formats.test.js
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseConfigText } from '../../server/src/core/config/configFile';
import { compileFormat, resolveFormat } from '../../server/src/core/config/compiledFormat';
import { checkLibrary } from '../support/checkLibrary';
import { assertAnswered, HOSTILE_GLOBS, HOSTILE_PATTERNS, HOSTILE_WORDS, hostileFormat, underHostileFormat } from './customFormats';
import { checkInWorker, sampleLibrary, type WorkerLibrary } from './support';

const SEED = Number(process.env.FLEET_ROLES_FUZZ_SEED ?? 0xf0a7);
const RUNS = process.env.FLEET_ROLES_FUZZ_RUNS ? Number(process.env.FLEET_ROLES_FUZZ_RUNS) : undefined;
const params = (ci: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: RUNS ?? ci });

/** A check of one file, its library's load included, past which it is a hang. */
const CHECK_MS = 4000;

const BASES = ['fleet', 'claude-code', 'copilot-agents'] as const;
type Base = (typeof BASES)[number];

/** Where each base's library lives in memory, and the file the property checks. */
const LAYOUT: Record<Base, { folder: string; config: string; extension: string }> = {
  fleet: { folder: '/ws/roles', config: '/ws/roles/fleet-roles.json', extension: '.md' },
  'claude-code': { folder: '/ws/.claude/agents', config: '/ws/fleet-roles.json', extension: '.md' },
  'copilot-agents': { folder: '/ws/.github/agents', config: '/ws/fleet-roles.json', extension: '.agent.md' },
};

const word = fc.oneof({ arbitrary: fc.constantFrom(...HOSTILE_WORDS), weight: 3 }, { arbitrary: fc.string({ maxLength: 12 }), weight: 1 });
const words = (max: number) =>
  fc.oneof(
    fc.array(word, { maxLength: max }),
    fc.integer({ min: 0, max: 3000 }).map(n => Array.from({ length: n }, (_, i) => `v${i}`)),
  );
const pattern = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_PATTERNS), weight: 4 },
  { arbitrary: fc.string({ unit: fc.constantFrom('(', ')', 'a', '+', '*', '|', '?', '\\', '1', '[', ']', '^', '$', '.'), maxLength: 16 }), weight: 1 },
);
const glob = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_GLOBS), weight: 4 },
  { arbitrary: fc.string({ unit: fc.constantFrom('*', '+', '(', ')', 'a', 'b', '|', '!', '{', '}', ',', '/', '?', '@'), maxLength: 14 }), weight: 1 },
);

const declaration = fc.record(
  {
    key: word,
    in: fc.constantFrom('frontmatter', 'inline', 'both'),
    required: fc.boolean(),
    type: fc.constantFrom('string', 'boolean', 'list', 'number', 'any'),
    values: words(6),
    pattern,
    labels: fc.tuple(fc.constantFrom('on', 'off'), fc.constantFrom('yes', 'no')),
  },
  { requiredKeys: ['key'] },
);

/** A format of one's own: any field may be there, each drawn from what breaks naive code. */
const format = fc.record(
  {
    extends: fc.constantFrom(...BASES),
    documents: fc.oneof(fc.constant('upper-case'), fc.array(glob, { minLength: 1, maxLength: 4 })),
    identity: fc.record({ key: word, matchFile: fc.boolean() }, { requiredKeys: [] }),
    declarations: fc.array(declaration, { maxLength: 5 }),
    unknownKeys: fc.constantFrom('report', 'near-miss'),
    sections: fc.record({ required: words(4), recommended: words(4) }, { requiredKeys: [] }),
    references: fc.record(
      {
        sections: words(4),
        labels: words(6),
        keys: fc.array(fc.constantFrom('agents[]', 'handoffs[].agent', 'owner', 'constructor'), { maxLength: 3 }),
        forms: fc.subarray(['bold', 'link', 'code', 'plain']),
      },
      { requiredKeys: [] },
    ),
    tools: fc.record(
      { keys: fc.array(fc.constantFrom('tools', 'constructor', 'note'), { maxLength: 2 }), known: words(6), patterns: fc.array(pattern, { maxLength: 3 }) },
      { requiredKeys: [] },
    ),
    severity: fc.dictionary(
      fc.constantFrom('unknown-key', 'unknwn-tool', 'constructor', '__proto__', 'invalid-config', 'unknown-role'),
      fc.constantFrom('off', 'hint', 'error'),
    ),
  },
  { requiredKeys: ['extends'] },
);

const config = fc.record({ format, exclude: fc.array(glob, { maxLength: 3 }) }, { requiredKeys: ['format'] });

/** A frontmatter line or body line that a generated format may trip on. */
const line = fc.oneof(
  fc
    .tuple(word, fc.oneof(word, fc.constantFrom(`${'a'.repeat(32)}!`, `a${' '.repeat(20_000)}b`, `${'word '.repeat(30)}!`, '[a, b]', 'true', '12')))
    .map(([k, v]) => `${k}: ${v}`),
  fc.constantFrom(`tools: Read, ${'a'.repeat(32)}!, mcp__${'x_'.repeat(40)}!`, 'tools: [constructor, Read]', `${'k'}${' '.repeat(20_000)}x`),
);
const bodyLine = fc.oneof(
  word.map(w => `${w}:`),
  word.map(w => `- **${w}** and \`owner: ${'word '.repeat(20)}!\``),
  fc.constantFrom('## Boundaries', '## Section-1', '- **no-such-role**', `\`note: a${' '.repeat(20_000)}b\``, 'Integration with other agents:'),
);
/** A role file: frontmatter lines, then body lines. */
const roleFile = fc
  .tuple(fc.array(line, { maxLength: 8 }), fc.array(bodyLine, { maxLength: 10 }))
  .map(([fm, body]) => ['---', ...fm, '---', '', '# Title', '', ...body, ''].join('\n'));
/** A file name of the library: long runs of one letter are what globs backtrack on. */
const fileStem = fc.oneof(fc.constantFrom('a'.repeat(32), 'a'.repeat(200), 'b', 'README', 'LIBRARY', 'draft-1'), fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/));

/** The generated library of a base: its configuration, the files, and the one checked. */
function libraryOf(base: Base, configText: string, files: Array<[string, string]>): WorkerLibrary {
  const { folder, config, extension } = LAYOUT[base];
  const all: Record<string, string> = { [config]: configText };
  for (const [stem, text] of files) all[`${folder}/${stem}${extension}`] = text;
  const checked = `${folder}/checked${extension}`;
  all[checked] ??= files[0]?.[1] ?? '';
  return { files: all, path: checked };
}

describe('custom formats: any configuration is read, and what is accepted compiles', () => {
  test('generated formats: no throw, each problem placed in the text and named invalid, each accepted format compiles', () => {
    fc.assert(
      fc.property(config, value => {
        const text = JSON.stringify(value);
        const result = parseConfigText('/ws/fleet-roles.json', text);
        if (result.ok) {
          compileFormat(resolveFormat(result.config.format));
          return;
        }
        for (const p of result.problems) {
          assert.match(p.message, /^Invalid (configuration|JSON)/);
          assert.doesNotMatch(p.message, /TypeError|undefined\.$/, p.message);
          assert.ok(p.range.start.line === 0 && p.range.end.character <= text.length, JSON.stringify(p.range));
        }
      }),
      params(400),
    );
  });

  test('the hostile format of the long-text suites is valid, and is the one the library takes', async () => {
    for (const base of BASES) {
      const { config, folder, extension } = LAYOUT[base];
      const library = underHostileFormat({ files: { [`${folder}/a${extension}`]: '# A\n' }, path: `${folder}/a${extension}` }, config, base);
      const result = parseConfigText(config, library.files[config]);
      assert.deepEqual(result.ok ? [] : result.problems.map(p => p.message), [], base);
      const lib = await checkLibrary(library.files);
      assert.equal(lib.workspace.libraries[0].format.name, 'hostile', base);
    }
    assert.equal(hostileFormat('fleet').extends, 'fleet');
  });
});

describe('custom formats: generated formats over hostile role files, each checked in a bounded worker', () => {
  test("every library answers within the bound, within the worker's memory, with well-formed diagnostics", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...BASES),
        config,
        fc.array(fc.tuple(fileStem, roleFile), { minLength: 1, maxLength: 4 }),
        async (base, value, files) => {
          const library = libraryOf(base, JSON.stringify({ ...value, format: { ...value.format, extends: base } }), files);
          const [[outcome]] = await checkInWorker([[{ text: library.files[library.path], limitMs: CHECK_MS, features: true }]], 1, library);
          assertAnswered(outcome, CHECK_MS);
        },
      ),
      params(40),
    );
  });

  test('the sample library under a hostile format, its seed file mutated by hostile lines', async () => {
    const library = underHostileFormat(sampleLibrary(), '/ws/roles/fleet-roles.json', 'fleet');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(line, bodyLine), { minLength: 1, maxLength: 12 }), async lines => {
        const seed = library.files[library.path];
        const text = seed.replace('## Boundaries', `${lines.join('\n')}\n\n## Boundaries`);
        const [[outcome]] = await checkInWorker([[{ text, limitMs: CHECK_MS, features: true }]], 1, library);
        assertAnswered(outcome, CHECK_MS);
      }),
      params(15),
    );
  });
});
