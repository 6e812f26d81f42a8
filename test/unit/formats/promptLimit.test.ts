import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Range } from 'vscode-languageserver-types';
import { checkLibrary } from '../../support/checkLibrary';
import { agentText } from './agentText';

/*
 * prompt-too-long with a cap small enough to count by hand: where the first
 * character past the cap is, in characters (a surrogate pair is one), and
 * what is reported when the cap falls at a line break.
 */

const PATH = '/ws/.claude/agents/helper.md';
const HEAD = '---\nname: helper\ndescription: Helps\n---\n';
/** The line of the body's first line in a file that starts with HEAD. */
const BODY = 4;

async function tooLong(text: string, characters = 10) {
  const config = JSON.stringify({ format: { extends: 'claude-code', promptLimit: { characters } } });
  const lib = await checkLibrary({ '/ws/fleet-roles.json': config, [PATH]: text });
  return lib.diagnostics(PATH).filter(d => d.code === 'prompt-too-long');
}

const ranges = async (text: string, characters?: number) => (await tooLong(text, characters)).map(d => d.range);
const at = (line: number, from: number, to: number): Range => ({ start: { line, character: from }, end: { line, character: to } });

describe('prompt-too-long, counted by hand', () => {
  test('reported from the first character past the cap to the end of its line, with the cap in the message', async () => {
    const [d] = await tooLong(`${HEAD}0123456789ABC\nmore`);
    assert.deepEqual(d.range, at(BODY, 10, 13));
    assert.equal(
      d.message,
      'The prompt is longer than 10 characters, the most the tool takes: it goes on past here. Shorten it, or move the detail into files the agent reads.',
    );
  });

  test('a prompt of exactly the cap is not reported; one character more is', async () => {
    assert.deepEqual(await ranges(`${HEAD}0123456789`), []);
    assert.deepEqual(await ranges(`${HEAD}0123456789A`), [at(BODY, 10, 11)]);
  });

  test('a character of one UTF-16 unit above the surrogates counts once, and so does the next', async () => {
    assert.deepEqual(await ranges(`${HEAD}${'\uFF58'.repeat(10)}X`), [at(BODY, 10, 11)]);
  });

  test('a character of two UTF-16 units counts once, whatever its surrogates', async () => {
    for (const character of ['\u{10000}', '😀', '\u{10FFFD}']) {
      assert.deepEqual(await ranges(`${HEAD}${character.repeat(10)}X`), [at(BODY, 20, 21)], character.codePointAt(0)!.toString(16));
    }
  });

  test('a cap that falls at a line break is reported at the first line past it that holds text', async () => {
    assert.deepEqual(await ranges(`${HEAD}0123456789\nmore`), [at(BODY + 1, 0, 4)]);
    assert.deepEqual(await ranges(`${HEAD}0123456789\n\n\nmore\n`), [at(BODY + 3, 0, 4)]);
  });

  test('only line breaks past the cap are not reported', async () => {
    assert.deepEqual(await ranges(`${HEAD}0123456789\n\n\n`), []);
  });

  test('a file that is all frontmatter has no prompt, whatever the cap', async () => {
    assert.deepEqual(await ranges(HEAD.slice(0, -1), 1), []);
    assert.deepEqual(await ranges(HEAD, 1), []);
  });

  test('an exception whose key the format does not declare never applies, and is named', async () => {
    const config = JSON.stringify({ format: { extends: 'claude-code', promptLimit: { characters: 10, unless: { key: 'tier', value: 'large' } } } });
    const lib = await checkLibrary({ '/ws/fleet-roles.json': config, [PATH]: `${HEAD}0123456789ABC` });
    assert.deepEqual(
      lib.diagnostics(PATH).map(d => d.message),
      [
        'The prompt is longer than 10 characters, the most the tool takes unless it declares `tier: large`: it goes on past here. Shorten it, or move the detail into files the agent reads.',
      ],
    );
  });

  test("a format's cap with an exception names it in the message", async () => {
    const body = Array.from({ length: 301 }, () => 'x'.repeat(99));
    const lib = await checkLibrary({ '/ws/.github/agents/helper.agent.md': agentText(['description: Helps'], body) });
    const [d] = lib.diagnostics('/ws/.github/agents/helper.agent.md').filter(x => x.code === 'prompt-too-long');
    assert.equal(
      d.message,
      'The prompt is longer than 30,000 characters, the most the tool takes unless it declares `target: vscode`: it goes on past here. Shorten it, or move the detail into files the agent reads.',
    );
  });
});
