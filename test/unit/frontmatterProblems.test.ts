/**
 * The parse says why a frontmatter was not read, as data; the check words it.
 * Each kind of problem, from the parse, and the message the check gives it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFrontmatter } from '../../server/src/core/parse/frontmatter';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { checkLibrary } from '../support/checkLibrary';
import { peers, roleText, single } from './helpers';

const PATH = '/ws/roles/x-role.md';
const BODY = roleText('x-role', { frontmatter: null });

const CASES = [
  {
    text: `---\nclass: x-role\n${BODY}`,
    kind: 'unclosed',
    message: "The frontmatter is not closed: add a line '---' after its last key.",
  },
  {
    text: `---toml\nclass = "x-role"\n---\n${BODY}`,
    kind: 'not-yaml',
    message: "Frontmatter in 'toml' is refused: a role file takes YAML frontmatter only, and nothing in it is run.",
  },
  {
    text: `\n    ---\n    class: x-role\n    ---\n${BODY}`,
    kind: 'indented',
    message: "The frontmatter is indented, so no tool reads it: start its '---' lines and its keys at the line's first column.",
  },
  {
    text: `---\n- x-role\n---\n${BODY}`,
    kind: 'not-a-mapping',
    message: 'The frontmatter must be a YAML mapping of keys to values.',
  },
  {
    text: `---\nclass: x-role\nclass: x-role\n---\n${BODY}`,
    kind: 'repeated-key',
    message: "Invalid YAML frontmatter: the key 'class' is repeated.",
  },
  {
    text: `---\nclass: [x-role\n---\n${BODY}`,
    kind: 'invalid-yaml',
    message: /^Invalid YAML frontmatter: .*[^.]\.$/,
  },
] as const;

describe('frontmatter problems: data from the parse, words from the check', () => {
  for (const { text, kind, message } of CASES) {
    test(kind, async () => {
      const problem = parseFrontmatter(new LineIndex(text))?.problem;
      assert.equal(problem?.kind, kind);
      assert.ok(!('message' in problem), 'the parse words nothing');
      const lib = await checkLibrary(peers({ [PATH]: text }));
      const d = single(lib.diagnostics(PATH), 'invalid-frontmatter');
      if (typeof message === 'string') assert.equal(d.message, message);
      else assert.match(d.message, message);
    });
  }
});
