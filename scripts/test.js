#!/usr/bin/env node
'use strict';
// Runs the test suites in order and ends with one closing line,
// "tests: N passed, N failed". `node scripts/test.js` runs all of them;
// `node scripts/test.js node` only the Node suites, `... clients` only the
// third-party editors' (Neovim, eglot), `... e2e` only VS Code's.
// A step that fails stops the run (the first failure is the one to read);
// a step that outlives its limit is killed and fails, so nothing hangs.
const { spawn } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const harness = path.join(root, 'out', 'test', 'harness');
const vsix = path.join(os.tmpdir(), 'fleet-roles-e2e.vsix');
const env = { ...process.env, FLEET_ROLES_VSIX: vsix };
const MINUTE = 60 * 1000;

const node = [
  { name: 'unit, server and CLI tests', cmd: process.execPath, args: ['--test', '--test-reporter=spec', 'out/test/unit', 'out/test/server', 'out/test/cli'], limit: 15 * MINUTE },
  { name: 'robustness (attacks, fixed-seed fuzz) and work-count regression tests', cmd: process.execPath,
    args: ['--test', '--test-reporter=spec', 'out/test/robustness', 'out/test/regression'], limit: 15 * MINUTE },
];
const clients = [
  { name: 'third-party LSP clients (apt: neovim, emacs-nox, elpa-eglot)', cmd: 'bash', args: ['scripts/install-editors.sh'], limit: 20 * MINUTE, counts: false },
  { name: 'Neovim 0.7, its own vim.lsp client, headless', cmd: process.execPath, args: ['scripts/test-clients.js', 'neovim'], limit: 6 * MINUTE },
  { name: 'Emacs 28 with eglot 1.9, batch', cmd: process.execPath, args: ['scripts/test-clients.js', 'eglot'], limit: 6 * MINUTE },
];
const e2e = [
  { name: 'e2e tools (apt packages, code-server, Chromium, pre-commit)', cmd: process.execPath, args: [path.join(harness, 'install.js')], limit: 40 * MINUTE, counts: false },
  { name: 'the .vsix and the pre-commit hook', cmd: process.execPath, args: ['--test', '--test-reporter=spec', 'out/test/package'], limit: 15 * MINUTE },
  { name: 'extension-host suite in VS Code', cmd: process.execPath,
    args: [path.join(harness, 'extensionHostRun.js'), '--extension', '.', '--tests', 'out/test/e2e/index.js', '--workspace', 'roles', '--timeout', '600', '--artifacts', '.ci-artifacts/exthost'], limit: 15 * MINUTE },
  { name: 'extension-host suite in VS Code on agent libraries (.claude/agents, .github/agents)', cmd: process.execPath,
    args: [path.join(harness, 'extensionHostRun.js'), '--extension', '.', '--tests', 'out/test/e2e/agents/index.js', '--workspace', 'test/fixtures/agent-libraries', '--timeout', '600', '--artifacts', '.ci-artifacts/exthost-agents'], limit: 15 * MINUTE },
  // One file at a time: each starts its own VS Code and Chromium.
  { name: 'UI tests in VS Code with Chromium', cmd: process.execPath, args: ['--test', '--test-concurrency=1', '--test-reporter=spec', 'out/test/ui'], limit: 15 * MINUTE },
];

const which = process.argv[2] || 'all';
const groups = { node, clients, e2e };
const steps = groups[which] ?? [...node, ...clients, ...e2e];

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
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, step.limit);
    child.on('close', code => {
      clearTimeout(timer);
      console.log(`=== ${step.name}: exit ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve({ code, output });
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

(async () => {
  let passed = 0;
  let failed = 0;
  let code = 0;
  for (const step of steps) {
    const result = await run(step);
    if (step.counts !== false) {
      const [p, f] = counts(result.output);
      passed += p;
      failed += f;
    }
    if (result.code !== 0) {
      code = 1;
      if (step.counts === false || counts(result.output)[1] === 0) failed += 1;
      break;
    }
  }
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
  process.exit(code);
})();
