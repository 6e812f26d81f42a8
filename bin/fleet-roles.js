#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'out', 'server', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('fleet-roles: not built yet: run `npm ci` (or `npm run build`) in the project first.\n');
  process.exit(2);
}
require(entry).main(process.argv.slice(2)).then(code => {
  if (code >= 0) process.exitCode = code;
});
