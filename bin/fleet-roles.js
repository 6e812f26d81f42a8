#!/usr/bin/env node
'use strict';
// Runs the CLI: the bundle (dist/cli.js, one file, fast to load) or the
// compiled tree (out/), whichever was built last, so a plain `tsc` is never
// shadowed by an older bundle. `npm run build` makes both.
const path = require('node:path');
const fs = require('node:fs');
const candidates = [path.join(__dirname, '..', 'dist', 'cli.js'), path.join(__dirname, '..', 'out', 'server', 'src', 'cli', 'entry.js')].filter(p =>
  fs.existsSync(p),
);
if (candidates.length === 0) {
  process.stderr.write('fleet-roles: not built yet: run `npm ci` (or `npm run build`) in the project first.\n');
  process.exit(2);
}
const newest = candidates.reduce((a, b) => (fs.statSync(b).mtimeMs > fs.statSync(a).mtimeMs ? b : a));
require(newest);
