#!/usr/bin/env node
'use strict';
// `npm run docs:figures`: measures the figures the documents give and writes
// them between their `<!-- figure:NAME -->` and `<!-- /figure -->` marks, in
// whichever page of the README, CONTRIBUTING.md and docs/ holds them, so
// that none is typed by hand: the sizes of the npm tarball and of the .vsix
// (packed here, from the build), and the time and test count of each group
// of suites, from the last green run of each (test-output/timings.json,
// which scripts/test.js writes). A group never run green here keeps its
// figure, and the script says so.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');

/** The pages that may hold figures: the README, CONTRIBUTING.md and every page of docs/. */
function pages() {
  const docs = fs
    .readdirSync(path.join(root, 'docs'), { recursive: true })
    .filter(name => String(name).endsWith('.md'))
    .map(name => path.join('docs', String(name)));
  return ['README.md', 'CONTRIBUTING.md', ...docs].filter(page => fs.existsSync(path.join(root, page)));
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

function tarball() {
  const [packed] = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts']));
  // npm's own unit: kB of 1000 bytes.
  return `about ${Math.round(packed.size / 1000)} kB, ${packed.entryCount} files`;
}

function vsix() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-roles-figures-'));
  try {
    const file = path.join(dir, 'fleet-roles.vsix');
    run(path.join(root, 'node_modules', '.bin', 'vsce'), ['package', '--out', file]);
    const entries = run('unzip', ['-Z1', file])
      .trim()
      .split('\n')
      .filter(e => e.startsWith('extension/'));
    return `about ${Math.round(fs.statSync(file).size / 1024)} KiB, ${entries.length} files`;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const GROUPS = { node: 'the Node suites', clients: "the other editors' clients", e2e: 'the VS Code suites' };

function minutes(seconds) {
  return seconds < 90 ? `${seconds} s` : `${(seconds / 60).toFixed(1)} min`;
}

/** One figure per group, `the Node suites: 3.3 min, 735 tests`, and the machine they ran on. */
function testFigures() {
  let recorded;
  try {
    recorded = JSON.parse(fs.readFileSync(path.join(root, 'test-output', 'timings.json'), 'utf8'));
  } catch {
    return {};
  }
  const figures = {};
  for (const [group, words] of Object.entries(GROUPS)) {
    const g = recorded.groups?.[group];
    if (g) figures[`time-${group}`] = `${words}: ${minutes(g.seconds)}, ${g.tests} tests, on ${recorded.cores} cores`;
  }
  return figures;
}

function main() {
  const figures = { tarball: tarball(), vsix: vsix(), ...testFigures() };
  const marked = new Set();
  for (const page of pages()) {
    const file = path.join(root, page);
    let text = fs.readFileSync(file, 'utf8');
    const marks = [...text.matchAll(/<!-- figure:([a-z0-9-]+) -->/g)].map(m => m[1]);
    for (const name of marks) {
      marked.add(name);
      if (figures[name] === undefined) {
        console.log(`docs:figures: ${page}: ${name} not measured here (no green run of its suites in test-output/timings.json): left as it was`);
        continue;
      }
      text = text.replace(new RegExp(`(<!-- figure:${name} -->)[^<]*(<!-- /figure -->)`), `$1${figures[name]}$2`);
      console.log(`docs:figures: ${page}: ${name}: ${figures[name]}`);
    }
    if (marks.length > 0) fs.writeFileSync(file, text);
  }
  const unused = Object.keys(figures).filter(name => !marked.has(name));
  if (unused.length > 0) console.log(`docs:figures: measured but in no page: ${unused.join(', ')}`);
}

main();
