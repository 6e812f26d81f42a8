import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Range } from 'vscode-languageserver-types';
import { checkLibrary } from '../../support/checkLibrary';
import { rangeOf } from '../helpers';
import { subagent } from './agentText';

/*
 * hidden-character at the edges: a file's first and last character, runs of
 * several characters, joiners beside characters of two kinds, the flag's
 * tags, the characters that guard a fence in a code example, and the cap on
 * how many are reported.
 */

const PATH = '/ws/.claude/agents/planner.md';

/** The hidden-character diagnostics of a file with exactly this text. */
async function hiddenIn(text: string) {
  const lib = await checkLibrary({ [PATH]: text });
  return lib.diagnostics(PATH).filter(d => d.code === 'hidden-character');
}

/** The ranges reported in a subagent whose body is these lines. */
async function rangesInBody(body: string[]): Promise<{ text: string; ranges: Range[] }> {
  const text = subagent('planner', [], body);
  return { text, ranges: (await hiddenIn(text)).map(d => d.range) };
}

const at = (line: number, from: number, to: number): Range => ({ start: { line, character: from }, end: { line, character: to } });

describe('hidden-character at the edges', () => {
  test("at the file's very start, a run of them is one report from offset 0; a byte-order mark alone there is not reported", async () => {
    assert.deepEqual(
      (await hiddenIn('\u200B\u200B# Planner\n')).map(d => d.range),
      [at(0, 0, 2)],
    );
    assert.deepEqual(
      (await hiddenIn('\u200D# Planner\n')).map(d => d.range),
      [at(0, 0, 1)],
    );
    assert.deepEqual(await hiddenIn('\uFEFF# Planner\n'), []);
    assert.deepEqual(
      (await hiddenIn('\uFEFF\u200B# Planner\n')).map(d => d.range),
      [at(0, 1, 2)],
    );
  });

  test("a joiner as the file's last character is reported: there is nothing after it to join", async () => {
    assert.deepEqual(
      (await hiddenIn('# Planner 👨\u200D')).map(d => d.range),
      [at(0, 12, 13)],
    );
  });

  test('a joiner after a lone low surrogate at the start of the text (an editor may send one) is reported, not a crash', async () => {
    assert.deepEqual(
      (await hiddenIn('\uDC00\u200Dx\n')).map(d => d.range),
      [at(0, 1, 2)],
    );
  });

  test('an emoji and a joiner at the start of the file are left alone', async () => {
    assert.deepEqual(await hiddenIn('😀\u200D😀 planner\n'), []);
  });

  test('a run of several characters is one report naming each once, bidirectional if any of them is', async () => {
    const lib = await checkLibrary({ [PATH]: subagent('planner', [], ['a\u200B\u200C\u200Bb', 'c\u200B\u202Ed']) });
    assert.deepEqual(
      lib
        .diagnostics(PATH)
        .filter(d => d.code === 'hidden-character')
        .map(d => d.message),
      [
        'Invisible character U+200B (zero width space), U+200C (zero width non-joiner): it hides text from a reviewer, not from the agent that reads the file. Remove it unless it is meant.',
        'Bidirectional control character U+200B (zero width space), U+202E (right-to-left override): it can make the text show in another order than the agent reads it. Remove it unless it is meant.',
      ],
    );
  });

  test('a joiner is meant between emoji, after a skin tone, and after an emoji whose low surrogate is U+DC00', async () => {
    assert.deepEqual((await rangesInBody(['👩🏿\u200D🔬 science', '🐀\u200D🐀 rats'])).ranges, []);
  });

  test('a non-joiner between letters of a joining script is meant; between emoji it is not', async () => {
    const { text, ranges } = await rangesInBody(['می\u200Cخواهم', '😀\u200C😀']);
    assert.deepEqual(ranges, [rangeOf(text, '\u200C', 1)]);
  });

  test('a joiner with a letter of a joining script on one side only is reported, whichever side', async () => {
    const { text, ranges } = await rangesInBody(['x\u200Dक', 'क\u200Dx']);
    assert.deepEqual(ranges, [rangeOf(text, '\u200D'), rangeOf(text, '\u200D', 1)]);
  });

  test("a flag's tags are meant only from the black flag to the cancel tag; anything else in the run is reported", async () => {
    const { text, ranges } = await rangesInBody(['🏴\u{E0000}\u{E007F} flag', '🏴\u{E0067}\u{E0062} no cancel tag', '🏴\u200B\u{E007F} a space in it']);
    assert.deepEqual(ranges, [rangeOf(text, '\u{E0067}\u{E0062}'), rangeOf(text, '\u200B')]);
  });

  test('only characters alone before a whole fence, inside a code block, guard it; others there are reported', async () => {
    const { text, ranges } = await rangesInBody([
      '````markdown',
      '  \u200B```sh',
      'text\u200B```',
      '\u200B`x',
      '\u200B~x',
      '\u200B~~~',
      '````',
      '',
      '\u200B```',
    ]);
    assert.deepEqual(ranges, [rangeOf(text, '\u200B', 1), rangeOf(text, '\u200B', 2), rangeOf(text, '\u200B', 3), rangeOf(text, '\u200B', 5)]);
  });

  test('past 100 reports, the rest of the file is not reported', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `line ${i} a\u200Bb`);
    const { text, ranges } = await rangesInBody(lines);
    assert.equal(ranges.length, 100);
    assert.deepEqual(ranges[99], rangeOf(text, '\u200B', 99));
  });
});
