import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { REPO_ROOT } from '../support/tempLibrary';

/*
 * scripts/mutation.js --changed, which CI runs: which core lines "the
 * change" touches, in a small git history of its own. --list prints them
 * and runs nothing, so Stryker itself is not run here.
 */

describe('npm run mutation -- --changed', () => {
  let repo: string;
  const env = (): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: repo,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.org',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.org',
  });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: env(), encoding: 'utf8' }).trim();
  const write = (file: string, text: string) => {
    mkdirSync(nodePath.dirname(nodePath.join(repo, file)), { recursive: true });
    writeFileSync(nodePath.join(repo, file), text);
  };
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '-m', message);
  };
  const list = (extra: NodeJS.ProcessEnv = {}) => {
    const run = spawnSync(process.execPath, [nodePath.join(repo, 'scripts', 'mutation.js'), '--changed', '--list'], {
      cwd: repo,
      env: { ...env(), ...extra },
      encoding: 'utf8',
      timeout: 60000,
    });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    return run.stdout;
  };

  before(() => {
    repo = mkdtempSync(nodePath.join(os.tmpdir(), 'fleet-roles-mutation-'));
    mkdirSync(nodePath.join(repo, 'scripts'));
    copyFileSync(nodePath.join(REPO_ROOT, 'scripts', 'mutation.js'), nodePath.join(repo, 'scripts', 'mutation.js'));
    copyFileSync(nodePath.join(REPO_ROOT, 'stryker.config.json'), nodePath.join(repo, 'stryker.config.json'));
    git('init', '-q', '-b', 'main');
    write('server/src/core/a.ts', 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n');
    write('README.md', 'one\n');
    commit('first');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  test('a change outside the core: nothing to mutate, exit 0', () => {
    write('README.md', 'two\n');
    write('server/src/cli/b.ts', 'export const b = 2;\n');
    commit('docs and cli');
    const out = list();
    assert.match(out, /the change is the commits since HEAD~1 \(the parent of HEAD \(no merge in the history\)\)/);
    assert.match(out, /^mutation: the change touches no line of server\/src\/core\/: nothing to mutate$/m);
  });

  test('the added and changed lines of core files, not the removed ones nor other files', () => {
    write('server/src/core/a.ts', 'export const a = 1;\nexport const b = 20;\nexport const c = 3;\nexport const d = 4;\nexport const e = 5;\n');
    write('server/src/core/gone.ts', 'export {};\n');
    commit('add gone');
    git('rm', '-q', 'server/src/core/gone.ts');
    write('server/src/core/parse/new.ts', 'export const n = 1;\n');
    write('test/unit/x.test.ts', 'export {};\n');
    commit('core change');
    const out = list();
    assert.match(out, /^mutation: would mutate\n {2}server\/src\/core\/parse\/new\.ts:1-1\n$/m, 'only the last commit, where no merge exists');
    const since = list({ FLEET_ROLES_MUTATION_BASE: 'HEAD~2' });
    assert.match(since, /\(FLEET_ROLES_MUTATION_BASE\)/);
    assert.deepEqual(
      since.split('\n').filter(line => line.startsWith('  ')),
      ['  server/src/core/a.ts:2-2', '  server/src/core/a.ts:4-5', '  server/src/core/parse/new.ts:1-1'],
    );
  });

  test("a base that is no commit: exit 2 and git's reason, no stack trace", () => {
    const run = spawnSync(process.execPath, [nodePath.join(repo, 'scripts', 'mutation.js'), '--changed', '--list'], {
      cwd: repo,
      env: { ...env(), FLEET_ROLES_MUTATION_BASE: 'no-such-ref' },
      encoding: 'utf8',
      timeout: 60000,
    });
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /^mutation: git diff .* failed: fatal: bad revision 'no-such-ref'$/m);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  test('after a merge: every commit since the first parent of the last merge', () => {
    git('checkout', '-q', '-b', 'branch');
    write('server/src/core/a.ts', 'export const a = 10;\nexport const b = 20;\nexport const c = 3;\nexport const d = 4;\nexport const e = 5;\n');
    commit('on the branch');
    write('server/src/core/parse/new.ts', 'export const n = 1;\nexport const m = 2;\n');
    commit('again on the branch');
    git('checkout', '-q', 'main');
    write('README.md', 'three\n');
    commit('on main meanwhile');
    git('merge', '-q', '--no-ff', '-m', 'merge', 'branch');
    const out = list();
    assert.match(out, /the first parent of the last merge/);
    assert.deepEqual(
      out.split('\n').filter(line => line.startsWith('  ')),
      ['  server/src/core/a.ts:1-1', '  server/src/core/parse/new.ts:2-2'],
    );
  });
});
