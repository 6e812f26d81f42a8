import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSimpleFrontmatter } from '../../server/src/core/parse/simpleFrontmatter';
import { readYaml } from '../../server/src/core/parse/yamlFrontmatter';

/** Words YAML may read as something other than a string, beside ordinary ones. */
const WORDS = ['x-role', 'operations', 'true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', 'nan', 'inf', 'True', 'FALSE', 'Null', '~', '1', '0x1f', '1e3', '.inf', '2024-01-01', 'a:b', 'a #b', '"q"', '!!str x', '<<', '-'];
const KEYS = ['class', 'domain', 'persistent_persona', 'Class', 'true', 'null', 'True', '__proto__', 'constructor', 'a-b', '_x', 'x1'];

const line = fc.oneof(
  fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(':', ': ', ':  ', ' : ', ':\t'), fc.constantFrom(...WORDS), fc.constantFrom('', ' ', '  ', '\t', ' # c'))
    .map(([key, colon, word, tail]) => `${key}${colon}${word}${tail}`),
  fc.constantFrom('', ' ', '# comment', '  nested: x', '- item'),
);

describe('frontmatter without the YAML parser', () => {
  test('whatever it reads, it reads as the YAML parser does, value for value and in order', () => {
    let read = 0;
    fc.assert(fc.property(fc.array(line, { maxLength: 6 }), lines => {
      const simple = parseSimpleFrontmatter(lines);
      if (!simple) return;
      read++;
      const parsed = readYaml(`${lines.join('\n')}\n`);
      assert.equal(parsed.problem, undefined);
      assert.deepEqual([...simple], [...parsed.data]);
    }), { numRuns: 3000 });
    assert.ok(read > 300, `only ${read} inputs were simple enough to compare`);
  });

  test('reads the usual declarations, and leaves anything else to the parser', () => {
    assert.deepEqual([...parseSimpleFrontmatter(['class: x-role', 'domain: operations', 'persistent_persona: false'])!],
      [['class', 'x-role'], ['domain', 'operations'], ['persistent_persona', false]]);
    for (const odd of [['class: x-role', 'class: y-role'], ['class: null'], ['Class: x'], ['__proto__: x'], ['class: "x"'], ['class: x # c'], ['  class: x']]) {
      assert.equal(parseSimpleFrontmatter(odd), undefined, odd.join('\\n'));
    }
  });
});
