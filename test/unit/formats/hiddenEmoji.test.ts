import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../../support/checkLibrary';
import { codes, rangeOf } from '../helpers';
import { subagent } from './agentText';

const PATH = '/ws/.claude/agents/planner.md';

async function hidden(body: string[]) {
  const text = subagent('planner', [], body);
  const lib = await checkLibrary({ [PATH]: text });
  return { text, lib, diagnostics: lib.diagnostics(PATH).filter(d => d.code === 'hidden-character') };
}

describe('hidden-character leaves what is meant alone', () => {
  test('emoji sequences: joiners, variation selectors, skin tones, the tags of a flag', async () => {
    const { diagnostics } = await hidden(['# 👨‍💻 Developer', '## 🏳️‍🌈 Pride, 👩🏽‍🔬 science, ❤️‍🔥 heat', '## 🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scotland', '## 👨‍👩‍👧‍👦 Family']);
    assert.deepEqual(diagnostics, []);
  });

  test('a joiner between letters of a script that writes with it', async () => {
    assert.deepEqual((await hidden(['میخواهم (Persian)', 'क्‍ष (Devanagari)'])).diagnostics, []);
  });

  test('what is not meant is still reported: a joiner between Latin letters, a joiner after an emoji before a letter, tags that spell hidden text', async () => {
    const { text, diagnostics } = await hidden(['pay\u200Dpal', '👨\u200Dx', 'ok\u{E0049}\u{E0047}\u{E004E} here']);
    assert.deepEqual(
      diagnostics.map(d => d.range),
      [rangeOf(text, '\u200D'), rangeOf(text, '\u200D', 1), rangeOf(text, '\u{E0049}\u{E0047}\u{E004E}')],
    );
    assert.match(diagnostics[2].message, /U\+E0049 \(tag character\)/);
  });

  test('a zero-width space before a fence inside a code example is deliberate: no diagnostic, so no fix that breaks the example', async () => {
    const { text, lib, diagnostics } = await hidden([
      '````markdown',
      'An example agent:',
      '',
      '\u200B```sh',
      'npm test',
      '\u200B```',
      '````',
      '',
      'Then \u200Bthis one is not.',
    ]);
    assert.deepEqual(
      diagnostics.map(d => d.range),
      [rangeOf(text, '\u200B', 2)],
    );
    assert.deepEqual(codes(lib.diagnostics(PATH)), ['hidden-character']);
    const actions = await lib.service.getCodeActions(PATH, diagnostics[0].range);
    assert.deepEqual(
      actions.map(a => a.title),
      ['Remove the hidden characters'],
    );
  });
});
