import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverageOf } from '../../server/src/core/parse/spans';

test('coverageOf answers as a search over every span would, nested, overlapping, touching and empty spans included', () => {
  // Bold around a code span, a link around bold, two touching spans, an empty one, and one out of order.
  const spans = [
    { start: 40, end: 50 },
    { start: 0, end: 20 },
    { start: 5, end: 8 },
    { start: 18, end: 25 },
    { start: 25, end: 30 },
    { start: 35, end: 35 },
    { start: 60, end: 61 },
  ];
  const covered = coverageOf(spans);
  for (let offset = -1; offset <= 62; offset++) {
    assert.equal(
      covered(offset),
      spans.some(s => offset >= s.start && offset < s.end),
      `offset ${offset}`,
    );
  }
  assert.equal(coverageOf([])(0), false);
});
