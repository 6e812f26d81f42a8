import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lowerBound } from '../../server/src/core/util/lowerBound';

describe('lowerBound', () => {
  test('the ends: nothing, nothing below, everything below', () => {
    assert.equal(
      lowerBound([], () => true),
      0,
    );
    assert.equal(
      lowerBound([1, 2, 3], () => false),
      0,
    );
    assert.equal(
      lowerBound([1, 2, 3], () => true),
      3,
    );
  });

  test('the first index not below, among repeats: below a value, and at or before it', () => {
    const sorted = [0, 2, 2, 2, 5, 9];
    assert.equal(
      lowerBound(sorted, x => x < 2),
      1,
    );
    assert.equal(
      lowerBound(sorted, x => x <= 2),
      4,
    );
    assert.equal(
      lowerBound(sorted, x => x < 3),
      4,
    );
    assert.equal(
      lowerBound(sorted, x => x < 10),
      6,
    );
  });

  test('agrees with a scan from the start, on any sorted list and any value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }), fc.integer({ min: -60, max: 60 }), fc.boolean(), (items, value, strict) => {
        const sorted = [...items].sort((a, b) => a - b);
        const isBelow = strict ? (x: number) => x < value : (x: number) => x <= value;
        const scanned = sorted.findIndex(x => !isBelow(x));
        assert.equal(lowerBound(sorted, isBelow), scanned < 0 ? sorted.length : scanned);
      }),
      { seed: 21, numRuns: 2000 },
    );
  });
});
