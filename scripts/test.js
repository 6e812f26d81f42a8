#!/usr/bin/env node
'use strict';
// Runs the test suites in order and ends with one closing line,
// "tests: N passed, N failed". `node scripts/test.js` runs all of them;
// `node scripts/test.js lint` only the linter and the formatter's check,
// `... node` only the Node suites, `... clients` only the
// third-party editors' (Neovim, eglot), `... e2e` only VS Code's; any other
// argument prints the usage and runs nothing.
// A suite whose tools this machine lacks is skipped with one line that says
// why and what installs them (scripts/suite-needs.js): nothing is installed
// here. With FLEET_ROLES_TEST_ALL=1 (CI sets it) a skipped suite fails.
// A step that fails stops the run (the first failure is the one to read);
// a step that outlives its limit is killed and fails, so nothing hangs.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const needs = require('./suite-needs');

const root = path.join(__dirname, '..');
const harness = path.join(root, 'out', 'test', 'harness');
// Per run, so that two users or two clones on one machine never share it.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-roles-test-'));
const vsix = path.join(scratch, 'fleet-roles-e2e.vsix');
const env = { ...process.env, FLEET_ROLES_VSIX: vsix };
const requireAll = process.env.FLEET_ROLES_TEST_ALL === '1';
const MINUTE = 60 * 1000;

// First, as the quickest; it needs only `npm ci`, so it is never skipped. Through npm, so that package.json says once how each runs.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const lint = [
  { name: 'lint (Biome)', cmd: npm, args: ['run', '--silent', 'lint'], limit: 5 * MINUTE },
  { name: 'format check (Biome)', cmd: npm, args: ['run', '--silent', 'format:check'], limit: 5 * MINUTE },
];
const node = [
  {
    name: 'unit, server, CLI and peer tests',
    cmd: process.execPath,
    args: ['--test', '--test-reporter=spec', 'out/test/unit', 'out/test/server', 'out/test/cli', 'out/test/peers'],
    limit: 15 * MINUTE,
  },
  {
    name: 'robustness (attacks, fixed-seed fuzz) and work-count regression tests',
    cmd: process.execPath,
    args: ['--test', '--test-reporter=spec', 'out/test/robustness', 'out/test/regression'],
    limit: 15 * MINUTE,
  },
];
const clients = [
  {
    name: 'Neovim 0.7, its own vim.lsp client, headless',
    cmd: process.execPath,
    args: ['scripts/test-clients.js', 'neovim'],
    limit: 6 * MINUTE,
    needs: needs.neovim,
  },
  { name: 'Emacs 28 with eglot 1.9, batch', cmd: process.execPath, args: ['scripts/test-clients.js', 'eglot'], limit: 6 * MINUTE, needs: needs.eglot },
];

/** One suite of the extension in VS Code's extension host: its tests, the folder it opens, where its screenshots and logs go. */
function extensionHostStep(name, tests, workspace, artifacts) {
  return {
    name,
    cmd: process.execPath,
    args: [
      path.join(harness, 'extensionHostRun.js'),
      '--extension',
      '.',
      '--tests',
      tests,
      '--workspace',
      workspace,
      '--timeout',
      '600',
      '--artifacts',
      `.ci-artifacts/${artifacts}`,
    ],
    limit: 15 * MINUTE,
    needs: needs.vscode,
  };
}
const e2e = [
  {
    name: 'the .vsix and the pre-commit hook',
    cmd: process.execPath,
    args: ['--test', '--test-reporter=spec', 'out/test/package'],
    limit: 15 * MINUTE,
    needs: needs.packageTools,
  },
  extensionHostStep('extension-host suite in VS Code', 'out/test/e2e/index.js', 'roles', 'exthost'),
  extensionHostStep(
    'extension-host suite in VS Code on agent libraries (.claude/agents, .github/agents)',
    'out/test/e2e/agents/index.js',
    'test/fixtures/agent-libraries',
    'exthost-agents',
  ),
  extensionHostStep(
    'extension-host suite in VS Code on an Ansible repository (no library: no activation, no diagnostic)',
    'out/test/e2e/ansible/index.js',
    'test/fixtures/ansible',
    'exthost-ansible',
  ),
  // One file at a time: each starts its own VS Code and Chromium. They install the .vsix of the package step.
  {
    name: 'UI tests in VS Code with Chromium',
    cmd: process.execPath,
    args: ['--test', '--test-concurrency=1', '--test-reporter=spec', 'out/test/ui'],
    limit: 15 * MINUTE,
    needs: needs.vscodeAndPackageTools,
  },
];

const which = process.argv[2] || 'all';
const groups = { lint, node, clients, e2e };
// A mistyped group (or --help) must not start every suite, the VS Code ones included.
if (!(which === 'all' || which in groups) || process.argv.length > 3) {
  console.error(`usage: node scripts/test.js [all|${Object.keys(groups).join('|')}]`);
  process.exit(which === '--help' || which === '-h' ? 0 : 2);
}
const steps = Object.entries(groups)
  .filter(([name]) => which === 'all' || which === name)
  .flatMap(([group, list]) => list.map(step => ({ ...step, group })));
// Each group's time and count from its last complete, green run: `npm run docs:figures` puts them in CONTRIBUTING.md.
const timings = path.join(root, 'test-output', 'timings.json');

function run(step) {
  return new Promise(resolve => {
    const started = Date.now();
    console.log(`\n=== ${step.name}`);
    const child = spawn(step.cmd, step.args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const relay = (chunk, to) => {
      output += chunk;
      to.write(chunk);
    };
    child.stdout.on('data', c => relay(c, process.stdout));
    child.stderr.on('data', c => relay(c, process.stderr));
    const timer = setTimeout(() => {
      console.error(`=== ${step.name}: still running after ${step.limit / MINUTE} min: killed`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, step.limit);
    child.on('close', code => {
      clearTimeout(timer);
      const seconds = (Date.now() - started) / 1000;
      console.log(`=== ${step.name}: exit ${code} after ${seconds.toFixed(1)} s`);
      resolve({ code, output, seconds });
    });
  });
}

/** Passed and failed counts from node's spec reporter or a runner's "N passed, N failed" line. */
function counts(output) {
  const spec = /ℹ pass (\d+)\n(?:.*\n)*?ℹ fail (\d+)/.exec(output);
  if (spec) return [Number(spec[1]), Number(spec[2])];
  const plain = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
  return plain ? [Number(plain[1]), Number(plain[2])] : [0, 0];
}

/** Per group: seconds and tests passed when every step ran and passed, else why not. */
function summarize(outcomes) {
  const byGroup = {};
  for (const { group, seconds = 0, passed = 0, state } of outcomes) {
    const g = (byGroup[group] ??= { seconds: 0, tests: 0, state: 'passed' });
    g.seconds += seconds;
    g.tests += passed;
    if (state !== 'passed' && g.state === 'passed') g.state = state;
  }
  return byGroup;
}

function recordTimings(byGroup) {
  let recorded = {};
  try {
    recorded = JSON.parse(fs.readFileSync(timings, 'utf8'));
  } catch {
    /* the first run */
  }
  recorded.cores = os.cpus().length;
  recorded.groups = { ...recorded.groups };
  for (const [group, g] of Object.entries(byGroup)) {
    if (g.state === 'passed') recorded.groups[group] = { seconds: Math.round(g.seconds), tests: g.tests, at: new Date().toISOString() };
  }
  fs.mkdirSync(path.dirname(timings), { recursive: true });
  fs.writeFileSync(timings, `${JSON.stringify(recorded, null, 2)}\n`);
}

(async () => {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let code = 0;
  const outcomes = [];
  for (const step of steps) {
    const missing = step.needs?.();
    if (missing) {
      skipped += 1;
      outcomes.push({ group: step.group, state: 'skipped' });
      console.log(`\n=== skipped: ${step.name}: ${missing.why}; to run it: ${missing.install}`);
      continue;
    }
    const result = await run(step);
    const [p, f] = counts(result.output);
    passed += p;
    failed += f;
    outcomes.push({ group: step.group, seconds: result.seconds, passed: p, state: result.code === 0 ? 'passed' : 'failed' });
    if (result.code !== 0) {
      code = 1;
      if (f === 0) failed += 1;
      break;
    }
  }
  fs.rmSync(scratch, { recursive: true, force: true });
  const byGroup = summarize(outcomes);
  recordTimings(byGroup);
  console.log(
    `\ntime per group: ${Object.entries(byGroup)
      .map(([group, g]) => `${group} ${g.state === 'passed' ? `${Math.round(g.seconds)} s (${g.tests} tests)` : g.state}`)
      .join(', ')}`,
  );
  if (skipped > 0 && requireAll) {
    code = 1;
    failed += skipped;
    console.log(`\n${skipped} suite(s) skipped, and FLEET_ROLES_TEST_ALL=1 makes a skipped suite a failure`);
  }
  console.log(`\ntests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} suite(s) skipped` : ''}`);
  process.exit(code);
})().catch(error => {
  console.error(error);
  process.exit(1);
});
