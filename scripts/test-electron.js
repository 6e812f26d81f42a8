#!/usr/bin/env node
'use strict';
// The extension-host suite on a desktop machine, where @vscode/test-electron
// can download VS Code: the same out/test/e2e/index.js that runs here inside
// code-server. (This machine reaches no VS Code download, so CI runs the
// code-server runner instead.)
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');

const root = path.join(__dirname, '..');
runTests({
  version: '1.100.3',
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(root, 'out', 'test', 'e2e', 'index.js'),
  launchArgs: [path.join(root, 'roles'), '--disable-extensions'],
}).catch(error => {
  console.error(`test:electron failed: ${error && error.message ? error.message : error}`);
  process.exit(1);
});
