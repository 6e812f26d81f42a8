import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { REPO_ROOT } from '../support/tempLibrary';

/*
 * The hook of .pre-commit-hooks.yaml through a real pre-commit (Debian's,
 * installed by the e2e tools step): pre-commit clones the hook's repository,
 * builds and installs it as a node package, and runs it on a commit of a
 * role library. The hook's repository is this working tree as it is, so
 * uncommitted changes are what is tested.
 */

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
};

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = gitEnv): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 600000 });
}

function ok(cmd: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): string {
  const result = run(cmd, args, cwd, env);
  assert.equal(result.status, 0, `${cmd} ${args.join(' ')}:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

describe('the pre-commit hook, through pre-commit', { timeout: 900000 }, () => {
  const work = mkdtempSync(nodePath.join(os.tmpdir(), 'fleet-roles-pre-commit-'));
  const hookRepo = nodePath.join(work, 'fleet-roles');
  const library = nodePath.join(work, 'library');
  // Its own cache, so every run installs the hook from scratch, as a new user's does.
  const env = { ...gitEnv, PRE_COMMIT_HOME: nodePath.join(work, 'cache') };
  const seed = nodePath.join(library, 'roles', 'operations-manager.md');

  before(() => {
    // The files git would commit, as they are now (a file deleted but not yet staged is gone).
    const files = ok('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], REPO_ROOT)
      .split('\0')
      .filter(file => file && existsSync(nodePath.join(REPO_ROOT, file)));
    for (const file of files) {
      mkdirSync(nodePath.dirname(nodePath.join(hookRepo, file)), { recursive: true });
      cpSync(nodePath.join(REPO_ROOT, file), nodePath.join(hookRepo, file));
    }
    ok('git', ['init', '-q'], hookRepo);
    ok('git', ['add', '-A'], hookRepo);
    ok('git', ['commit', '-qm', 'the hook as it is now'], hookRepo);
    const rev = ok('git', ['rev-parse', 'HEAD'], hookRepo).trim();

    cpSync(nodePath.join(REPO_ROOT, 'roles'), nodePath.join(library, 'roles'), { recursive: true });
    writeFileSync(nodePath.join(library, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: fleet-roles\n`);
    ok('git', ['init', '-q'], library);
    ok('pre-commit', ['install'], library, env);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('a clean library commits', () => {
    ok('git', ['add', '-A'], library);
    const commit = run('git', ['commit', '-m', 'the sample library'], library, env);
    assert.equal(commit.status, 0, commit.stdout + commit.stderr);
    assert.match(commit.stdout + commit.stderr, /fleet-roles check\.+Passed/);
  });

  test('a broken reference stops the commit, with the diagnostic', () => {
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('**hr-generalist**', '**hr-generalst**'));
    ok('git', ['add', '-A'], library);
    const commit = run('git', ['commit', '-m', 'a typo'], library, env);
    assert.notEqual(commit.status, 0);
    const output = commit.stdout + commit.stderr;
    assert.match(output, /fleet-roles check\.+Failed/);
    assert.match(output, /roles\/operations-manager\.md:\d+:\d+ error unknown-role Unknown role 'hr-generalst'\. Did you mean 'hr-generalist'\?/);
  });

  test('a commit that touches no Markdown file skips the check', () => {
    writeFileSync(nodePath.join(library, 'notes.txt'), 'not a role\n');
    ok('git', ['reset', '-q'], library);
    ok('git', ['add', 'notes.txt'], library);
    const commit = run('git', ['commit', '-m', 'notes'], library, env);
    assert.equal(commit.status, 0, commit.stdout + commit.stderr);
    assert.match(commit.stdout + commit.stderr, /fleet-roles check\.+\(no files to check\)Skipped/);
  });
});
