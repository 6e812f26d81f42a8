'use strict';
// What each suite beyond the Node ones needs from the machine. Each check
// returns undefined when the suite can run here, else why not and the one
// command that installs what is missing. Nothing here installs anything:
// scripts/test.js only reports, and CI installs first (.ci/run).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

function onPath(program) {
  return (process.env.PATH || '')
    .split(path.delimiter)
    .filter(Boolean)
    .some(dir => {
      try {
        fs.accessSync(path.join(dir, program), fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/** Debian's command for the packages; the names are Debian's. */
function apt(packages) {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  return `${sudo}apt-get install --no-install-recommends ${[...new Set(packages)].join(' ')}`;
}

/** programs: [program, Debian package that provides it]. */
function programs(list) {
  const missing = list.filter(([program]) => !onPath(program));
  if (missing.length === 0) return undefined;
  return { why: `${missing.map(([program]) => program).join(', ')} not found on PATH`, install: apt(missing.map(([, pkg]) => pkg)) };
}

function neovim() {
  return programs([['nvim', 'neovim']]);
}

function eglot() {
  const emacs = programs([['emacs', 'emacs-nox']]);
  if (emacs) return { ...emacs, install: apt(['emacs-nox', 'elpa-eglot']) };
  // Emacs 28 does not ship eglot; Debian's elpa-eglot puts it on the load path.
  const probe = spawnSync('emacs', ['--batch', '--eval', "(require 'eglot)"], { stdio: 'ignore', timeout: 60000 });
  return probe.status === 0 ? undefined : { why: "this Emacs cannot (require 'eglot')", install: apt(['elpa-eglot']) };
}

function packageTools() {
  return programs([
    ['unzip', 'unzip'],
    ['git', 'git'],
    ['pre-commit', 'pre-commit'],
  ]);
}

/** code-server and Chromium, as the harness finds them (test/harness/tools.ts). */
function vscode() {
  const install = 'node out/test/harness/install.js (its Debian packages need root or sudo)';
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) return { why: `code-server needs Node 20; this is Node ${process.versions.node}`, install: 'run the tests with Node 20' };
  const tools = require(path.join(root, 'out', 'test', 'harness', 'tools.js'));
  if (!fs.existsSync(tools.codeServerEntry())) return { why: `code-server is not installed in ${tools.toolsDir()}`, install };
  try {
    tools.chromiumBinary();
  } catch {
    return { why: 'Chromium is not installed', install: apt(['chromium', 'fonts-liberation']) };
  }
  return undefined;
}

/** The UI tests install the .vsix too, so they need what packaging needs as well. */
function vscodeAndPackageTools() {
  return vscode() ?? packageTools();
}

module.exports = { neovim, eglot, packageTools, vscode, vscodeAndPackageTools };
