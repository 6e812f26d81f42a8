import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { REPO_ROOT } from '../support/tempLibrary';

/*
 * scripts/test.js on a machine that has Node and nothing else: the client
 * and e2e suites are skipped with one line each (why, and what installs
 * it), and nothing is installed. PATH holds node and a `sudo` and an `apt-get` that
 * only leave a mark, so any attempt to install shows.
 */

describe('npm test on a machine without the editors', () => {
  let bin: string;
  const mark = () => nodePath.join(bin, 'called');

  before(() => {
    bin = mkdtempSync(nodePath.join(os.tmpdir(), 'fleet-roles-path-'));
    symlinkSync(process.execPath, nodePath.join(bin, 'node'));
    for (const name of ['sudo', 'apt-get']) {
      writeFileSync(nodePath.join(bin, name), `#!${process.execPath}\nrequire('fs').appendFileSync(${JSON.stringify(mark())}, '${name}\\n');\n`);
      chmodSync(nodePath.join(bin, name), 0o755);
    }
  });
  after(() => rmSync(bin, { recursive: true, force: true }));

  function runGroup(group: string, extra: Record<string, string> = {}) {
    const env: Record<string, string> = { PATH: bin, HOME: bin, ...extra };
    return spawnSync(process.execPath, [nodePath.join(REPO_ROOT, 'scripts', 'test.js'), group], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 120000 });
  }
  const runClients = (extra: Record<string, string> = {}) => runGroup('clients', extra);

  test('each suite it cannot run is one line, with why and the command that installs it; exit 0; nothing installed', () => {
    const run = runClients();
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const skipped = run.stdout.split('\n').filter(line => line.startsWith('=== skipped: '));
    assert.deepEqual(
      skipped,
      [
        '=== skipped: Neovim 0.7, its own vim.lsp client, headless: nvim not found on PATH; to run it: sudo apt-get install --no-install-recommends neovim',
        '=== skipped: Emacs 28 with eglot 1.9, batch: emacs not found on PATH; to run it: sudo apt-get install --no-install-recommends emacs-nox elpa-eglot',
      ].map(line => (process.getuid?.() === 0 ? line.replace(': sudo ', ': ') : line)),
    );
    assert.match(run.stdout, /^tests: 0 passed, 0 failed, 2 suite\(s\) skipped$/m);
    assert.equal(existsSync(mark()), false, 'sudo or apt-get was called');
  });

  test('with FLEET_ROLES_TEST_ALL=1 (as CI runs it) a skipped suite is a failure', () => {
    const run = runClients({ FLEET_ROLES_TEST_ALL: '1' });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /^tests: 0 passed, 2 failed, 2 suite\(s\) skipped$/m);
    assert.equal(existsSync(mark()), false, 'sudo or apt-get was called');
  });

  test('the e2e suites too: each skipped in one line, with why and what installs it; exit 0; nothing installed', () => {
    // An empty tools folder, so that code-server installed in this clone (as CI's is) does not count.
    const tools = nodePath.join(bin, 'no-tools');
    const run = runGroup('e2e', { FLEET_ROLES_E2E_TOOLS: tools });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const skipped = run.stdout.split('\n').filter(line => line.startsWith('=== skipped: '));
    // code-server 4.100 builds on Node 20 only: on another Node that is the reason given.
    const noCodeServer = process.versions.node.startsWith('20.')
      ? `code-server is not installed in ${tools}; to run it: node out/test/harness/install.js (its Debian packages need root or sudo)`
      : `code-server needs Node 20; this is Node ${process.versions.node}; to run it: run the tests with Node 20`;
    assert.deepEqual(
      skipped,
      [
        '=== skipped: the .vsix and the pre-commit hook: unzip, git, pre-commit not found on PATH; to run it: sudo apt-get install --no-install-recommends unzip git pre-commit',
        `=== skipped: extension-host suite in VS Code: ${noCodeServer}`,
        `=== skipped: extension-host suite in VS Code on agent libraries (.claude/agents, .github/agents): ${noCodeServer}`,
        `=== skipped: extension-host suite in VS Code on an Ansible repository (no library: no activation, no diagnostic): ${noCodeServer}`,
        `=== skipped: UI tests in VS Code with Chromium: ${noCodeServer}`,
      ].map(line => (process.getuid?.() === 0 ? line.replace(': sudo ', ': ') : line)),
    );
    assert.match(run.stdout, /^tests: 0 passed, 0 failed, 5 suite\(s\) skipped$/m);
    assert.equal(existsSync(mark()), false, 'sudo or apt-get was called');
  });

  test('a group it does not know (a typo, --help) prints the usage and runs nothing: exit 2, or 0 for --help', () => {
    for (const [arg, status] of [
      ['nod', 2],
      ['--help', 0],
    ] as const) {
      const run = runGroup(arg);
      assert.equal(run.status, status, run.stdout + run.stderr);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, 'usage: node scripts/test.js [all|lint|node|clients|e2e]\n');
    }
  });
});
