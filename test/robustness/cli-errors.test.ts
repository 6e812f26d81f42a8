/**
 * The CLI on input it cannot use: unreadable paths, a path that is a file but
 * no role, no role folder, a broken configuration, bad usage. Each gives a
 * clear message on stderr, nothing on stdout, exit code 2, and never a stack
 * trace.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, ftruncateSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { makeTree, runCli } from '../support/runCli';
import { assertNoStackTrace, openToAll, permissionRunner, runCliWith, sampleFiles } from './support';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Exit 2, a message on stderr matching `message`, nothing on stdout, no stack trace, in time. */
function assertRefused(result: Run, message: RegExp, what: string): void {
  assertNoStackTrace(result.stderr + result.stdout, what);
  assert.equal(result.status, 2, `${what}: exit ${result.status}\n${result.stderr}${result.stdout}`);
  assert.match(result.stderr, message, what);
  assert.equal(result.stdout, '', `${what}: something on stdout`);
  assert.ok(result.stderr.length < 2_000_000, `${what}: ${result.stderr.length} characters of messages`);
}

const sparse = (path: string, bytes: number) => {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
};

describe('paths the CLI cannot read', () => {
  const tree = makeTree({ ...sampleFiles('roles'), 'notes.txt': 'hi\n' });
  const at = (rel: string) => nodePath.join(tree.dir, rel);
  before(() => {
    symlinkSync('loop-b', at('loop-a'));
    symlinkSync('loop-a', at('loop-b'));
    symlinkSync('nowhere', at('dangling'));
  });
  after(() => tree.dispose());

  const cases: Array<{ name: string; args: string[]; message: RegExp }> = [
    { name: 'a path that does not exist', args: ['check', 'nope'], message: /^fleet-roles: cannot read 'nope': no such file or directory$/m },
    { name: 'one missing path among good ones', args: ['check', 'roles', 'nope'], message: /cannot read 'nope': no such file or directory/ },
    { name: 'a path through a file', args: ['check', 'roles/operations-manager.md/x'], message: /cannot read 'roles\/operations-manager\.md\/x'/ },
    { name: 'a symbolic-link loop', args: ['check', 'loop-a'], message: /cannot read 'loop-a'/ },
    { name: 'a dangling link', args: ['check', 'dangling'], message: /cannot read 'dangling': no such file or directory/ },
    { name: 'a name too long', args: ['check', 'x'.repeat(5000)], message: /cannot read 'x+'/ },
    { name: 'a missing path for graph', args: ['graph', 'nope'], message: /cannot read 'nope'/ },
    { name: 'a missing path in json format', args: ['check', 'nope', '--format', 'json'], message: /cannot read 'nope'/ },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const result = runCli(c.args, tree.dir);
      assertRefused(result, c.message, c.name);
      assert.equal(result.stderr.split('\n').length, 2, `${c.name}: a usage error is one line:\n${result.stderr}`);
    });
  }

  test('an empty path (an unset shell variable): a usage error, not a check of the whole folder', () => {
    assertRefused(runCli(['check', ''], tree.dir), /fleet-roles: .*(empty|'')/, 'an empty path');
  });
});

describe('unreadable paths (chmod 000; as the user nobody when the tests run as root)', () => {
  const runner = permissionRunner();
  const skip = runner.reason ?? false;
  const tree = makeTree({ ...Object.fromEntries(Object.entries(sampleFiles('a/roles'))), ...sampleFiles('b/roles'), 'b/fleet-roles.json': '{}\n' });
  const at = (rel: string) => nodePath.join(tree.dir, rel);
  before(() => {
    if (skip) return;
    for (const dir of ['', 'a', 'b', 'b/roles']) openToAll(at(dir));
    chmodSync(at('a/roles'), 0o000);
    chmodSync(at('b/roles/operations-manager.md'), 0o000);
  });
  after(() => {
    chmodSync(at('a/roles'), 0o755);
    tree.dispose();
  });

  test('a role file that cannot be read, named on the command line: exit 2, "permission denied"', { skip }, () => {
    assertRefused(
      runCliWith(runner.command!, ['check', 'a/roles/operations-manager.md'], tree.dir),
      /cannot read 'a\/roles\/operations-manager\.md': permission denied/,
      'unreadable file',
    );
  });

  test('a role file that cannot be read inside a library: its unreadable-file error, exit 1', { skip }, () => {
    const result = runCliWith(runner.command!, ['check', 'b'], tree.dir);
    assertNoStackTrace(result.stderr + result.stdout);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^b\/roles\/operations-manager\.md:1:1 error unreadable-file The file cannot be read \(permission denied\)\.$/m);
  });

  test('a role folder that cannot be read: exit 2, and the message says why', { skip }, () => {
    assertRefused(runCliWith(runner.command!, ['check', 'a/roles'], tree.dir), /a\/roles.*permission denied/, 'unreadable folder');
  });

  test('a folder whose only roles folder cannot be read: "no role files" says which folder and why', { skip }, () => {
    assertRefused(
      runCliWith(runner.command!, ['check', 'a'], tree.dir),
      /^fleet-roles: no role files under a: cannot read 'a\/roles' \(permission denied\)$/m,
      'unreadable folder below',
    );
  });

  test('a configuration that cannot be read: invalid-config in words, exit 2', { skip }, () => {
    chmodSync(at('b/fleet-roles.json'), 0o000);
    try {
      const result = runCliWith(runner.command!, ['check', 'b'], tree.dir);
      assertRefused(result, /^b\/fleet-roles\.json:1:1 error invalid-config /m, 'unreadable configuration');
      assert.match(result.stderr, /permission denied/);
    } finally {
      chmodSync(at('b/fleet-roles.json'), 0o644);
    }
  });
});

describe('a path that is a file but not a role, or no role folder at all', () => {
  const tree = makeTree({
    ...sampleFiles('lib/roles'),
    'lib/roles/README.md': '# About this library\n',
    'notes.txt': 'hi\n',
    'docs/notes.md': '# Notes\n\nThe **hr-generalist** is mentioned.\n',
    'docs/guide.md': '# Guide\n',
    'empty/.keep': '',
    'hidden/.roles/x-role.md': '# x\n',
    'vendored/node_modules/roles/x-role.md': '# x\n',
  });
  const at = (rel: string) => nodePath.join(tree.dir, rel);
  before(() => {
    execFileSync('mkfifo', [at('pipe.md')]);
  });
  after(() => tree.dispose());

  // Outside every library: "no role library found", exit 3. Inside one, but no role file: a usage error, exit 2.
  const noLibrary =
    /^fleet-roles: no role library found under .+: a library is a fleet-roles\.json, a folder named 'roles' holding a LIBRARY\.md or a role file that declares class, domain or persistent_persona, or one of the folders the agent tools read \(\.claude\/agents, \.github\/agents, \.opencode\/agents, \.opencode\/agent, \.gemini\/agents, \.cursor\/agents, \.agents\/skills, \.github\/skills, \.opencode\/skills, \.claude\/skills\)$/m;
  const noRoles = /^fleet-roles: no role files under .+: the paths hold no role file of the libraries found$/m;
  const cases: Array<{ name: string; args: string[]; cwd?: string; exit: 2 | 3 }> = [
    { name: 'a text file', args: ['check', 'notes.txt'], exit: 2 },
    { name: 'a Markdown file outside any role folder', args: ['check', 'docs/notes.md'], exit: 3 },
    { name: 'a folder of Markdown without a roles folder', args: ['check', 'docs'], exit: 3 },
    { name: "a library's README (a document, not a role)", args: ['check', 'lib/roles/README.md'], exit: 2 },
    { name: 'an empty folder', args: ['check', 'empty'], exit: 3 },
    { name: 'the current folder, empty, by default', args: ['check'], cwd: 'empty', exit: 3 },
    { name: 'a roles folder that is hidden', args: ['check', 'hidden'], exit: 3 },
    { name: 'a roles folder inside node_modules', args: ['check', 'vendored'], exit: 3 },
    { name: 'a FIFO named .md (no hang)', args: ['check', 'pipe.md'], exit: 2 },
    { name: '/dev/null', args: ['check', '/dev/null'], exit: 3 },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const started = Date.now();
      const result = runCli(c.args, c.cwd ? at(c.cwd) : tree.dir);
      if (c.exit === 2) {
        assertRefused(result, noRoles, c.name);
      } else {
        assertNoStackTrace(result.stderr + result.stdout, c.name);
        assert.equal(result.status, 3, `${c.name}: exit ${result.status}\n${result.stderr}`);
        assert.match(result.stderr, noLibrary, c.name);
        assert.equal(result.stdout, '', `${c.name}: something on stdout`);
      }
      assert.ok(Date.now() - started < 20000, `${c.name}: ${Date.now() - started} ms`);
    });
  }
});

describe('a broken configuration: invalid-config with file, line and column, exit 2', () => {
  const config = (json: string | Buffer) => makeTree({ ...sampleFiles('roles'), 'roles/fleet-roles.json': json as string });
  const invalid = /^roles\/fleet-roles\.json:\d+:\d+ error invalid-config .+$/m;
  const cases: Array<{ name: string; json: string }> = [
    { name: 'invalid JSON', json: '{ "domains": [' },
    { name: 'an empty file', json: '' },
    { name: 'only a comment', json: '// nothing\n' },
    { name: 'a JSON array', json: '[]' },
    { name: 'a JSON string', json: '"roles"' },
    { name: 'a wrong type', json: '{ "domains": "operations" }' },
    { name: 'an unknown key', json: '{ "domain": ["operations"] }' },
    { name: 'a domain that is no slug', json: '{ "domains": ["Operations Team"] }' },
    { name: 'no domain at all', json: '{ "domains": [] }' },
    { name: 'an unknown severity', json: '{ "severity": { "unknown-role": "fatal" } }' },
    { name: 'NUL bytes', json: '{ "domains": ["hr"]\u0000\u0000 }' },
    { name: 'binary bytes', json: '\u0089PNG\r\n\u001a\n\u0000\u0000' },
    { name: 'a domain of 1 MB that is no slug', json: `{ "domains": ["${'A'.repeat(1_000_000)}"] }` },
    { name: '10,000 errors', json: `{ ${'"x": 1 '.repeat(10000)} }` },
    { name: 'an array nested 100,000 deep', json: `{ "domains": ${'['.repeat(100000)}${']'.repeat(100000)} }` },
    { name: 'an object nested 100,000 deep', json: `{ "domains": ${'{"a":'.repeat(100000)}1${'}'.repeat(100000)} }` },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const tree = config(c.json);
      try {
        for (const format of c.name === 'invalid JSON' ? ['text', 'json', 'sarif'] : ['json']) {
          const result = runCli(['check', 'roles', '--format', format], tree.dir);
          assertRefused(result, invalid, `${c.name} (${format})`);
          assert.match(result.stderr, /^fleet-roles: the configuration is not valid; nothing was checked$/m);
        }
      } finally {
        tree.dispose();
      }
    });
  }

  test('a 50 MB configuration: refused at once, in words', () => {
    const tree = config('{}');
    try {
      sparse(nodePath.join(tree.dir, 'roles/fleet-roles.json'), 50 * 1024 * 1024);
      const started = Date.now();
      const result = runCli(['check', 'roles'], tree.dir);
      assertRefused(result, invalid, '50 MB');
      assert.ok(Date.now() - started < 10000);
      assert.doesNotMatch(result.stderr, /\(E[A-Z]+\)/, 'a raw error code');
    } finally {
      tree.dispose();
    }
  });

  test('accepted as VS Code accepts settings: a BOM, comments, trailing commas (exit 0)', () => {
    const tree = config(
      '\uFEFF{\n  // the library\'s domains\n  "domains": ["business", "data", "delivery", "design", "engineering", "executive", "finance", "hr", "legal", "marketing", "operations", "product", "research", "sales", "security", "support",],\n}\n',
    );
    try {
      const result = runCli(['check', 'roles'], tree.dir);
      assert.equal(result.status, 0, result.stderr + result.stdout);
    } finally {
      tree.dispose();
    }
  });

  for (const [name, target] of [
    ['a folder', 'cfgdir'],
    ['a missing file', 'nope.json'],
    ['a FIFO', 'pipe.json'],
    ['a role file', 'roles/operations-manager.md'],
  ] as const) {
    test(`--config naming ${name}: exit 2 with a message, no hang`, () => {
      const tree = makeTree(sampleFiles('roles'));
      try {
        mkdirSync(nodePath.join(tree.dir, 'cfgdir'));
        execFileSync('mkfifo', [nodePath.join(tree.dir, 'pipe.json')]);
        const result = runCli(['check', 'roles', '--config', target], tree.dir);
        assertRefused(result, new RegExp(`${target.replace('.', '\\.')}`), name);
        assert.doesNotMatch(result.stderr, /\(E[A-Z]+\)/, 'a raw error code');
      } finally {
        tree.dispose();
      }
    });
  }

  test('a broken configuration next to the checked path still stops the check (the graph command too)', () => {
    const tree = makeTree({ ...sampleFiles('roles'), 'roles/fleet-roles.json': '{ "domains": [' });
    try {
      assertRefused(runCli(['check', 'roles/operations-manager.md'], tree.dir), invalid, 'one file');
      assertRefused(runCli(['graph', 'roles'], tree.dir), invalid, 'graph');
    } finally {
      tree.dispose();
    }
  });
});

describe('usage errors', () => {
  const tree = makeTree(sampleFiles('roles'));
  after(() => tree.dispose());
  const cases: Array<{ name: string; args: string[]; message: RegExp }> = [
    { name: 'no command', args: [], message: /^fleet-roles: no command: use check, graph, new, init, server/ },
    { name: 'an unknown command', args: ['bogus'], message: /unknown command 'bogus'/ },
    { name: 'an unknown option', args: ['check', '--bogus'], message: /--bogus/ },
    { name: 'an unknown format', args: ['check', 'roles', '--format', 'xml'], message: /unknown format 'xml'/ },
    { name: 'an unknown graph format', args: ['graph', 'roles', '--format', 'svg'], message: /unknown graph format 'svg'/ },
    { name: 'a missing option value', args: ['check', '--config'], message: /--config/ },
    { name: 'a format given twice', args: ['check', 'roles', '--format', 'json', '--format', 'nope'], message: /format/ },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const result = runCli(c.args, tree.dir);
      assertRefused(result, c.message, c.name);
      assert.equal(result.stderr.split('\n').length, 2, `${c.name}: a usage error is one line:\n${result.stderr}`);
    });
  }

  test('many paths, among them every odd one: the first unreadable stops the check, with its name', () => {
    writeFileSync(nodePath.join(tree.dir, 'notes.txt'), 'hi');
    const result = runCli(['check', 'roles', 'notes.txt', 'missing-1', 'missing-2'], tree.dir);
    assertRefused(result, /cannot read 'missing-1'/, 'many paths');
  });
});
