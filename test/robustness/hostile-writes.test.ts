/**
 * `new` and `init` in a hostile repository or a hostile file system (issue
 * 23, items 13 to 17): a write never follows a link out of the workspace,
 * never lands outside the folder asked for, never re-encodes bytes it did not
 * change, and a write that fails says so in one line, leaving nothing half done.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { makeTree, runCli } from '../support/runCli';
import { assertNoStackTrace, openToAll, permissionRunner, runCliWith } from './support';

const INDEX = '# Role library\n\n- [first-role](./first-role.md) — First Role\n';

/** A library made by `init` in `ws/`, beside a folder `outside/` that stands for the rest of the machine. */
function library() {
  const tree = makeTree({ 'outside/notes.md': 'private notes\n' });
  const at = (rel: string) => nodePath.join(tree.dir, rel);
  mkdirSync(at('ws'));
  const init = runCli(['init'], at('ws'));
  assert.equal(init.status, 0, init.stderr);
  return { tree, at, run: (...args: string[]) => runCli(args, at('ws')) };
}

/** Exit 2, one line on stderr matching `message`, no stack, nothing on stdout. */
function assertRefused(result: { status: number | null; stdout: string; stderr: string }, message: RegExp): void {
  assertNoStackTrace(result.stderr + result.stdout);
  assert.equal(result.status, 2, result.stderr + result.stdout);
  assert.match(result.stderr, message);
  assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
  assert.equal(result.stdout, '');
}

describe('new never writes through a link out of the workspace', () => {
  const disposals: Array<() => void> = [];
  after(() => disposals.forEach(d => d()));

  test('an index that is a link to a file outside is not written to, and no role is created', () => {
    const lib = library();
    disposals.push(lib.tree.dispose);
    writeFileSync(lib.at('outside/LIBRARY.md'), INDEX);
    const index = lib.at('ws/roles/LIBRARY.md');
    rmSync(index);
    symlinkSync(lib.at('outside/LIBRARY.md'), index);
    assertRefused(
      lib.run('new', 'code-reviewer'),
      /^fleet-roles: Nothing was written: LIBRARY\.md would be written through a symbolic link that leads outside the workspace\.$/m,
    );
    assert.equal(readFileSync(lib.at('outside/LIBRARY.md'), 'utf8'), INDEX);
    assert.ok(!existsSync(lib.at('ws/roles/code-reviewer.md')));
  });

  test('a role folder below a link out that does not exist yet is not created there', () => {
    const lib = library();
    disposals.push(lib.tree.dispose);
    writeFileSync(lib.at('ws/fleet-roles.json'), JSON.stringify({ roleFolders: ['far/roles'] }));
    symlinkSync(lib.at('outside'), lib.at('ws/far'));
    assertRefused(
      lib.run('new', 'code-reviewer'),
      /Nothing was written: code-reviewer\.md would be written through a symbolic link that leads outside the workspace/,
    );
    assert.deepEqual(readdirSync(lib.at('outside')), ['notes.md']);
  });
});

describe('init writes only inside the folder it is given', () => {
  for (const name of ['../../../escaped', '', '/tmp/absolute', 'x/../../y']) {
    test(`init --name ${JSON.stringify(name)}: refused, nothing written anywhere`, () => {
      const tree = makeTree({});
      try {
        mkdirSync(nodePath.join(tree.dir, 'a/b/c'), { recursive: true });
        const result = runCli(['init', '--name', name], nodePath.join(tree.dir, 'a/b/c'));
        assertRefused(result, new RegExp(`^fleet-roles: '${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}' is not a role name: use a kebab-case slug`));
        assert.deepEqual(readdirSync(tree.dir, { recursive: true }).sort(), ['a', 'a/b', 'a/b/c']);
      } finally {
        tree.dispose();
      }
    });
  }
});

describe('a write that fails says so in one line and leaves nothing half done', () => {
  const runner = permissionRunner();
  const disposals: Array<() => void> = [];
  after(() => disposals.forEach(d => d()));
  /** The library, readable by the user the runner runs as. */
  function openLibrary() {
    const lib = library();
    disposals.push(() => {
      chmodSync(lib.at('ws/roles'), 0o755);
      lib.tree.dispose();
    });
    for (const dir of ['', 'ws', 'ws/roles']) openToAll(lib.at(dir));
    return lib;
  }
  const indexText = (lib: { at(rel: string): string }) => readFileSync(lib.at('ws/roles/LIBRARY.md'), 'utf8');

  test('a read-only role folder', { skip: runner.reason ?? false }, () => {
    const lib = openLibrary();
    const before = indexText(lib);
    // The index is writable (by the user nobody too, when the tests run as root): only the folder is not.
    chmodSync(lib.at('ws/roles/LIBRARY.md'), 0o666);
    chmodSync(lib.at('ws/roles'), 0o555);
    assertRefused(
      runCliWith(runner.command!, ['new', 'code-reviewer'], lib.at('ws')),
      /^fleet-roles: cannot write 'roles\/code-reviewer\.md' \(permission denied\): nothing was written$/m,
    );
    assert.equal(indexText(lib), before);
  });

  test('a read-only index: no role is created unlisted', { skip: runner.reason ?? false }, () => {
    const lib = openLibrary();
    const before = indexText(lib);
    chmodSync(lib.at('ws/roles/LIBRARY.md'), 0o444);
    assertRefused(
      runCliWith(runner.command!, ['new', 'code-reviewer'], lib.at('ws')),
      /^fleet-roles: cannot write 'roles\/LIBRARY\.md' \(permission denied\): nothing was written$/m,
    );
    assert.ok(!existsSync(lib.at('ws/roles/code-reviewer.md')));
    assert.equal(indexText(lib), before);
  });

  test('a name too long for the file system', () => {
    const lib = openLibrary();
    const before = indexText(lib);
    const name = `a${'-b'.repeat(150)}`;
    assertRefused(
      lib.run('new', name),
      /^fleet-roles: cannot write 'roles\/a-b-b[-b]*\.md' \(the name is too long for the file system\): nothing was written$/m,
    );
    assert.equal(indexText(lib), before);
  });

  test('a dangling link where the role file would go', () => {
    const lib = openLibrary();
    const before = indexText(lib);
    symlinkSync('nowhere.md', lib.at('ws/roles/code-reviewer.md'));
    assertRefused(
      lib.run('new', 'code-reviewer'),
      /^fleet-roles: cannot write 'roles\/code-reviewer\.md' \(a file or a link of that name exists already\): nothing was written$/m,
    );
    assert.equal(indexText(lib), before);
    assert.ok(!existsSync(lib.at('ws/roles/nowhere.md')));
  });

  test('init whose roles folder is read-only: the configuration it wrote first is removed again', { skip: runner.reason ?? false }, () => {
    const tree = makeTree({});
    disposals.push(() => {
      chmodSync(nodePath.join(tree.dir, 'roles'), 0o755);
      tree.dispose();
    });
    // The folder is writable by anyone (the user nobody too), its roles folder by no one.
    chmodSync(tree.dir, 0o777);
    mkdirSync(nodePath.join(tree.dir, 'roles'), { mode: 0o555 });
    chmodSync(nodePath.join(tree.dir, 'roles'), 0o555);
    assertRefused(
      runCliWith(runner.command!, ['init'], tree.dir),
      /^fleet-roles: cannot write 'roles\/LIBRARY\.md' \(permission denied\): nothing was written$/m,
    );
    assert.deepEqual(readdirSync(tree.dir), ['roles']);
  });

  test('init in a read-only folder', { skip: runner.reason ?? false }, () => {
    const tree = makeTree({});
    disposals.push(tree.dispose);
    openToAll(tree.dir);
    chmodSync(tree.dir, 0o555);
    try {
      assertRefused(
        runCliWith(runner.command!, ['init'], tree.dir),
        /^fleet-roles: cannot write 'fleet-roles\.json' \(permission denied\): nothing was written$/m,
      );
    } finally {
      chmodSync(tree.dir, 0o755);
    }
  });
});

describe("new changes only the index's bytes it adds", () => {
  const disposals: Array<() => void> = [];
  after(() => disposals.forEach(d => d()));
  const ENTRY = '- [first-role](./first-role.md) — First Role';
  const NEW_ENTRY = '\n- [code-reviewer](./code-reviewer.md) — Code Reviewer';

  /** `new code-reviewer` over an index of these bytes: the bytes after, and the run. */
  function newOver(index: Buffer) {
    const lib = library();
    disposals.push(lib.tree.dispose);
    writeFileSync(lib.at('ws/roles/LIBRARY.md'), index);
    return { result: lib.run('new', 'code-reviewer'), after: readFileSync(lib.at('ws/roles/LIBRARY.md')), lib };
  }

  test('Latin-1 bytes stay Latin-1 (not U+FFFD): the entry is the only change', () => {
    const head = Buffer.concat([
      Buffer.from('# R'),
      Buffer.from([0xf4]),
      Buffer.from('les de l'),
      Buffer.from([0xe9]),
      Buffer.from('quipe\n\n'),
      Buffer.from(ENTRY),
    ]);
    const index = Buffer.concat([head, Buffer.from('\n\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const { result, after } = newOver(index);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(after, Buffer.concat([head, Buffer.from(NEW_ENTRY), index.subarray(head.length)]));
  });

  test('an index that check calls not text is refused, and left as it was', () => {
    const index = Buffer.concat([Buffer.from(`# Roles\n\n${ENTRY}\n`), Buffer.from([0, 1, 2, 0])]);
    const { result, after, lib } = newOver(index);
    assertRefused(
      result,
      /^fleet-roles: Nothing was written: the library's index LIBRARY\.md, where the role is listed, cannot be read as text\. The file is not text/m,
    );
    assert.deepEqual(after, index);
    assert.ok(!existsSync(lib.at('ws/roles/code-reviewer.md')));
  });

  for (const eol of ['', '\n', '\r\n']) {
    test(`an index with a BOM whose only entry is its first line (${JSON.stringify(eol)} after it): the entry goes after it`, () => {
      const bom = Buffer.from([0xef, 0xbb, 0xbf]);
      const { result, after } = newOver(Buffer.concat([bom, Buffer.from(`${ENTRY}${eol}`)]));
      assert.equal(result.status, 0, result.stderr);
      const newEntry = eol === '\r\n' ? NEW_ENTRY.replace('\n', '\r\n') : NEW_ENTRY;
      assert.deepEqual(after, Buffer.concat([bom, Buffer.from(`${ENTRY}${newEntry}${eol}`)]));
    });
  }
});
