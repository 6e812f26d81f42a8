import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../../support/checkLibrary';
import { rangeOf } from '../helpers';
import { subagent } from './agentText';

const PATH = '/ws/.claude/agents/planner.md';

/** Every code point the check names, written out here rather than read from the check, with whether it reorders text. */
const CHARACTERS: ReadonlyArray<[code: number, name: string, bidi: boolean]> = [
  [0x00ad, 'soft hyphen', false],
  [0x061c, 'Arabic letter mark', true],
  [0x180e, 'Mongolian vowel separator', false],
  [0x200b, 'zero width space', false],
  [0x200c, 'zero width non-joiner', false],
  [0x200d, 'zero width joiner', false],
  [0x200e, 'left-to-right mark', true],
  [0x200f, 'right-to-left mark', true],
  [0x202a, 'left-to-right embedding', true],
  [0x202b, 'right-to-left embedding', true],
  [0x202c, 'pop directional formatting', true],
  [0x202d, 'left-to-right override', true],
  [0x202e, 'right-to-left override', true],
  [0x2060, 'word joiner', false],
  [0x2061, 'function application', false],
  [0x2062, 'invisible times', false],
  [0x2063, 'invisible separator', false],
  [0x2064, 'invisible plus', false],
  [0x2066, 'left-to-right isolate', true],
  [0x2067, 'right-to-left isolate', true],
  [0x2068, 'first strong isolate', true],
  [0x2069, 'pop directional isolate', true],
  [0xfeff, 'zero width no-break space', false],
  [0xe0000, 'tag character', false],
  [0xe007f, 'tag character', false],
];

function expectedMessage(code: number, name: string, bidi: boolean): string {
  const named = `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${name})`;
  return bidi
    ? `Bidirectional control character ${named}: it can make the text show in another order than the agent reads it. Remove it unless it is meant.`
    : `Invisible character ${named}: it hides text from a reviewer, not from the agent that reads the file. Remove it unless it is meant.`;
}

describe('hidden-character: every invisible or bidirectional control character', () => {
  test('the 23 named code points and the ends of the tag range, each between Latin letters, are each reported at their place and by name', async () => {
    assert.equal(CHARACTERS.length, 25);
    const lines = CHARACTERS.map(([code], i) => `line${i} pay${String.fromCodePoint(code)}pal`);
    const text = subagent('planner', [], lines);
    const lib = await checkLibrary({ [PATH]: text });
    const diagnostics = lib.diagnostics(PATH).filter(d => d.code === 'hidden-character');
    assert.deepEqual(
      diagnostics.map(d => d.range),
      CHARACTERS.map(([code]) => rangeOf(text, String.fromCodePoint(code))),
    );
    assert.deepEqual(
      diagnostics.map(d => d.message),
      CHARACTERS.map(c => expectedMessage(...c)),
    );
  });
});
