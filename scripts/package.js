#!/usr/bin/env node
'use strict';
// Packages the extension as fleet-roles.vsix (or the path given as argument).
// vsce comes from the e2e tool folder when it is installed (it is pinned there
// to a version that runs on Node 20), else from the registry through npx.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const out = path.resolve(process.argv[2] || path.join(root, 'fleet-roles.vsix'));
const prefix = process.env.VSCODE_E2E_PREFIX || path.join(os.homedir(), '.cache', 'vscode-e2e');
const local = path.join(prefix, 'node_modules', '.bin', 'vsce');
const [cmd, args] = fs.existsSync(local) ? [local, []] : ['npx', ['--yes', '@vscode/vsce@3.9.2']];
// The README links to the contract beside the repository: leave its links as they are.
const result = spawnSync(cmd, [...args, 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
console.log(`packaged ${path.relative(process.cwd(), out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KiB)`);
