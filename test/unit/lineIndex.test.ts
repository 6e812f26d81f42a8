import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core/text/lineIndex';

/*
 * Offsets and LSP positions over each kind of line break, at the edges a
 * whole role file rarely reaches: empty lines, the last line, positions
 * before the start, past a line's end or past the text.
 */

const TEXTS = {
  lf: 'ab\n\ncd\n',
  crlf: 'ab\r\n\r\ncd\r\n',
  cr: 'ab\r\rcd\r',
  mixed: 'ab\r\n\ncd\r',
};

describe('LineIndex', () => {
  test('the same lines whatever the breaks', () => {
    for (const [name, text] of Object.entries(TEXTS)) {
      const index = new LineIndex(text);
      assert.equal(index.lineCount, 4, name);
      assert.deepEqual(
        [0, 1, 2, 3].map(line => index.lineText(line)),
        ['ab', '', 'cd', ''],
        name,
      );
    }
  });

  test('line starts and ends, in offsets', () => {
    const index = new LineIndex(TEXTS.mixed);
    assert.deepEqual(index.lineStarts, [0, 4, 5, 8]);
    assert.deepEqual(
      [0, 1, 2, 3].map(line => index.lineEnd(line)),
      [2, 4, 7, 8],
    );
    assert.deepEqual(new LineIndex('\n\n').lineStarts, [0, 1, 2]);
    assert.equal(new LineIndex('\n').lineEnd(0), 0);
    assert.equal(new LineIndex('\r\n').lineEnd(0), 0);
    assert.equal(new LineIndex('x').lineEnd(0), 1);
    assert.equal(new LineIndex('').lineCount, 1);
    assert.deepEqual(new LineIndex('\ra').lineStarts, [0, 1], 'a text that starts with \r');
  });

  test('positionAt: the line break belongs to its line, and out-of-range offsets are clamped', () => {
    const index = new LineIndex(TEXTS.crlf);
    const at = (offset: number) => index.positionAt(offset);
    assert.deepEqual(at(0), { line: 0, character: 0 });
    assert.deepEqual(at(2), { line: 0, character: 2 });
    assert.deepEqual(at(3), { line: 0, character: 2 }, 'between \\r and \\n');
    assert.deepEqual(at(4), { line: 1, character: 0 });
    assert.deepEqual(at(6), { line: 2, character: 0 });
    assert.deepEqual(at(7), { line: 2, character: 1 });
    assert.deepEqual(at(10), { line: 3, character: 0 });
    assert.deepEqual(at(-5), { line: 0, character: 0 });
    assert.deepEqual(at(99), { line: 3, character: 0 });
  });

  test('lineAt finds the line of each offset, first and last lines included', () => {
    const index = new LineIndex('a\nbb\nccc\nd');
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 8, 9, 10].map(offset => index.lineAt(offset)),
      [0, 0, 1, 1, 1, 2, 2, 3, 3],
    );
  });

  test('offsetAt: a column past the line ends at its end; lines before and after the text clamp', () => {
    const index = new LineIndex(TEXTS.lf);
    assert.equal(index.offsetAt({ line: 0, character: 1 }), 1);
    assert.equal(index.offsetAt({ line: 0, character: 9 }), 2);
    assert.equal(index.offsetAt({ line: 2, character: -3 }), 4);
    assert.equal(index.offsetAt({ line: 2, character: 2 }), 6);
    assert.equal(index.offsetAt({ line: 3, character: 0 }), 7);
    assert.equal(index.offsetAt({ line: 4, character: 0 }), 7);
    assert.equal(index.offsetAt({ line: -1, character: 5 }), 0);
  });

  test('range and lineRange', () => {
    const index = new LineIndex('ab\r\ncd');
    assert.deepEqual(index.range(1, 5), { start: { line: 0, character: 1 }, end: { line: 1, character: 1 } });
    assert.deepEqual(index.lineRange(0), { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
    assert.deepEqual(index.lineRange(1), { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
  });
});
