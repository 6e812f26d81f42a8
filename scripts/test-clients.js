#!/usr/bin/env node
'use strict';
// Runs the fleet-roles server under real third-party LSP clients, each on a
// fresh copy of the sample library, headless: `node scripts/test-clients.js
// neovim|eglot`. Each client's script prints "ok - …" / "not ok - …" lines and
// its own closing line; this prints the sum, "N passed, N failed", last.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const cli = path.join(root, 'bin', 'fleet-roles.js');
const LIMIT_MS = 4 * 60 * 1000;

const clients = {
  neovim: {
    program: 'nvim',
    args: () => ['--headless', '--clean', '-c', `luafile ${path.join(root, 'test', 'clients', 'neovim.lua')}`],
  },
  eglot: {
    program: 'emacs',
    args: () => ['--batch', '-l', path.join(root, 'test', 'clients', 'eglot.el')],
  },
};

function runClient(name) {
  const client = clients[name];
  if (!client) throw new Error(`unknown client '${name}': ${Object.keys(clients).join(', ')}`);
  if (spawnSync('which', [client.program]).status !== 0) {
    console.log(`not ok - ${name}: '${client.program}' is not installed (scripts/install-editors.sh installs it)`);
    return Promise.resolve([0, 1]);
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), `fleet-roles-${name}-`));
  fs.cpSync(path.join(root, 'roles'), path.join(workspace, 'roles'), { recursive: true });
  const env = { ...process.env, FLEET_ROLES_WORKSPACE: workspace, FLEET_ROLES_NODE: process.execPath, FLEET_ROLES_CLI: cli, HOME: workspace };
  return new Promise(resolve => {
    console.log(`# ${name}`);
    const child = spawn(client.program, client.args(), { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', chunk => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', chunk => {
      output += chunk;
      process.stderr.write(chunk);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
    child.on('close', code => {
      clearTimeout(timer);
      fs.rmSync(workspace, { recursive: true, force: true });
      const closing = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
      if (!closing) {
        console.log(`not ok - ${name}: ended (exit ${code}) without its closing line`);
        resolve([0, 1]);
        return;
      }
      const [passed, failed] = [Number(closing[1]), Number(closing[2])];
      resolve([passed, failed + (code !== 0 && failed === 0 ? 1 : 0)]);
    });
  });
}

(async () => {
  let passed = 0;
  let failed = 0;
  for (const name of process.argv.slice(2)) {
    const [p, f] = await runClient(name);
    passed += p;
    failed += f;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
})().catch(error => {
  console.error(error);
  process.exit(1);
});
