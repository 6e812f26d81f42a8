import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { basename, childPath, dirname, isWithin, joinPath, normalizePath, relativePath, resolvePath } from '../../server/src/core/util/paths';
import { boundedEditDistance, closestMatches, suggestionBudget } from '../../server/src/core/util/editDistance';
import { counted } from '../../server/src/core/util/counted';
import { namedSample, NAMED_IN_FULL } from '../../server/src/core/util/namedSample';
import { describeReadFailure, mebibytes, OUTSIDE_CODE } from '../../server/src/core/util/readFailure';
import { isDocumentName, isSlug, stemOf } from '../../server/src/core/util/slug';
import { SortedStrings } from '../../server/src/core/util/sortedStrings';
import { StringMultiMap } from '../../server/src/core/util/stringMultiMap';
import { NameTrie } from '../../server/src/core/util/nameTrie';
import { CancelledError, NEVER_CANCELLED, throwIfCancelled, yieldToEventLoop } from '../../server/src/core/util/cancellation';

/*
 * The core's small helpers, each at its edges: the cases the features
 * reach only now and then (a root path, a key whose last value goes, a
 * distance exactly at the budget), where a one-character slip would pass
 * every test that goes through a whole library.
 */

describe('paths', () => {
  test('joinPath and childPath: one slash between, dots resolved', () => {
    assert.equal(joinPath('/lib', 'a.md'), '/lib/a.md');
    assert.equal(joinPath('/lib/', 'a.md'), '/lib/a.md');
    assert.equal(joinPath('/lib/x', '../a.md'), '/lib/a.md');
    assert.equal(childPath('/lib', 'a.md'), '/lib/a.md');
    assert.equal(childPath('/', 'a.md'), '/a.md');
    for (const odd of ['', '.', '..', 'x/../y']) assert.equal(childPath('/lib/sub', odd), joinPath('/lib/sub', odd), odd);
  });

  test('dirname and basename, at the root too', () => {
    assert.equal(dirname('/lib/a.md'), '/lib');
    assert.equal(dirname('/a.md'), '/');
    assert.equal(dirname('a.md'), '/');
    assert.equal(basename('/lib/a.md'), 'a.md');
    assert.equal(basename('a.md'), 'a.md');
  });

  test('isWithin: the folder itself and what lies below, not a sibling that shares its prefix', () => {
    assert.equal(isWithin('/lib', '/lib'), true);
    assert.equal(isWithin('/lib/a.md', '/lib'), true);
    assert.equal(isWithin('/lib/a.md', '/lib/'), true);
    assert.equal(isWithin('/library/a.md', '/lib'), false);
    assert.equal(isWithin('/li', '/lib'), false);
  });

  test('relativePath climbs with .. and names the same folder "."', () => {
    assert.equal(relativePath('/lib/roles', '/lib/roles/a.md'), 'a.md');
    assert.equal(relativePath('/lib/roles', '/lib/docs/a.md'), '../docs/a.md');
    assert.equal(relativePath('/lib/roles/x', '/other'), '../../../other');
    assert.equal(relativePath('/lib', '/lib'), '.');
    assert.equal(relativePath('/lib/roles', '/lib'), '..');
  });

  test('normalizePath: dots, doubled slashes, .. at the root, drive letters', () => {
    assert.equal(normalizePath('/a//b/./c/../d'), '/a/b/d');
    assert.equal(normalizePath('/../a'), '/a');
    assert.equal(normalizePath('/'), '/');
    assert.equal(normalizePath('C:/x/../y'), 'C:/y');
    assert.equal(normalizePath('/CC:/y'), '/CC:/y');
    assert.equal(normalizePath('/1:/y'), '/1:/y');
    assert.equal(normalizePath('/C:x/y'), '/C:x/y');
  });

  test('resolvePath: absolute stays, relative joins the base', () => {
    assert.equal(resolvePath('/lib', '/etc/../x'), '/x');
    assert.equal(resolvePath('/lib', 'roles/./a.md'), '/lib/roles/a.md');
    assert.equal(resolvePath('/lib', '../a.md'), '/a.md');
  });
});

describe('edit distance and suggestions', () => {
  test('the distance of each kind of edit, and a swap of neighbours as one', () => {
    // First in this file, so that it meets the reused rows at their first size: a word of exactly that length.
    const sixtyFour = 'x'.repeat(64);
    assert.equal(boundedEditDistance(sixtyFour, `${sixtyFour.slice(1)}y`, 1), 1);
    assert.equal(boundedEditDistance('review', 'review', 3), 0);
    assert.equal(boundedEditDistance('review', 'reviews', 3), 1);
    assert.equal(boundedEditDistance('review', 'rview', 3), 1);
    assert.equal(boundedEditDistance('review', 'reviaw', 3), 1);
    assert.equal(boundedEditDistance('review', 'rveiew', 3), 1);
    assert.equal(boundedEditDistance('ab', 'ba', 3), 1);
    assert.equal(boundedEditDistance('abc', 'ca', 3), 3);
    assert.equal(boundedEditDistance('kitten', 'sitting', 5), 3);
    assert.equal(boundedEditDistance('', 'abc', 3), 3);
    assert.equal(boundedEditDistance('abc', '', 3), 3);
  });

  test('past the bound: exactly max + 1, whether the lengths or the rows tell', () => {
    assert.equal(boundedEditDistance('a', 'abcde', 2), 3);
    assert.equal(boundedEditDistance('abcd', 'wxyz', 2), 3);
    assert.equal(boundedEditDistance('abcd', 'abxy', 2), 2);
    assert.equal(boundedEditDistance('abcd', 'axyz', 2), 3);
  });

  test('long words after short ones: the reused rows grow', () => {
    const long = 'x'.repeat(100);
    assert.equal(boundedEditDistance(long, `${long.slice(1)}y`, 3), 1);
    assert.equal(boundedEditDistance(long, `y${long.slice(2)}y`, 3), 2);
    assert.equal(boundedEditDistance('ab', 'ac', 1), 1);
    assert.equal(boundedEditDistance(`${long}a`, `${long}b`, 1), 1);
  });

  test('the budget: one edit up to seven letters, a quarter after, three at most', () => {
    assert.deepEqual(
      ['', 'abc', 'abcdefg', 'abcdefgh', 'abcdefghijkl', 'x'.repeat(15), 'x'.repeat(16), 'x'.repeat(40)].map(suggestionBudget),
      [1, 1, 1, 2, 3, 3, 3, 3],
    );
  });

  test('closestMatches: within budget, best first, ties by name, the word itself left out, a limit', () => {
    const roles = ['reviewer', 'reviewers', 'reveiwer', 'previewer', 'writer', 'Reviewer'];
    assert.deepEqual(closestMatches('reviewer', roles), ['Reviewer', 'previewer', 'reveiwer']);
    assert.deepEqual(closestMatches('reviewer', roles, 5), ['Reviewer', 'previewer', 'reveiwer', 'reviewers']);
    assert.deepEqual(closestMatches('REVIEWER', ['reviewer']), ['reviewer']);
    assert.deepEqual(closestMatches('abcdefgh', ['abcdefxy', 'abcdexyz']), ['abcdefxy']);
    assert.deepEqual(closestMatches('b', ['c', 'a']), ['a', 'c']);
    assert.deepEqual(closestMatches('x', []), []);
  });
});

describe('words for messages', () => {
  test('counted', () => {
    assert.equal(counted(0, 'file'), '0 files');
    assert.equal(counted(1, 'file'), '1 file');
    assert.equal(counted(2, 'library', 'libraries'), '2 libraries');
  });

  test('namedSample: a list of up to the limit whole, a longer one cut with how many more', () => {
    const names = Array.from({ length: NAMED_IN_FULL + 1 }, (_, i) => `n${i}`);
    assert.equal(namedSample(names.slice(0, NAMED_IN_FULL)), names.slice(0, NAMED_IN_FULL).join(', '));
    assert.equal(namedSample(names), `${names.slice(0, NAMED_IN_FULL).join(', ')}, … (1 more)`);
    assert.equal(namedSample(['a', 'b', 'c'], 2), 'a, b, … (1 more)');
    assert.equal(namedSample(['a', 'b'], 2), 'a, b');
  });

  test('describeReadFailure gives each code in words, and the message otherwise', () => {
    const words = (code: string, extra: object = {}) => describeReadFailure({ code, ...extra }, 4 * 1024 * 1024);
    assert.equal(words('EACCES'), 'permission denied');
    assert.equal(words('EPERM'), 'permission denied');
    assert.equal(words('EISDIR'), 'it is a folder, not a file');
    assert.equal(words('ENOTFILE'), 'it is not a regular file');
    assert.equal(words('ENOENT'), 'no such file or directory');
    assert.equal(words('ELOOP'), 'its symbolic links form a loop');
    assert.equal(words('EEXIST'), 'a file or a link of that name exists already');
    assert.equal(words('ENAMETOOLONG'), 'the name is too long for the file system');
    assert.equal(words('EROFS'), 'the file system is read-only');
    assert.equal(words('ENOSPC'), 'no space is left on the device');
    assert.equal(words(OUTSIDE_CODE), 'it leads outside the workspace through a symbolic link, and is not read');
    assert.equal(words('EFBIG'), 'it is over the limit of 4.0 MiB');
    assert.equal(words('EFBIG', { size: 5 * 1024 * 1024 + 1 }), 'it is 5.0 MiB, over the limit of 4.0 MiB');
    assert.equal(words('EIO', { message: 'i/o error' }), 'i/o error');
    assert.equal(describeReadFailure('plain', 1), 'plain');
    assert.equal(mebibytes(1536 * 1024), '1.5 MiB');
  });
});

describe('names and file names', () => {
  test('isSlug', () => {
    for (const good of ['a', 'code-reviewer', 'a1-b2']) assert.equal(isSlug(good), true, good);
    for (const bad of ['', '1a', 'A', 'a-', '-a', 'a--b', 'a_b', ' a', 'a b']) assert.equal(isSlug(bad), false, bad);
  });

  test('isDocumentName: upper case with at least one letter', () => {
    for (const doc of ['README', 'LIBRARY', 'CHANGE-LOG2']) assert.equal(isDocumentName(doc), true, doc);
    for (const role of ['readme', 'Readme', '2024', '-']) assert.equal(isDocumentName(role), false, role);
  });

  test("stemOf: the format's extension in any case, else .md, else the whole name", () => {
    assert.equal(stemOf('/a/b/reviewer.md'), 'reviewer');
    assert.equal(stemOf('/a/b/reviewer.MD'), 'reviewer');
    assert.equal(stemOf('/a/feature-builder.agent.md', '.agent.md'), 'feature-builder');
    assert.equal(stemOf('/a/feature-builder.AGENT.md', '.agent.md'), 'feature-builder');
    assert.equal(stemOf('/a/plain.md', '.agent.md'), 'plain');
    assert.equal(stemOf('/a/notes.txt'), 'notes.txt');
    assert.equal(stemOf('bare.md'), 'bare');
  });
});

describe('collections', () => {
  test('SortedStrings keeps code-unit order through adds and deletes after the first read', () => {
    const set = new SortedStrings();
    for (const v of ['m', 'b', 'x', 'b']) set.add(v);
    assert.deepEqual(set.sorted(), ['b', 'm', 'x']);
    set.add('a');
    set.add('n');
    set.add('m');
    set.add('Z');
    assert.deepEqual(set.sorted(), ['Z', 'a', 'b', 'm', 'n', 'x']);
    set.delete('m');
    set.delete('q');
    set.delete('Z');
    assert.deepEqual(set.sorted(), ['a', 'b', 'n', 'x']);
    const unread = new SortedStrings();
    unread.add('b');
    unread.add('a');
    unread.delete('b');
    unread.delete('c');
    assert.deepEqual(unread.sorted(), ['a']);
  });

  test('StringMultiMap: one value, then several in order, then back to one, then none', () => {
    const map = new StringMultiMap();
    assert.deepEqual([...map.get('k')], []);
    assert.equal(map.has('k'), false);
    map.add('k', 'a');
    map.add('k', 'a');
    assert.deepEqual([...map.get('k')], ['a']);
    map.add('k', 'b');
    map.add('k', 'c');
    map.add('k', 'b');
    assert.deepEqual([...map.get('k')], ['a', 'b', 'c']);
    map.delete('k', 'b');
    assert.deepEqual([...map.get('k')], ['a', 'c']);
    map.delete('k', 'a');
    assert.deepEqual([...map.get('k')], ['c']);
    map.add('k', 'd');
    assert.deepEqual([...map.get('k')], ['c', 'd']);
    map.delete('k', 'd');
    map.delete('k', 'x');
    assert.deepEqual([...map.get('k')], ['c']);
    assert.deepEqual([...map.keys()], ['k']);
    map.delete('k', 'c');
    assert.equal(map.has('k'), false);
    map.delete('gone', 'x');
    assert.deepEqual([...map.keys()], []);
  });

  test('NameTrie: nodes in depth-first order, subtree ends, terminals, the empty string', () => {
    const trie = new NameTrie(['', 'ab', 'abc', 'abd', 'b']);
    assert.equal(trie.hasEmpty, true);
    assert.equal(trie.longest, 3);
    assert.equal(trie.size, 5);
    assert.equal(String.fromCharCode(...trie.chars), 'abcdb');
    assert.deepEqual([...trie.depths], [1, 2, 3, 3, 1]);
    assert.deepEqual([...trie.ends], [4, 4, 3, 4, 5]);
    assert.deepEqual([...trie.terminals], [-1, 1, 2, 3, 4]);
    assert.equal(String.fromCharCode(...new NameTrie(['Sa', 'Sb']).chars), 'Sab', 'the first name shares nothing');
    const plain = new NameTrie(['x']);
    assert.equal(plain.hasEmpty, false);
    assert.equal(new NameTrie([]).size, 0);
  });
});

describe('cancellation', () => {
  test('throwIfCancelled throws a CancelledError only once cancellation is asked', async () => {
    assert.doesNotThrow(() => throwIfCancelled(NEVER_CANCELLED));
    assert.throws(
      () => throwIfCancelled({ isCancellationRequested: true }),
      (e: unknown) => e instanceof CancelledError && e.message === 'cancelled',
    );
    let later = false;
    setImmediate(() => {
      later = true;
    });
    await yieldToEventLoop();
    assert.equal(later, true, 'other work ran before the yield returned');
  });
});
