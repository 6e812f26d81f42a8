import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SuggestionIndex } from '../../server/src/core/library/suggestionIndex';
import { closestMatches } from '../../server/src/core/util/editDistance';

/** Names over a small alphabet, so that near misses, shared bigrams and ties are common. */
const name = fc.stringMatching(/^[abcA-][abc-]{0,17}$/);

describe('did-you-mean index', () => {
  test('answers exactly what a scan of every name answers, through adds, removes and exclusions', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { maxLength: 60 }),
        fc.array(name, { maxLength: 20 }),
        fc.array(name, { maxLength: 20 }),
        fc.array(name, { maxLength: 90 }),
        fc.integer({ min: 1, max: 3 }),
        (names, removed, words, later, limit) => {
          const index = new SuggestionIndex();
          const live = new Set<string>();
          const same = (label: string) => {
            for (const word of [...words, ...names, ...later]) {
              assert.deepEqual(index.closest(word, limit), closestMatches(word, live, limit), `${label}: ${word}`);
              const exclude = names[word.length % Math.max(1, names.length)];
              assert.deepEqual(
                index.closest(word, limit, exclude),
                closestMatches(
                  word,
                  [...live].filter(n => n !== exclude),
                  limit,
                ),
                `${label}: ${word} without ${exclude}`,
              );
            }
          };
          for (const n of names) {
            index.add(n);
            live.add(n);
          }
          same('after the adds');
          for (const n of removed) {
            index.remove(n);
            live.delete(n);
          }
          same('after the removes');
          // Names that come after the first answers, some of them back after a remove, up to past a rebuild.
          for (const n of [...removed.slice(0, 5), ...later]) {
            index.add(n);
            live.add(n);
          }
          same('after later adds');
        },
      ),
      { seed: 0x5a9e, numRuns: 300 },
    );
  });

  test('finds near misses of long names with transpositions, and forgets a removed name', () => {
    const index = new SuggestionIndex();
    for (const n of ['senior-payments-analyst', 'junior-payments-analyst', 'chief-data-officer', 'qa', 'Hr-Lead']) index.add(n);
    assert.deepEqual(index.closest('senoir-paymnets-analsyt', 3), ['senior-payments-analyst']);
    assert.deepEqual(index.closest('hr-lead', 3), ['Hr-Lead']);
    assert.deepEqual(index.closest('q', 3), ['qa']);
    index.remove('senior-payments-analyst');
    assert.deepEqual(index.closest('senior-payments-analys', 3), ['junior-payments-analyst']);
  });
});
