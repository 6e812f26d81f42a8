#!/usr/bin/env node
'use strict';
// Runs the bundled CLI (dist/cli.js, one file: fast to load), else the
// compiled one (out/), which `npm run build` makes either way.
const path = require('node:path');
const fs = require('node:fs');
const bundled = path.join(__dirname, '..', 'dist', 'cli.js');
const compiled = path.join(__dirname, '..', 'out', 'server', 'src', 'cli', 'entry.js');
const entry = [bundled, compiled].find(p => fs.existsSync(p));
if (!entry) {
  process.stderr.write('fleet-roles: not built yet: run `npm ci` (or `npm run build`) in the project first.\n');
  process.exit(2);
}
require(entry);
