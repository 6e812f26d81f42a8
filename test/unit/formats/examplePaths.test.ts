import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isExamplePath } from '../../../server/src/core/diagnostics/examplePaths';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { checkLibrary } from '../../support/checkLibrary';
import { codes, single } from '../helpers';
import { agentText } from './agentText';

/** Whether the path written as PATH in these lines is taken for an example. */
function example(lines: string[]): boolean {
  const text = lines.join('\n');
  return isExamplePath(new LineIndex(text), text.indexOf('PATH'));
}

/** A paragraph of n unbroken lines of prose. */
const prose = (n: number, word = 'text') => Array.from({ length: n }, () => word);
/** n list items. */
const items = (n: number) => Array.from({ length: n }, (_, i) => `- item ${i}`);

describe("a skill's path in the text: is it an example?", () => {
  test('a cue anywhere in the same paragraph, above or below, makes it one; past a blank line it does not', () => {
    assert.equal(example(['For example, a skill', 'keeps PATH here.']), true);
    assert.equal(example(['A skill keeps PATH', 'for instance.']), true);
    assert.equal(example(['For example, one.', '', 'Keeps PATH.']), false);
    assert.equal(example(['Keeps PATH.', '', 'For example, one.']), false);
    assert.equal(example(['Keeps PATH.']), false);
    assert.equal(example(['PATH, e.g.']), true);
  });

  test('the paragraph is read 64 lines up and down, no further', () => {
    assert.equal(example(['Examples:', ...prose(63), 'PATH']), true);
    assert.equal(example(['Examples:', ...prose(64), 'PATH']), false);
    assert.equal(example(['PATH', ...prose(63), 'e.g.']), true);
    assert.equal(example(['PATH', ...prose(64), 'e.g.']), false);
  });

  test('a list item: its own line, or the paragraph that leads into its list, across blank lines and indented continuations', () => {
    assert.equal(example(['- PATH, e.g.']), true);
    assert.equal(example(['Examples:', '- one', '- PATH']), true);
    assert.equal(example(['Examples:', '', '- one', '', '- PATH']), true);
    assert.equal(example(['Examples:', '- one', '  continued', '- PATH']), true);
    assert.equal(example(['Examples:', '', '9. one', '10. PATH']), true);
    assert.equal(example(['Examples:', '', '   - PATH']), true);
    assert.equal(example(['Files:', '- one', '- PATH']), false);
    assert.equal(example(['For example.', '', 'Files:', '', '- PATH']), false);
    assert.equal(example(['- one', '- PATH']), false);
  });

  test('the lead-in is looked for 64 lines up the list, no further', () => {
    assert.equal(example(['Examples:', ...items(63), '- PATH']), true);
    assert.equal(example(['Examples:', ...items(64), '- PATH']), false);
  });

  test('a line that is no list item is read as a paragraph, not as an item under a lead-in', () => {
    assert.equal(example(['Examples:', '', 'A PATH']), false);
    assert.equal(example(['Examples:', '', 'Intro - PATH']), false);
    assert.equal(example(['Examples:', '', 'ab- PATH']), false);
    assert.equal(example(['Examples:', '', '    - PATH']), false);
  });
});

describe("a skill's paths that are no examples", () => {
  const SKILL = '/ws/.agents/skills/pdf-tools';
  const check = async (body: string[]) => {
    const text = agentText(['name: pdf-tools', 'description: Extracts tables from PDF files.'], body);
    return (await checkLibrary({ [`${SKILL}/SKILL.md`]: text })).diagnostics(`${SKILL}/SKILL.md`);
  };

  test('a link is a link even where the text gives examples', async () => {
    assert.deepEqual(codes(await check(['For example, see [forms](references/forms.md).'])), ['broken-link']);
  });

  test('a code span that is a command naming a path, or a path that climbs back out, is not read as a file', async () => {
    assert.deepEqual(codes(await check(['Run `cat references/x.md` and keep `assets/x/..` as it is.'])), []);
  });

  test('link-leaves-skill says what to do', async () => {
    const d = single(await check(['Follow [the style](../style.md).']), 'link-leaves-skill');
    assert.equal(d.message, "'../style.md' leads out of the skill's folder: a skill is installed as its folder alone, so keep the file inside it.");
  });

  test('a metadata value that is an empty map is told to give it a key of its own', async () => {
    const text = agentText(['name: pdf-tools', 'description: Extracts tables.', 'metadata:', '  owner: {}'], ['Body.']);
    const lib = await checkLibrary({ [`${SKILL}/SKILL.md`]: text });
    assert.match(single(lib.diagnostics(`${SKILL}/SKILL.md`), 'invalid-value').message, /\(`owner-part: text`\)/);
  });
});
