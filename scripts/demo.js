#!/usr/bin/env node
'use strict';
// `npm run demo`: the real VS Code (code-server) in the browser, with the
// freshly built extension installed and a copy of the sample library open.
// Prints the URL to open; Ctrl+C stops it and deletes its temporary folders.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const harness = path.join(root, 'out', 'test', 'harness');
// A folder of its own: a fixed name in the shared temporary folder clashes between users.
const vsix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-roles-demo-')), 'fleet-roles.vsix');

function step(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step(process.execPath, [path.join(harness, 'install.js')]);
step(path.join(root, 'node_modules', '.bin', 'vsce'), ['package', '--out', vsix]);
const { startCodeServer } = require(path.join(harness, 'codeServer.js'));
startCodeServer({ vsix, workspace: path.join(root, 'roles') }).then(
  server => {
    console.log(`\nFleet Roles demo: open ${server.url}\n(a copy of roles/ at ${server.workspace}; Ctrl+C to stop)`);
  },
  error => {
    console.error(`demo: VS Code did not start: ${error.message}`);
    process.exit(1);
  },
);
