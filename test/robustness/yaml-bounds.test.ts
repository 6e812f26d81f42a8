import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as nodePath from 'node:path';
import { checkLibrary } from '../support/checkLibrary';
import { makeTree } from '../support/runCli';
import { REPO_ROOT } from '../support/tempLibrary';
import { assertNoStackTrace } from './support';

/** Nine levels of nine aliases each: 9^9 strings once expanded, nested under one key. */
function bomb(): string[] {
  const names = 'abcdefghi';
  const lines = ['  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < names.length; i++)
    lines.push(
      `  ${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(',')}]`,
    );
  return ['x-bomb:', ...lines];
}

const agent = (name: string, extra: string[]) => ['---', `name: ${name}`, 'description: Does one job.', ...extra, '---', '', 'Body.', ''].join('\n');

/**
 * An alias bomb reached where a value is turned into a key: a merge key, or
 * an explicit key (`? *i`), whose value must be expanded to be read.
 */
const BOMBS: Record<string, string[]> = {
  'a merge key': [...bomb(), '<<: { payload: *i }'],
  'an explicit key': [...bomb(), '? *i', ': payload'],
  'a merge of the alias itself': [...bomb(), '<<: *i'],
};

describe('alias bombs in an agent frontmatter: refused within bounds, and the files after them are still checked', () => {
  for (const [name, extra] of Object.entries(BOMBS)) {
    test(`through ${name}`, () => {
      const tree = makeTree({
        '.claude/agents/a-bomb.md': agent('a-bomb', extra),
        '.claude/agents/z-later.md': agent('z-later', ['tools: Read, Raed']),
      });
      try {
        const started = Date.now();
        // A heap of 256 MB: the expansion would take gigabytes.
        const result = spawnSync(process.execPath, ['--max-old-space-size=256', nodePath.join(REPO_ROOT, 'bin', 'fleet-roles.js'), 'check', '.'], {
          cwd: tree.dir,
          encoding: 'utf8',
          timeout: 30000,
        });
        assert.ok(Date.now() - started < 30000, 'timed out');
        assertNoStackTrace(result.stdout + result.stderr, name);
        assert.equal(result.status, 1, result.stderr);
        assert.match(result.stdout, /a-bomb\.md:\d+:\d+ error invalid-frontmatter Invalid YAML frontmatter: its aliases expand to more than \d+ nodes\./);
        assert.match(result.stdout, /z-later\.md:\d+:\d+ warning unknown-tool Unknown tool 'Raed'\. Did you mean 'Read'\?/);
      } finally {
        tree.dispose();
      }
    });
  }
});

describe('a frontmatter of megabytes that only the parser could read is refused at once', () => {
  test('200,000 quoted values: one invalid-frontmatter, within a second', async () => {
    const text = ['---', 'name: big', 'description: Big.', ...Array.from({ length: 200000 }, (_, i) => `k${i}: "v"`), '---', '', 'Body.', ''].join('\n');
    const started = Date.now();
    const lib = await checkLibrary({ '/ws/.claude/agents/big.md': text });
    const diagnostics = lib.diagnostics('/ws/.claude/agents/big.md');
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    assert.deepEqual(
      diagnostics.map(d => [d.code, d.range.start.line, d.message]),
      [['invalid-frontmatter', 0, 'Invalid YAML frontmatter: it is over 512 KiB, far more than a frontmatter holds, and is not read.']],
    );
  });
});
