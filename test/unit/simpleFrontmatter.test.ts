import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSimpleFrontmatter } from '../../server/src/core/parse/simpleFrontmatter';
import { readYaml } from '../../server/src/core/parse/yamlFrontmatter';

/** Words YAML may read as something other than a string, beside ordinary ones. */
const WORDS = [
  'x-role',
  'operations',
  'true',
  'false',
  'null',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'nan',
  'inf',
  'True',
  'FALSE',
  'Null',
  '~',
  '1',
  '0x1f',
  '1e3',
  '.inf',
  '2024-01-01',
  'a:b',
  'a #b',
  '"q"',
  '!!str x',
  '<<',
  '-',
  // Sentences, as descriptions are written: commas, colons, hashes, quotes and brackets inside.
  'Reviews a change, then reports.',
  'Use it when: tests fail',
  'Use it when:',
  'C# and F#',
  "It's done",
  'say "hi" now',
  'a [b] {c}',
  'http://x.example/a',
  'Read, Grep, Agent(a, b)',
  '',
  ' ',
  'x\ty',
  'x\u00a0y',
  'Ünïcödé text',
  '@mention',
  '`code`',
  '%tag',
  '*alias',
  '&anchor',
  '|',
  '>',
  '? q',
  ': x',
  ', x',
  '[a]',
  '{a: 1}',
  'a: ',
  'end #',
  'x \u2028 y',
  'x\u0085y',
  'x\ufeffy',
];
const KEYS = [
  'class',
  'domain',
  'persistent_persona',
  'Class',
  'true',
  'null',
  'True',
  'NULL',
  'False',
  '__proto__',
  'constructor',
  'a-b',
  '_x',
  'x1',
  'argument-hint',
  'permissionMode',
];

const line = fc.oneof(
  fc
    .tuple(fc.constantFrom(...KEYS), fc.constantFrom(':', ': ', ':  ', ' : ', ':\t'), fc.constantFrom(...WORDS), fc.constantFrom('', ' ', '  ', '\t', ' # c'))
    .map(([key, colon, word, tail]) => `${key}${colon}${word}${tail}`),
  fc.constantFrom('', ' ', '# comment', '  nested: x', '- item'),
);

describe('frontmatter without the YAML parser', () => {
  test('whatever it reads, it reads as the YAML parser does, value for value and in order, a repeated key at the same line', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), lines => {
        const simple = parseSimpleFrontmatter(lines);
        if (!simple) return;
        read++;
        const parsed = readYaml(`${lines.join('\n')}\n`);
        if (!(simple instanceof Map)) {
          // The parser's error too, at the same line.
          assert.equal(parsed.problem?.kind, 'repeated-key');
          assert.equal(`${lines.join('\n')}\n`.slice(0, parsed.problem!.start).split('\n').length - 1, simple.repeated);
          return;
        }
        assert.equal(parsed.problem, undefined);
        assert.deepEqual([...simple], [...parsed.data]);
      }),
      { seed: 0xf2017, numRuns: 6000 },
    );
    assert.ok(read > 300, `only ${read} inputs were simple enough to compare`);
  });

  test('reads the usual declarations and one-line texts, and leaves anything else to the parser', () => {
    assert.deepEqual(
      [...(parseSimpleFrontmatter(['class: x-role', 'domain: operations', 'persistent_persona: false']) as Map<string, unknown>)],
      [
        ['class', 'x-role'],
        ['domain', 'operations'],
        ['persistent_persona', false],
      ],
    );
    assert.deepEqual(
      [...(parseSimpleFrontmatter(['name: reviewer', 'description: Reviews a change, then reports.', 'tools: Read, Grep']) as Map<string, unknown>)],
      [
        ['name', 'reviewer'],
        ['description', 'Reviews a change, then reports.'],
        ['tools', 'Read, Grep'],
      ],
    );
    assert.deepEqual(parseSimpleFrontmatter(['class: x-role', 'domain: x', 'class: y-role']), { repeated: 2 });
    for (const odd of [
      ['class: null'],
      ['True: x'],
      ['__proto__: x'],
      ['class: "x"'],
      ['class: x # c'],
      ['  class: x'],
      ['description: Use it when: tests fail'],
      ['description: first line', '  and the next'],
    ]) {
      assert.equal(parseSimpleFrontmatter(odd), undefined, odd.join('\\n'));
    }
  });
});
