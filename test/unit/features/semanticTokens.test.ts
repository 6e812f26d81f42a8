import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SEMANTIC_TOKENS_LEGEND } from '../../../server/src/core';
import { loadService } from '../../support/loadService';
import { sampleLibrary, SEED_PATH } from '../../support/seed';
import { rangeOf } from '../helpers';

/** The tokens decoded from LSP's relative encoding: [line, character, length, modifiers]. */
function decode(data: number[]): number[][] {
  const tokens: number[][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    tokens.push([line, character, data[i + 2], data[i + 4]]);
  }
  return tokens;
}

describe('semantic tokens', () => {
  test('one role token per reference, bold or link; an unknown one carries the unknown modifier', async () => {
    assert.deepEqual(SEMANTIC_TOKENS_LEGEND, { tokenTypes: ['role'], tokenModifiers: ['unknown'] });
    const text = `${sampleLibrary()[SEED_PATH].replace('**hr-generalist**', '**hr-ghost**')}\nSee [the project manager](./project-manager.md).\n`;
    const { service } = await loadService({ ...sampleLibrary(), [SEED_PATH]: text });
    const token = (needle: string, occurrence: number, unknown: boolean) => {
      const { start, end } = rangeOf(text, needle, occurrence);
      return [start.line, start.character, end.character - start.character, unknown ? 1 : 0];
    };
    // **persistent** names no role outside Boundaries: emphasis, no token.
    assert.deepEqual(decode(service.getSemanticTokens(SEED_PATH).data), [
      token('operations-manager', 0, false),
      token('project-manager', 0, false),
      token('business-analyst', 0, false),
      token('hr-ghost', 0, true),
      token('project-manager', 1, false),
    ]);
  });

  test('an unknown file has none', async () => {
    const { service } = await loadService(sampleLibrary());
    assert.deepEqual(service.getSemanticTokens('/ws/roles/nowhere.md'), { data: [] });
  });
});
