import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_ROLE_FILE_BYTES, type RoleFileSystem } from '../../server/src/core/library/fileSystem';
import { readBuffer, readRoleText } from '../../server/src/core/workspace/readRoleText';

/*
 * What is read of a role file and of an open editor's buffer: the 4 MiB
 * limit exactly at its edge, in UTF-8 bytes whatever the characters, and
 * each way a read can fail.
 */

const MAX = MAX_ROLE_FILE_BYTES;
const OVER_WITH_SIZE = (bytes: number) => `The file is ${(bytes / 1024 / 1024).toFixed(1)} MiB, over the 4 MiB a role file may have: it was not read.`;
const OVER = 'The file is over the 4 MiB a role file may have: it was not read.';

function fileSystem(read: () => string, size?: number | Error): RoleFileSystem {
  return {
    readDirectory: async () => [],
    stat: async () => 'file',
    readFile: async () => read(),
    ...(size === undefined
      ? {}
      : {
          size: async () => {
            if (size instanceof Error) throw size;
            return size;
          },
        }),
  };
}

function failure(code: string, extra: object = {}): Error {
  return Object.assign(new Error(`${code}: failed`), { code, ...extra });
}

describe('readBuffer: an editor buffer, held to the limit in UTF-8 bytes', () => {
  /** Repeated to just past a third of the limit in UTF-16 units, so the bytes are counted. */
  const counted = (unit: string, times: number) => readBuffer(unit.repeat(times));

  test('one byte a character up to U+007F, two up to U+07FF, three up to U+FFFF', () => {
    assert.deepEqual(Object.keys(counted('a', MAX)), ['text']);
    assert.deepEqual(counted('a', MAX + 1), { unreadable: OVER_WITH_SIZE(MAX + 1) });
    assert.deepEqual(Object.keys(counted('\u0080', MAX / 2)), ['text']);
    assert.deepEqual(counted('\u0080', MAX / 2 + 1), { unreadable: OVER_WITH_SIZE(MAX + 2) });
    assert.deepEqual(Object.keys(counted('\u07ff', MAX / 2)), ['text']);
    const third = Math.floor(MAX / 3);
    assert.deepEqual(Object.keys(counted('\u0800', third)), ['text']);
    assert.deepEqual(counted('\u0800', third + 1), { unreadable: OVER_WITH_SIZE(3 * (third + 1)) });
  });

  test('a surrogate pair is four bytes; a lone surrogate three (written as U+FFFD)', () => {
    assert.deepEqual(Object.keys(counted('\ud800\udc00', MAX / 4)), ['text']);
    assert.deepEqual(Object.keys(counted('\udbff\udfff', MAX / 4)), ['text']);
    assert.deepEqual(counted('\ud83d\ude00', MAX / 4 + 1), { unreadable: OVER_WITH_SIZE(MAX + 4) });
    const third = Math.floor(MAX / 3) + 1;
    assert.deepEqual(counted('\udc00', third), { unreadable: OVER_WITH_SIZE(3 * third) }, 'lone low surrogates, even side by side');
    assert.deepEqual(counted('\ud800', third), { unreadable: OVER_WITH_SIZE(3 * third) }, 'lone high surrogates');
    assert.deepEqual(
      counted('\ud800a', Math.floor(MAX / 4) + 1),
      { unreadable: OVER_WITH_SIZE(4 * (Math.floor(MAX / 4) + 1)) },
      'a high surrogate before a letter',
    );
  });

  test('a short buffer is taken as it is', () => {
    assert.deepEqual(readBuffer('# Role\n'), { text: '# Role\n' });
  });
});

describe('readRoleText: a role file on disk', () => {
  test('a file within the limit, by its size or without one', async () => {
    assert.deepEqual(
      await readRoleText(
        fileSystem(() => 'text', 4),
        '/r.md',
      ),
      { text: 'text' },
    );
    assert.deepEqual(
      await readRoleText(
        fileSystem(() => 'text', MAX),
        '/r.md',
      ),
      { text: 'text' },
    );
    assert.deepEqual(
      await readRoleText(
        fileSystem(() => 'x'.repeat(MAX)),
        '/r.md',
      ),
      { text: 'x'.repeat(MAX) },
    );
  });

  test('over the limit: refused by its size before it is read, or by its length after', async () => {
    let reads = 0;
    const big = fileSystem(() => {
      reads++;
      return 'text';
    }, MAX + 1);
    assert.deepEqual(await readRoleText(big, '/r.md'), { unreadable: OVER_WITH_SIZE(MAX + 1) });
    assert.equal(reads, 0, 'read although its size was known');
    assert.deepEqual(
      await readRoleText(
        fileSystem(() => 'x'.repeat(MAX + 1)),
        '/r.md',
      ),
      { unreadable: OVER },
    );
  });

  test('a file holding NUL is not text', async () => {
    assert.deepEqual(
      await readRoleText(
        fileSystem(() => 'a\u0000b'),
        '/r.md',
      ),
      { unreadable: 'The file is not text (it holds NUL bytes): it was not read.' },
    );
  });

  test('each failure: gone, too large, or unreadable with the reason in words', async () => {
    const failing = (error: Error) =>
      readRoleText(
        fileSystem(() => {
          throw error;
        }),
        '/r.md',
      );
    assert.deepEqual(await failing(failure('ENOENT')), { missing: true });
    assert.deepEqual(await failing(failure('ENOTDIR')), { missing: true });
    assert.deepEqual(await failing(failure('EFBIG', { size: 5 * 1024 * 1024 })), { unreadable: OVER_WITH_SIZE(5 * 1024 * 1024) });
    assert.deepEqual(await failing(failure('EFBIG')), { unreadable: OVER });
    assert.deepEqual(await failing(failure('EACCES')), { unreadable: 'The file cannot be read (permission denied).' });
    assert.deepEqual(
      await readRoleText(
        fileSystem(() => 'text', failure('ENOENT')),
        '/r.md',
      ),
      { missing: true },
      'a size that fails',
    );
  });
});
