import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkLibrary } from '../../support/checkLibrary';

/*
 * What a format's declarations report, per type, in a format of one's own
 * whose keys are one of each kind: the message a user reads for an empty
 * value, a value of the wrong type, a value near none of a list, and the
 * slug offered for a value a pattern refuses.
 */

const FORMAT = {
  name: 'Test',
  folders: ['agents'],
  identity: { key: 'name', matchFile: true },
  declarations: [
    { key: 'name', pattern: '^[a-z]+(-[a-z]+)*$' },
    { key: 'flag', type: 'boolean' },
    { key: 'count', type: 'number' },
    { key: 'items', type: 'list' },
    { key: 'slugs', type: 'list', pattern: '^[a-z]+$' },
    { key: 'color', values: ['red', 'green', 'blue'] },
    { key: 'size', values: ['small', 'large'], open: true },
    { key: 'code', pattern: '^[a-z]+(-[a-z]+)*$' },
    { key: 'label', pattern: '^.+$' },
    { key: 'note' },
  ],
};
const PATH = '/ws/agents/helper.md';

/** Code, severity and message of each diagnostic of a file named helper.md with these frontmatter lines. */
async function reported(frontmatter: string[]): Promise<string[]> {
  const lib = await checkLibrary({
    '/ws/fleet-roles.json': JSON.stringify({ format: FORMAT }),
    [PATH]: ['---', 'name: helper', ...frontmatter, '---', '', 'You help.', ''].join('\n'),
  });
  return lib.diagnostics(PATH).map(d => `${d.code} ${d.severity === DiagnosticSeverity.Hint ? 'hint' : 'error'}: ${d.message}`);
}

describe("a format's declarations, one of each kind", () => {
  test('values of the right kind are clean, and no key but the identity is compared with the file name', async () => {
    assert.deepEqual(
      await reported([
        'flag: true',
        'count: 3',
        'items: [a, b]',
        'slugs: [ab, cd]',
        'color: red',
        'size: small',
        'code: good-code',
        'label: anything',
        'note: a note',
      ]),
      [],
    );
  });

  test('empty values: a flag, a list, a list of patterned names, a value of a list, a patterned value, text', async () => {
    for (const empty of ['', " ''"]) {
      assert.deepEqual(await reported([`flag:${empty}`]), ['invalid-value error: flag is empty: the flag is true or false, unquoted.'], empty);
    }
    assert.deepEqual(await reported(['items:', 'slugs:']), []);
    assert.deepEqual(await reported(['color:']), ['unknown-value error: The color is empty: name one of the known values of color (red, green, blue).']);
    assert.deepEqual(await reported(['code:']), ['invalid-value error: The code is empty: a code is text matching ^[a-z]+(-[a-z]+)*$.']);
    for (const empty of ['', ' "  "']) {
      assert.deepEqual(await reported([`note:${empty}`]), ['invalid-value error: The note is empty: text is expected.'], empty);
    }
  });

  test('values of the wrong kind', async () => {
    assert.deepEqual(await reported(['count: abc']), ["invalid-value error: Invalid count 'abc': a number is expected."]);
    for (const list of ['[1, 2]', '[a, 1]']) {
      assert.deepEqual(await reported([`items: ${list}`]), [
        `invalid-value error: Invalid items '${list}': a list of names is expected, as \`items: a, b\` or a YAML list.`,
      ]);
    }
    assert.deepEqual(await reported(['slugs: [ok, Bad]']), ["invalid-value error: Invalid slugs 'Bad': a slugs is text matching ^[a-z]+$."]);
    assert.deepEqual(await reported(['note: 42']), ["invalid-value error: Invalid note '42': text is expected."]);
    assert.deepEqual(await reported(['label: 42']), ["invalid-value error: Invalid label '42': a label is text matching ^.+$."]);
  });

  test('a value near none of a closed list names the list; of an open list, it is a hint, unless it is no text', async () => {
    assert.deepEqual(await reported(['color: zzzzzz']), ["unknown-value error: Unknown color 'zzzzzz'. Known values of color: red, green, blue."]);
    assert.deepEqual(await reported(['size: zzzzzz']), [
      "unknown-value hint: 'zzzzzz' is not one of the values of size the Test format knows; if it is newer than this list, add it to the declaration's addValues in fleet-roles.json.",
    ]);
    assert.deepEqual(await reported(['size: 42']), ["unknown-value error: Unknown size '42'. Known values of size: small, large."]);
  });

  test('a value a pattern refuses is offered its slug, where the slug passes', async () => {
    const refused = (value: string, fix: string) => `invalid-value error: Invalid code '${value}': a code is text matching ^[a-z]+(-[a-z]+)*$.${fix}`;
    assert.deepEqual(await reported(['code: Foo Bar']), [refused('Foo Bar', " Use 'foo-bar'.")]);
    assert.deepEqual(await reported(['code: DataAnalyst']), [refused('DataAnalyst', " Use 'data-analyst'.")]);
    assert.deepEqual(await reported(['code: Data__Analyst']), [refused('Data__Analyst', " Use 'data-analyst'.")]);
    assert.deepEqual(await reported(['code: Foo Bar"']), [refused('Foo Bar"', " Use 'foo-bar'.")]);
    assert.deepEqual(await reported(['code: Foo Bar!']), [refused('Foo Bar!', '')]);
    assert.deepEqual(await reported(['code: Foo"Bar']), [refused('Foo"Bar', '')]);
    assert.deepEqual(await reported(['code: 42']), [refused('42', '')]);
  });
});
