#!/usr/bin/env node
'use strict';
// `npm run demo`: the real VS Code (code-server) in the browser, with the
// freshly built extension installed and a copy of the sample library open.
// Prints the URL to open; Ctrl+C stops it and deletes its temporary folders.
const { spawnSync } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const harness = process.env.FLEET_ROLES_E2E_HARNESS || path.join(root, '..', 'shared', 'vscode-e2e');
process.env.VSCODE_E2E_PREFIX = process.env.VSCODE_E2E_PREFIX || path.join(os.homedir(), '.cache', 'vscode-e2e');
const vsix = path.join(os.tmpdir(), 'fleet-roles-demo.vsix');

function step(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step('bash', [path.join(harness, 'install.sh')]);
step(process.execPath, [path.join(__dirname, 'package.js'), vsix]);
const { startCodeServer } = require(path.join(harness, 'ui.js'));
startCodeServer({ extensionVsix: vsix, workspace: path.join(root, 'roles') }).then(server => {
  console.log(`\nFleet Roles demo: open ${server.url}\n(VS Code ${server.base}, a copy of roles/ at ${server.workspace}; Ctrl+C to stop)`);
  const stop = () => server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}, error => {
  console.error(`demo: VS Code did not start: ${error.message}`);
  process.exit(1);
});
