import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as nodePath from 'node:path';
import { REPO_ROOT } from '../support/tempLibrary';

/**
 * Commit subjects stay under 72 characters, so that `git log --oneline`,
 * a shortlog and a hosting page show them whole. Checked over the history,
 * not by a hook, so that CI holds every commit to it whatever the clone it
 * was written in. The commits before the rule are left as they are; merge
 * commits are the merger's, and say which branch they bring.
 */
const RULE_SINCE = 'ba206b4795994d4900890c7f3fc00122daa2d4fe';
const MAX_SUBJECT = 71;

function git(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' });
}

test('every commit since the rule has a subject under 72 characters', t => {
  if (!existsSync(nodePath.join(REPO_ROOT, '.git'))) {
    t.skip('not a git clone: there is no history to read');
    return;
  }
  const since = git(['rev-parse', '--verify', '--quiet', `${RULE_SINCE}^{commit}`]);
  assert.equal(since.status, 0, `commit ${RULE_SINCE} is not in this clone (a shallow clone?): fetch the whole history to check the subjects`);
  const log = git(['log', '--no-merges', '--format=%h%x09%s', `${RULE_SINCE}..HEAD`]);
  assert.equal(log.status, 0, log.stderr);
  const long = log.stdout
    .split('\n')
    .filter(Boolean)
    .map(line => line.split('\t'))
    .filter(([, subject]) => [...subject].length > MAX_SUBJECT);
  assert.deepEqual(
    long.map(([hash, subject]) => `${hash} (${[...subject].length}): ${subject}`),
    [],
  );
});
