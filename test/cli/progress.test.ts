import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as nodePath from 'node:path';
import { generateLibrary, writeLibrary } from '../../bench/generate';
import { runCheck } from '../../server/src/cli/check';
import { PROGRESS_INTERVAL_MS, progressLine, type ProgressLine, type Terminal } from '../../server/src/cli/progressLine';
import { runCli } from '../support/runCli';
import { REPO_ROOT } from '../support/tempLibrary';

/** A terminal that keeps one line as it would look: a carriage return goes back to its start, and text overwrites. */
function fakeTerminal(isTTY: boolean, columns?: number): Terminal & { screen(): string; writes: string[] } {
  const terminal = {
    isTTY,
    columns,
    line: '',
    cursor: 0,
    writes: [] as string[],
    screen: () => terminal.line,
    write(text: string) {
      terminal.writes.push(text);
      for (const c of text) {
        if (c === '\r') terminal.cursor = 0;
        else {
          terminal.line = terminal.line.slice(0, terminal.cursor) + c + terminal.line.slice(terminal.cursor + 1);
          terminal.cursor++;
        }
      }
    },
  };
  return terminal;
}

describe('the progress line', () => {
  test('a terminal shows how far the load got, at a bounded rate, and nothing once it is done', () => {
    const terminal = fakeTerminal(true);
    let now = 1000;
    const progress = progressLine(terminal, () => now);
    progress.parsed!(32, 10000);
    assert.equal(terminal.screen(), 'Indexing roles 32/10,000');
    now += PROGRESS_INTERVAL_MS - 1;
    progress.parsed!(64, 10000);
    assert.equal(terminal.writes.length, 1, 'a second write within the interval');
    now += 1;
    progress.parsed!(2048, 10000);
    assert.equal(terminal.screen(), 'Indexing roles 2,048/10,000');
    now += PROGRESS_INTERVAL_MS;
    progress.parsed!(10000, 10000);
    progress.done();
    assert.equal(terminal.screen().trim(), '', `left on the terminal: ${JSON.stringify(terminal.screen())}`);
    assert.equal(terminal.screen().length, 'Indexing roles 2,048/10,000'.length, 'the erase covers the longest line');
  });

  test('the checks that follow the load have a line of their own, erased in turn', () => {
    const terminal = fakeTerminal(true);
    let now = 0;
    const progress = progressLine(terminal, () => now);
    progress.parsed!(32, 100);
    progress.done();
    now += PROGRESS_INTERVAL_MS;
    progress.checked(10, 100);
    assert.equal(terminal.screen().trimEnd(), 'Checking roles 10/100');
    progress.done();
    assert.equal(terminal.screen().trim(), '');
  });

  test('a shorter line after a longer one leaves none of the longer one', () => {
    const terminal = fakeTerminal(true);
    let now = 0;
    const progress = progressLine(terminal, () => now);
    progress.parsed!(5000, 10000);
    now += PROGRESS_INTERVAL_MS;
    progress.parsed!(5, 10);
    assert.equal(terminal.screen().trimEnd(), 'Indexing roles 5/10');
  });

  test('a narrow terminal gets the line cut short of its last column', () => {
    const terminal = fakeTerminal(true, 20);
    progressLine(terminal, () => 0).parsed!(5000, 10000);
    assert.equal(terminal.screen(), 'Indexing roles 5,00');
  });

  test('anything but a terminal gets nothing', () => {
    const terminal = fakeTerminal(false);
    const progress = progressLine(terminal, () => 0);
    progress.parsed?.(32, 10000);
    progress.checked(32, 10000);
    progress.done();
    assert.deepEqual(terminal.writes, []);
  });

  test('a load that shows nothing erases nothing', () => {
    const terminal = fakeTerminal(true);
    const progress = progressLine(terminal, () => 0);
    progress.parsed!(3, 3);
    progress.done();
    assert.deepEqual(terminal.writes, []);
  });
});

describe('fleet-roles check and its progress line', () => {
  // Four batches of reads: enough for a line before the load ends.
  const dir = writeLibrary(generateLibrary({ roles: 100 }));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const bin = nodePath.join(REPO_ROOT, 'bin', 'fleet-roles.js');

  test('check tells how far the load and then the checks got, and ends the line before the report', async () => {
    const events: string[] = [];
    const progress: ProgressLine = {
      parsed: (done, total) => events.push(`parsed ${done}/${total}`),
      checked: (done, total) => events.push(`checked ${done}/${total}`),
      done: () => events.push('done'),
    };
    const out = () => events.push('out');
    assert.equal(await runCheck({ paths: [dir], format: 'json', cwd: REPO_ROOT, version: '0', out, err: () => {}, progress }), 1);
    const loadEnd = events.indexOf('done');
    assert.deepEqual(events.slice(0, loadEnd), ['parsed 32/101', 'parsed 64/101', 'parsed 96/101', 'parsed 101/101']);
    const checks = events.slice(loadEnd + 1, -2);
    assert.equal(checks.length, 101);
    assert.deepEqual(checks.slice(0, 2), ['checked 0/101', 'checked 1/101']);
    assert.deepEqual(events.slice(-2), ['done', 'out']);
  });

  test('stderr that is not a terminal gets no progress, whatever the format', () => {
    for (const format of ['text', 'json']) {
      const result = runCli(['check', '--format', format, dir], REPO_ROOT);
      assert.equal(result.status, 1, result.stderr);
      assert.equal(result.stderr, '', format);
    }
  });

  // util-linux's `script` runs the command on a pseudo-terminal, as a user's shell would; BSD's takes other arguments.
  const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
  const noScript = script.status === 0 && /util-linux/.test(script.stdout) ? false : 'no util-linux `script` here';
  test('on a terminal the line is shown, then erased before the report', { skip: noScript }, () => {
    const command = [process.execPath, bin, 'check', dir].map(a => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const run = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], { encoding: 'utf8', timeout: 60000, stdio: ['pipe', 'pipe', 'pipe'] });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    const shown = /\rIndexing roles 32\/101/.exec(run.stdout);
    assert.ok(shown, `no progress line in ${JSON.stringify(run.stdout.slice(0, 200))}`);
    const erase = run.stdout.indexOf(`\r${' '.repeat('Indexing roles 32/101'.length)}\r`, shown.index);
    assert.ok(erase > shown.index, 'the line is erased');
    const report = run.stdout.indexOf('error', shown.index);
    assert.ok(report > erase, 'the report comes after the erase');
  });
});
