/**
 * Odd files on a real disk, through the CLI binary and the language server:
 * binary files named .md, a 50 MB file, unreadable files, symbolic-link loops,
 * links out of the workspace, a folder named x.md, case-only renames, files
 * deleted between the event and the read, a FIFO and /dev/zero named .md.
 *
 * The rule for a long-running server: after any sequence of file events, its
 * diagnostics for every file equal those of a fresh load of the disk (the
 * index stays consistent), and it goes on answering.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { FileChangeType, type Diagnostic, type FileEvent } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';
import { runCli } from '../support/runCli';
import {
  assertNoStackTrace,
  assertWellFormed,
  comparable,
  freshDiskDiagnostics,
  killServer,
  openToAll,
  permissionRunner,
  rssMiB,
  runCliWith,
  SEED_NAME,
  seedText,
  serverView,
  startServer,
  stopServer,
  tempWorkspace,
  uriOf,
  within,
} from './support';

const { Created, Changed, Deleted } = FileChangeType;
const HAS_PROC_MEM = existsSync('/proc/self/mem');

/** A clean role of the sample library named `name` (the seed, renamed). */
const roleNamed = (name: string) => seedText().replace(/operations-manager/g, name);

/** Bytes that are surely not text: a PNG header, NUL bytes, random bytes. */
const binaryBytes = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), randomBytes(4096)]);

/** Bytes that are not UTF-8 but hold no NUL: Latin-1 text and stray continuation bytes. */
const latin1Role = () =>
  Buffer.concat([
    Buffer.from(roleNamed('latin-role').replace('Operations Manager', 'Op\xe9rations Manag\xe9r'), 'latin1'),
    Buffer.from([0x80, 0xbf, 0xc0, 0xff, 0xfe]),
  ]);

/** A sparse file of `bytes`: made at once, whatever its size. */
function sparseFile(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

const codesOf = (ds: Diagnostic[] | undefined) => (ds ?? []).map(d => String(d.code));

/** The server's diagnostics for every file equal a fresh load's. */
async function assertConsistent(client: LspTestClient, workspace: string, what: string): Promise<void> {
  const server = await within(serverView(client), 15000, `${what}: workspace diagnostics`);
  const fresh = comparable(await freshDiskDiagnostics([workspace]));
  const short = (o: Record<string, string[]>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.slice(uriOf(workspace).length), v]));
  assert.deepEqual(short(server), short(fresh), `${what}: the server's index differs from a fresh load of the disk`);
}

/** The server answers: the seed's diagnostics, a completion and a definition, each in time. */
async function assertServing(client: LspTestClient, roles: string, what: string): Promise<void> {
  const seedUri = uriOf(nodePath.join(roles, SEED_NAME));
  const seed = seedText();
  assert.deepEqual(codesOf(await within(client.diagnostics(seedUri), 10000, `${what}: diagnostics`)), [], `${what}: the seed is not clean`);
  const lines = seed.split('\n');
  const line = lines.findIndex(l => l.includes('**hr-generalist**'));
  const character = lines[line].indexOf('hr-generalist') + 2;
  const locations = await within(client.definition(seedUri, { line, character }), 10000, `${what}: definition`);
  assert.equal(locations[0]?.uri, uriOf(nodePath.join(roles, 'hr-generalist.md')), `${what}: definition`);
  await within(client.completion(seedUri, { line, character }), 10000, `${what}: completion`);
}

describe('odd files found at load: the CLI and a fresh server', () => {
  const ws = tempWorkspace();
  const outside = mkdtempSync(nodePath.join(os.tmpdir(), 'fleet-roles-outside-'));
  let client: LspTestClient | undefined;
  const p = (rel: string) => nodePath.join(ws.roles, rel);

  before(() => {
    writeFileSync(p('binary.md'), binaryBytes());
    writeFileSync(p('latin-role.md'), latin1Role());
    sparseFile(p('big-role.md'), 50 * 1024 * 1024);
    writeFileSync(p('empty.md'), '');
    writeFileSync(p('bom-only.md'), '\uFEFF');
    symlinkSync('loop-b.md', p('loop-a.md'));
    symlinkSync('loop-a.md', p('loop-b.md'));
    symlinkSync('.', p('self'));
    symlinkSync('..', p('up'));
    symlinkSync('dangling-target.md', p('dangling.md'));
    writeFileSync(nodePath.join(outside, 'outsider.md'), roleNamed('outsider'));
    symlinkSync(nodePath.join(outside, 'outsider.md'), p('outsider.md'));
    symlinkSync(outside, p('outdir'));
    mkdirSync(p('x.md'));
    writeFileSync(p('x.md/inner-role.md'), roleNamed('inner-role'));
    execFileSync('mkfifo', [p('pipe.md')]);
    symlinkSync('/dev/zero', p('zero.md'));
    if (HAS_PROC_MEM) symlinkSync('/proc/self/mem', p('mem.md'));
  });
  after(async () => {
    if (client) await stopServer(client);
    ws.dispose();
    rmSync(outside, { recursive: true, force: true });
  });

  test('check: exits 1 in time, no stack trace, each odd file reported as it should be', () => {
    const started = Date.now();
    const result = runCli(['check', 'roles', '--format', 'json'], ws.workspace);
    assert.ok(Date.now() - started < 30000, `took ${Date.now() - started} ms`);
    assertNoStackTrace(result.stderr + result.stdout);
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout) as { files: Array<{ path: string; diagnostics: Diagnostic[] }> };
    const byPath = new Map(report.files.map(f => [f.path, f.diagnostics]));
    const unreadable = (path: string, message: RegExp) => {
      const ds = byPath.get(path);
      assert.ok(ds, `${path} is not reported`);
      assert.deepEqual(codesOf(ds), ['unreadable-file'], path);
      assert.match(ds[0].message, message, path);
    };
    unreadable('roles/binary.md', /not text/);
    unreadable('roles/big-role.md', /50\.0 MiB/);
    // /proc/self/mem (a "regular file" of 0 bytes) and a role file outside: links out of the workspace, not read.
    if (HAS_PROC_MEM) unreadable('roles/mem.md', /leads outside the workspace/);
    unreadable('roles/outsider.md', /leads outside the workspace/);
    assert.deepEqual(byPath.get('roles/x.md/inner-role.md'), [], 'the folder named x.md is walked like any folder');
    for (const path of ['roles/x.md', 'roles/loop-a.md', 'roles/loop-b.md', 'roles/pipe.md', 'roles/zero.md', 'roles/dangling.md']) {
      assert.ok(!byPath.has(path), `${path} is reported as a role file`);
    }
    assert.ok(
      !report.files.some(f => f.path.startsWith('roles/self/') || f.path.startsWith('roles/up/') || f.path.startsWith('roles/outdir/')),
      'a linked folder was walked',
    );
    const latin = byPath.get('roles/latin-role.md')!;
    assertWellFormed(readFileSync(p('latin-role.md'), 'latin1'), latin);
    for (const empty of ['roles/empty.md', 'roles/bom-only.md']) assert.ok(codesOf(byPath.get(empty)).includes('missing-title'), empty);
  });

  test('the server indexes the same workspace in time and serves it', async () => {
    client = await startServer([ws.workspace]);
    await assertServing(client, ws.roles, 'after load');
    const server = await serverView(client);
    const fresh = comparable(await freshDiskDiagnostics([ws.workspace]));
    assert.deepEqual(server, fresh);
    assert.deepEqual(server[uriOf(p('binary.md'))], ['unreadable-file@0:0-0:0']);
  });
});

describe('odd files arriving through watched-file events: the index stays consistent', () => {
  const ws = tempWorkspace();
  const outside = mkdtempSync(nodePath.join(os.tmpdir(), 'fleet-roles-outside-'));
  const p = (rel: string) => nodePath.join(ws.roles, rel);
  const event = (rel: string, type: FileChangeType): FileEvent => ({ uri: uriOf(p(rel)), type });
  let client: LspTestClient;

  before(async () => {
    client = await startServer([ws.workspace]);
    await assertServing(client, ws.roles, 'start');
  });
  after(async () => {
    await stopServer(client);
    ws.dispose();
    rmSync(outside, { recursive: true, force: true });
  });

  /** Removes files (and folders) and tells the server, so the next test starts from the sample library. */
  async function cleanUp(...rels: string[]): Promise<void> {
    for (const rel of rels) {
      // chmod follows links: on `self -> .` it would take the execute bit off
      // the roles folder itself, and every later test would fail with EACCES.
      const stat = lstatSync(p(rel), { throwIfNoEntry: false });
      if (stat && !stat.isSymbolicLink()) chmodSync(p(rel), stat.isDirectory() ? 0o755 : 0o644);
      rmSync(p(rel), { recursive: true, force: true });
    }
    await client.filesChanged(rels.map(rel => event(rel, Deleted)));
  }

  test('a binary file named .md: one unreadable-file', async () => {
    writeFileSync(p('binary.md'), binaryBytes());
    await client.filesChanged([event('binary.md', Created)]);
    assert.deepEqual(codesOf(await client.diagnostics(uriOf(p('binary.md')))), ['unreadable-file']);
    await assertConsistent(client, ws.workspace, 'binary');
    await assertServing(client, ws.roles, 'binary');
    await cleanUp('binary.md');
  });

  test('a 50 MB file is not read, and reads again once it is a role file', async () => {
    const started = Date.now();
    sparseFile(p('huge-role.md'), 50 * 1024 * 1024);
    await client.filesChanged([event('huge-role.md', Created)]);
    const ds = await client.diagnostics(uriOf(p('huge-role.md')));
    assert.deepEqual(codesOf(ds), ['unreadable-file']);
    assert.match(ds[0].message, /50\.0 MiB/);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    await assertConsistent(client, ws.workspace, '50 MB');
    writeFileSync(p('huge-role.md'), roleNamed('huge-role'));
    await client.filesChanged([event('huge-role.md', Changed)]);
    assert.deepEqual(codesOf(await client.diagnostics(uriOf(p('huge-role.md')))), []);
    await assertConsistent(client, ws.workspace, '50 MB, then a role');
    await cleanUp('huge-role.md');
  });

  test('a file that is not UTF-8 is read with U+FFFD and checked', async () => {
    writeFileSync(p('latin-role.md'), latin1Role());
    await client.filesChanged([event('latin-role.md', Created)]);
    assertWellFormed(readFileSync(p('latin-role.md'), 'utf8'), await client.diagnostics(uriOf(p('latin-role.md'))));
    await assertConsistent(client, ws.workspace, 'latin-1');
    await cleanUp('latin-role.md');
  });

  test('a link to a /proc file (a "regular file" of size 0 that is not): a link out, not read, consistent', {
    skip: HAS_PROC_MEM ? false : 'no /proc/self/mem here',
  }, async () => {
    symlinkSync('/proc/self/mem', p('mem.md'));
    symlinkSync('/proc/self/status', p('status.md'));
    await client.filesChanged([event('mem.md', Created), event('status.md', Created)]);
    for (const name of ['mem.md', 'status.md']) assert.deepEqual(codesOf(await client.diagnostics(uriOf(p(name)))), ['unreadable-file'], name);
    await assertConsistent(client, ws.workspace, '/proc files');
    await assertServing(client, ws.roles, '/proc files');
    await cleanUp('mem.md', 'status.md');
  });

  test('a symbolic-link loop between two .md names', async () => {
    symlinkSync('loop-b.md', p('loop-a.md'));
    symlinkSync('loop-a.md', p('loop-b.md'));
    await client.filesChanged([event('loop-a.md', Created), event('loop-b.md', Created)]);
    try {
      await assertServing(client, ws.roles, 'link loop');
      await assertConsistent(client, ws.workspace, 'link loop');
    } finally {
      await cleanUp('loop-a.md', 'loop-b.md');
    }
  });

  test('a folder link loop and a link to the parent are not walked', async () => {
    symlinkSync('.', p('self'));
    symlinkSync('..', p('up'));
    await client.filesChanged([event('self', Created), event('up', Created)]);
    await assertServing(client, ws.roles, 'folder loop');
    await assertConsistent(client, ws.workspace, 'folder loop');
    await cleanUp('self', 'up');
  });

  test('links out of the workspace: a linked role file is not read, even once its target changes; a linked folder is not walked', async () => {
    writeFileSync(nodePath.join(outside, 'outsider.md'), roleNamed('outsider'));
    mkdirSync(nodePath.join(outside, 'more'), { recursive: true });
    writeFileSync(nodePath.join(outside, 'more', 'far-role.md'), roleNamed('far-role'));
    symlinkSync(nodePath.join(outside, 'outsider.md'), p('outsider.md'));
    symlinkSync(nodePath.join(outside, 'more'), p('more'));
    await client.filesChanged([event('outsider.md', Created), event('more', Created)]);
    const refused = await client.diagnostics(uriOf(p('outsider.md')));
    assert.deepEqual(codesOf(refused), ['unreadable-file']);
    assert.match(refused[0].message, /leads outside the workspace/);
    await assertConsistent(client, ws.workspace, 'links out');
    // The target changes outside the workspace; the editor's watcher reports the link's path.
    writeFileSync(nodePath.join(outside, 'outsider.md'), roleNamed('outsider').replace('## Persona', '## Personae'));
    await client.filesChanged([event('outsider.md', Changed)]);
    assert.deepEqual(codesOf(await client.diagnostics(uriOf(p('outsider.md')))), ['unreadable-file']);
    await assertConsistent(client, ws.workspace, 'links out, changed');
    await cleanUp('outsider.md', 'more');
  });

  test('a folder named x.md is a folder, not a role file', async () => {
    mkdirSync(p('x.md'));
    await client.filesChanged([event('x.md', Created)]);
    try {
      assert.deepEqual(await client.diagnostics(uriOf(p('x.md'))), []);
      await assertConsistent(client, ws.workspace, 'folder x.md');
    } finally {
      await cleanUp('x.md');
    }
  });

  test('a role file replaced by a folder of the same name', async () => {
    writeFileSync(p('gone-role.md'), roleNamed('gone-role'));
    await client.filesChanged([event('gone-role.md', Created)]);
    unlinkSync(p('gone-role.md'));
    mkdirSync(p('gone-role.md'));
    await client.filesChanged([event('gone-role.md', Changed)]);
    try {
      await assertConsistent(client, ws.workspace, 'file became folder');
    } finally {
      await cleanUp('gone-role.md');
    }
  });

  test('a folder of role files moved in, with one event for the folder', async () => {
    const staging = mkdtempSync(nodePath.join(os.tmpdir(), 'fleet-roles-staging-'));
    writeFileSync(nodePath.join(staging, 'team-lead.md'), roleNamed('team-lead'));
    renameSync(staging, p('team'));
    await client.filesChanged([event('team', Created)]);
    try {
      assert.deepEqual(codesOf(await client.diagnostics(uriOf(p('team/team-lead.md')))), []);
      await assertConsistent(client, ws.workspace, 'folder moved in');
    } finally {
      await cleanUp('team');
    }
  });

  test('a folder of role files deleted with one event', async () => {
    mkdirSync(p('team2'));
    writeFileSync(p('team2/team-two.md'), roleNamed('team-two'));
    await client.filesChanged([event('team2/team-two.md', Created)]);
    assert.deepEqual(codesOf(await client.diagnostics(uriOf(p('team2/team-two.md')))), []);
    rmSync(p('team2'), { recursive: true });
    await client.filesChanged([event('team2', Deleted)]);
    await assertConsistent(client, ws.workspace, 'folder deleted');
  });

  for (const order of ['deleted first', 'created first'] as const) {
    test(`a case-only rename Tester.md → tester.md (events ${order})`, async () => {
      writeFileSync(p('Tester.md'), roleNamed('tester'));
      await client.filesChanged([event('Tester.md', Created)]);
      assert.ok(codesOf(await client.diagnostics(uriOf(p('Tester.md')))).includes('class-filename-mismatch'));
      renameSync(p('Tester.md'), p('tester.md'));
      const events = [event('Tester.md', Deleted), event('tester.md', Created)];
      await client.filesChanged(order === 'deleted first' ? events : events.reverse());
      assert.deepEqual(codesOf(await client.diagnostics(uriOf(p('tester.md')))), []);
      assert.deepEqual(await client.diagnostics(uriOf(p('Tester.md'))), []);
      await assertConsistent(client, ws.workspace, `case rename, ${order}`);
      // The new name resolves as a reference.
      const seedUri = uriOf(p(SEED_NAME));
      await client.open(seedUri, seedText().replace('**hr-generalist**', '**tester**'));
      assert.deepEqual(codesOf(await client.diagnostics(seedUri)), []);
      await client.close(seedUri);
      await cleanUp('tester.md');
    });
  }

  test('a file deleted before the server reads it is not indexed', async () => {
    await client.filesChanged([event('ghost-role.md', Created), event('ghost-role.md', Changed)]);
    assert.deepEqual(await client.diagnostics(uriOf(p('ghost-role.md'))), []);
    await assertConsistent(client, ws.workspace, 'ghost');
  });

  test('files deleted and replaced while they are being read: consistent once the events are in', async () => {
    // Files near the 4 MiB limit take a while to read; each is deleted or atomically replaced while its events queue.
    const names = Array.from({ length: 24 }, (_, i) => `racer-${i}.md`);
    const big = roleNamed('racer-x') + `\n<!-- ${'x'.repeat(3 * 1024 * 1024)} -->\n`;
    const pending: Array<Promise<void>> = [];
    for (const [i, name] of names.entries()) {
      writeFileSync(p(name), big.replace(/racer-x/g, name.slice(0, -3)));
      pending.push(client.filesChanged([event(name, Created)]));
      if (i % 3 === 0) {
        unlinkSync(p(name));
        pending.push(client.filesChanged([event(name, Deleted)]));
      } else if (i % 3 === 1) {
        writeFileSync(p(`${name}.tmp`), roleNamed(name.slice(0, -3)));
        renameSync(p(`${name}.tmp`), p(name));
        pending.push(client.filesChanged([event(name, Changed)]));
      }
    }
    await Promise.all(pending);
    await assertConsistent(client, ws.workspace, 'racing reads');
    await assertServing(client, ws.roles, 'racing reads');
    await cleanUp(...names);
    await assertConsistent(client, ws.workspace, 'racers gone');
  });
});

describe('odd files that never end: a FIFO and /dev/zero named .md (one server each, killed after)', () => {
  for (const kind of ['a FIFO', 'a link to /dev/zero'] as const) {
    const name = kind === 'a FIFO' ? 'pipe.md' : 'zero.md';
    const make = (roles: string) => {
      if (kind === 'a FIFO') execFileSync('mkfifo', [nodePath.join(roles, name)]);
      else symlinkSync('/dev/zero', nodePath.join(roles, name));
    };

    test(`${kind} named .md, announced by an event, does not stop the server nor swell it`, async () => {
      const ws = tempWorkspace();
      const client = await startServer([ws.workspace]);
      try {
        await assertServing(client, ws.roles, 'start');
        const before = rssMiB(client.process.pid!);
        make(ws.roles);
        await client.filesChanged([{ uri: uriOf(nodePath.join(ws.roles, name)), type: Created }]);
        await within(client.diagnostics(uriOf(nodePath.join(ws.roles, name))), 3000, `diagnostics of ${kind}`);
        await assertServing(client, ws.roles, kind);
        assert.ok(rssMiB(client.process.pid!) < before + 200, `RSS grew from ${before.toFixed(0)} to ${rssMiB(client.process.pid!).toFixed(0)} MiB`);
        // Opened and closed in the editor: the close reads the disk again.
        const uri = uriOf(nodePath.join(ws.roles, name));
        await client.open(uri, '# x\n');
        await client.close(uri);
        await assertServing(client, ws.roles, `${kind}, opened and closed`);
      } finally {
        await killServer(client);
        ws.dispose();
      }
    });

    test(`${kind} named .md, announced by an event: the index stays consistent`, async () => {
      const ws = tempWorkspace();
      const client = await startServer([ws.workspace]);
      try {
        await assertServing(client, ws.roles, 'start');
        make(ws.roles);
        await client.filesChanged([{ uri: uriOf(nodePath.join(ws.roles, name)), type: Created }]);
        await assertConsistent(client, ws.workspace, kind);
      } finally {
        await killServer(client);
        ws.dispose();
      }
    });
  }
});

describe('unreadable files and folders (chmod 000; as the user nobody when the tests run as root)', () => {
  const runner = permissionRunner();
  const skip = runner.reason ?? false;
  const ws = tempWorkspace();
  const p = (rel: string) => nodePath.join(ws.roles, rel);
  before(() => {
    if (skip) return;
    openToAll(ws.workspace);
    writeFileSync(p('secret-role.md'), roleNamed('secret-role'));
    chmodSync(p('secret-role.md'), 0o000);
    mkdirSync(p('locked'));
    writeFileSync(p('locked/locked-role.md'), roleNamed('locked-role'));
    chmodSync(p('locked'), 0o000);
  });
  after(() => {
    if (existsSync(p('locked'))) chmodSync(p('locked'), 0o755);
    ws.dispose();
  });

  test('check: the unreadable file is one unreadable-file that says "permission denied"; the locked folder is passed over', { skip }, () => {
    const result = runCliWith(runner.command!, ['check', 'roles', '--format', 'json'], ws.workspace);
    assertNoStackTrace(result.stderr + result.stdout);
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout) as { files: Array<{ path: string; diagnostics: Diagnostic[] }> };
    const secret = report.files.find(f => f.path === 'roles/secret-role.md');
    assert.ok(secret, 'the unreadable file is not listed');
    assert.deepEqual(codesOf(secret.diagnostics), ['unreadable-file']);
    assert.match(secret.diagnostics[0].message, /permission denied/);
    assert.ok(!report.files.some(f => f.path.startsWith('roles/locked/')));
    assert.deepEqual(report.files.find(f => f.path === `roles/${SEED_NAME}`)?.diagnostics, []);
  });

  test('the server: unreadable-file at load, clean once readable, unreadable again after a change', { skip }, async () => {
    const { client } = await LspTestClient.start([ws.workspace], [...runner.command!, 'server', '--stdio']);
    try {
      const uri = uriOf(p('secret-role.md'));
      const ds = await within(client.diagnostics(uri), 10000, 'diagnostics');
      assert.deepEqual(codesOf(ds), ['unreadable-file']);
      assert.match(ds[0].message, /permission denied/);
      chmodSync(p('secret-role.md'), 0o644);
      await client.filesChanged([{ uri, type: Changed }]);
      assert.deepEqual(codesOf(await client.diagnostics(uri)), []);
      chmodSync(p('secret-role.md'), 0o000);
      await client.filesChanged([{ uri, type: Changed }]);
      assert.deepEqual(codesOf(await client.diagnostics(uri)), ['unreadable-file']);
      // The locked folder opens: its role is read once an event names it.
      chmodSync(p('locked'), 0o755);
      await client.filesChanged([{ uri: uriOf(p('locked/locked-role.md')), type: Created }]);
      assert.deepEqual(codesOf(await client.diagnostics(uriOf(p('locked/locked-role.md')))), []);
      await assertServing(client, ws.roles, 'permissions');
    } finally {
      await killServer(client);
    }
  });
});

describe('a configuration the server cannot parse: it says so and goes on with the defaults', () => {
  const cases = [
    { name: 'invalid JSON', json: '{ "domains": [' },
    { name: 'an array nested 100,000 deep', json: `{ "domains": ${'['.repeat(100000)}${']'.repeat(100000)} }` },
    { name: 'an object nested 100,000 deep', json: `{ "domains": ${'{"a":'.repeat(100000)}1${'}'.repeat(100000)} }` },
    { name: 'a 50 MB file', sparse: true },
  ];
  for (const c of cases) {
    test(`${c.name} in roles/fleet-roles.json`, async () => {
      const ws = tempWorkspace();
      const config = nodePath.join(ws.roles, 'fleet-roles.json');
      if (c.sparse) sparseFile(config, 50 * 1024 * 1024);
      else writeFileSync(config, c.json!);
      const client = await startServer([ws.workspace]);
      const shown: string[] = [];
      client.connection.onRequest('window/showMessageRequest', (m: { message: string }) => {
        shown.push(m.message);
        return null;
      });
      client.connection.onNotification('window/showMessage', (m: { message: string }) => shown.push(m.message));
      try {
        const seedUri = uriOf(nodePath.join(ws.roles, SEED_NAME));
        await client.open(seedUri, seedText().replace('**hr-generalist**', '**hr-generalst**'));
        const ds = await within(client.diagnostics(seedUri), 10000, 'diagnostics');
        assert.deepEqual(codesOf(ds), ['unknown-role'], 'the library was not indexed');
        await within(client.diagnostics(seedUri), 10000, 'diagnostics again');
        assert.ok(
          shown.some(m => /fleet-roles\.json/.test(m)),
          `no message names the configuration: ${JSON.stringify(shown)}`,
        );
        for (const m of shown) assertNoStackTrace(m);
      } finally {
        await killServer(client);
        ws.dispose();
      }
    });
  }
});
