#!/usr/bin/env node
'use strict';
// Mutation testing of server/src/core with Stryker (stryker.config.json).
//   npm run mutation                      every core file
//   npm run mutation -- FILE|GLOB ...     those files (FILE:12-40 for lines)
//   npm run mutation -- --changed         the core lines the change touches
//   options: --concurrency N, --minutes N (a limit; past it the run fails),
//   --list (print what would be mutated, and run nothing)
// Reports go to reports/mutation/<name>.{json,html}, named after the first
// file or folder given.
// "The change" for --changed: the commits since FLEET_ROLES_MUTATION_BASE,
// by default since the first parent of the last merge (main's state before
// the branch it merged), or HEAD~1 where no merge exists. Only added or
// changed lines of server/src/core are mutated; none: the step says so and
// passes. The score's floor is thresholds.break of stryker.config.json.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const core = 'server/src/core/';
const MINUTE = 60 * 1000;

function parseArgs(argv) {
  const options = { targets: [], changed: false, list: false, concurrency: undefined, minutes: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--changed' || arg === '--list') options[arg.slice(2)] = true;
    else if (arg === '--concurrency' || arg === '--minutes') options[arg.slice(2)] = positive(arg, argv[++i]);
    else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else options.targets.push(arg);
  }
  return options;
}

function positive(option, value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) fail(`${option} takes a whole number above 0, not ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  return n;
}

function fail(message) {
  console.error(`mutation: ${message}`);
  process.exit(2);
}

function git(...args) {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    return fail(`git ${args.join(' ')} failed: ${String(error.stderr || error.message).trim()}`);
  }
}

/** The commit the change is measured from, and why that one. */
function changeBase() {
  const given = process.env.FLEET_ROLES_MUTATION_BASE;
  if (given) return { ref: given, why: 'FLEET_ROLES_MUTATION_BASE' };
  const merge = git('log', '--merges', '-1', '--format=%H');
  if (merge) return { ref: `${merge}^1`, why: `the first parent of the last merge, ${merge.slice(0, 12)}` };
  return { ref: 'HEAD~1', why: 'the parent of HEAD (no merge in the history)' };
}

/** "file:from-to" for each run of added or changed lines of a core .ts file since base. */
function changedRanges(base) {
  const diff = git('diff', '--unified=0', '--no-color', '--no-ext-diff', base, 'HEAD', '--', `${core}*.ts`);
  const ranges = [];
  let file;
  for (const line of diff.split('\n')) {
    const target = /^\+\+\+ (?:b\/(.*)|\/dev\/null)$/.exec(line);
    if (target) {
      file = target[1];
      continue;
    }
    const hunk = /^@@ -\S+ \+(\d+)(?:,(\d+))? @@/.exec(line);
    const count = hunk ? Number(hunk[2] ?? '1') : 0;
    if (file && hunk && count > 0) ranges.push(`${file}:${hunk[1]}-${Number(hunk[1]) + count - 1}`);
  }
  return ranges;
}

function reportName(options) {
  if (options.changed) return 'changed';
  if (options.targets.length === 0) return 'core';
  const first = options.targets[0]
    .replace(/^server\/src\/core\/?/, '')
    .replace(/\/?[*{].*$/, '')
    .replace(/\.ts(:.*)?$/, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return first || 'core';
}

function run(config, minutes) {
  const file = path.join(root, 'reports', `stryker.${config.name}.config.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(config.options, null, 2)}\n`);
  const bin = path.join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
  return new Promise(resolve => {
    const child = spawn(process.execPath, [bin, 'run', file], { cwd: root, stdio: 'inherit', detached: true });
    // Stryker runs in a process group of its own, so that one kill ends its
    // test runners too: at the limit, and when this script is stopped.
    const stop = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer =
      minutes &&
      setTimeout(() => {
        console.error(`mutation: still running after ${minutes} min: stopped. Run \`npm run mutation -- ${config.label}\` to measure it without a limit.`);
        stop();
      }, minutes * MINUTE);
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const onSignal = () => {
      stop();
      process.exit(1);
    };
    for (const signal of signals) process.on(signal, onSignal);
    child.on('close', code => {
      clearTimeout(timer);
      for (const signal of signals) process.off(signal, onSignal);
      resolve(code ?? 1);
    });
  });
}

(async () => {
  const options = parseArgs(process.argv.slice(2));
  const base = JSON.parse(fs.readFileSync(path.join(root, 'stryker.config.json'), 'utf8'));
  let mutate = options.targets.length > 0 ? options.targets : base.mutate;
  if (options.changed) {
    const from = changeBase();
    mutate = changedRanges(from.ref);
    console.log(`mutation: the change is the commits since ${from.ref} (${from.why})`);
    if (mutate.length === 0) {
      console.log(`mutation: the change touches no line of ${core}: nothing to mutate`);
      return;
    }
  }
  console.log(`mutation: ${options.list ? 'would mutate' : 'mutating'}\n  ${mutate.join('\n  ')}`);
  if (options.list) return;
  const name = reportName(options);
  const overrides = {
    mutate,
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  };
  const label = options.changed ? mutate.join(' ') : options.targets.join(' ');
  const code = await run({ name, label, options: { ...base, ...overrides } }, options.minutes);
  process.exit(code);
})().catch(error => {
  console.error(error);
  process.exit(1);
});
