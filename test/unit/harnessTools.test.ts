import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { nodeHeadersEnv } from '../harness/tools';

const headers = nodePath.join(nodePath.resolve(process.execPath, '..', '..'), 'include', 'node', 'node.h');

test("the e2e tools' build finds Node's headers through the project, with no npmrc of the user's", {
  skip: existsSync(headers) ? false : `this Node has no headers at ${headers}`,
}, () => {
  const home = mkdtempSync(nodePath.join(os.tmpdir(), 'fleet-roles-home-'));
  try {
    // A user with no ~/.npmrc: whatever nodedir npm reports comes from the environment the installer gives it.
    const env = { PATH: process.env.PATH ?? '', HOME: home, npm_config_userconfig: nodePath.join(home, '.npmrc'), ...nodeHeadersEnv() };
    const npm = spawnSync('npm', ['config', 'get', 'nodedir'], { cwd: home, env, encoding: 'utf8', timeout: 60000 });
    assert.equal(npm.status, 0, npm.stderr);
    const nodedir = npm.stdout.trim();
    assert.ok(existsSync(nodePath.join(nodedir, 'include', 'node', 'node.h')), `npm's nodedir is '${nodedir}'`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
