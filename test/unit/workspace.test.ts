import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { roleText } from './helpers';
import { loadService } from '../support/loadService';

/*
 * The workspace through the language service's door, as the shells drive
 * it: what a workspace pull reports against the result ids a client holds,
 * file events on disk, an editor's buffer opened and closed, and what the
 * status counts.
 */

const A = '/ws/roles/a-role.md';
const OTHER = '/ws/roles/other-role.md';
const README = '/ws/roles/README.md';
const BROKEN = roleText('a-role', { boundaries: ["- **Does NOT do other work** — that is the **missing-role**'s lane."] });

function library() {
  return loadService({ [A]: roleText('a-role'), [OTHER]: roleText('other-role'), [README]: '# Roles\n\nThe **a-role** and the **other-role**.\n' });
}

describe('workspace pull: what a client lacks', () => {
  test('everything at first, in path order; nothing for the ids it holds; only what changed after an edit', async () => {
    const { service } = await library();
    const first = await service.getChangedDiagnostics(new Map());
    assert.deepEqual(
      first.map(r => [r.kind, r.path]),
      [
        ['file', README],
        ['file', A],
        ['file', OTHER],
      ],
    );
    const held = new Map(first.map(r => [r.path, r.kind === 'file' ? r.resultId : '']));
    assert.deepEqual(await service.getChangedDiagnostics(held), []);
    service.setDocument(A, BROKEN);
    const changed = await service.getChangedDiagnostics(held);
    assert.deepEqual(
      changed.map(r => [r.kind, r.path]),
      [['file', A]],
    );
    assert.ok(changed[0].kind === 'file' && changed[0].diagnostics.some(d => d.code === 'unknown-role'));
  });

  test('a file the client knew that is gone is reported with no diagnostics', async () => {
    const { service } = await library();
    const reports = await service.getChangedDiagnostics(new Map([['/ws/roles/gone.md', '1']]));
    assert.deepEqual(
      reports.filter(r => r.kind === 'gone'),
      [{ kind: 'gone', path: '/ws/roles/gone.md', diagnostics: [] }],
    );
  });

  test('a configuration: reported while it has problems, and once more, empty, to a client that held it', async () => {
    const config = '/ws/fleet-roles.json';
    const { service, fs } = await loadService({ [config]: '{ "roleFolders": 3 }', [A]: roleText('a-role'), [OTHER]: roleText('other-role') });
    const reports = await service.getChangedDiagnostics(new Map());
    const reported = reports.find(r => r.path === config);
    assert.equal(reported?.kind, 'config');
    assert.ok(reported.diagnostics.length > 0);
    fs.files.set(config, '{}');
    await service.filesChanged([{ path: config, deleted: false }]);
    assert.deepEqual(
      (await service.getChangedDiagnostics(new Map())).filter(r => r.path === config),
      [],
    );
    assert.deepEqual(
      (await service.getChangedDiagnostics(new Map([[config, '']]))).filter(r => r.path === config),
      [{ kind: 'config', path: config, diagnostics: [] }],
    );
  });
});

describe('file events', () => {
  test('a new role file, a changed one and a deleted one: each affects the files that name it', async () => {
    const { service, fs, diagnostics } = await library();
    const added = '/ws/roles/missing-role.md';
    service.setDocument(A, BROKEN);
    assert.ok(diagnostics(A).some(d => d.code === 'unknown-role'));
    fs.files.set(added, roleText('missing-role'));
    const made = await service.filesChanged([{ path: added, deleted: false }]);
    assert.equal(made.relayout, false);
    assert.ok(made.affected.has(added) && made.affected.has(A), [...made.affected].join(', '));
    assert.ok(!diagnostics(A).some(d => d.code === 'unknown-role'));
    fs.files.delete(added);
    const gone = await service.filesChanged([{ path: added, deleted: true }]);
    assert.ok(gone.affected.has(A));
    assert.equal(service.getDiagnostics(added), undefined);
    assert.ok(diagnostics(A).some(d => d.code === 'unknown-role'));
  });

  test('a file that vanished before its change event is read is dropped', async () => {
    const { service, fs } = await library();
    fs.files.delete(OTHER);
    const result = await service.filesChanged([{ path: OTHER, deleted: false }]);
    assert.deepEqual([...result.affected].sort(), [README, A], 'the files that name it');
    assert.equal(service.getDiagnostics(OTHER), undefined);
    assert.deepEqual(
      service.checkedFiles().map(f => f.path),
      [A],
    );
  });

  test('a deleted folder takes every file below it; a folder that appears is walked', async () => {
    const { service, fs } = await library();
    const files = [...fs.files.keys()];
    for (const path of files) fs.files.delete(path);
    await service.filesChanged([{ path: '/ws/roles', deleted: true }]);
    assert.deepEqual(service.checkedFiles(), []);
    fs.files.set(A, roleText('a-role'));
    fs.files.set(OTHER, roleText('other-role'));
    await service.filesChanged([{ path: '/ws/roles', deleted: false }]);
    assert.deepEqual(
      service.checkedFiles().map(f => f.path),
      [A, OTHER],
    );
  });

  test('a configuration file that comes or goes discovers the libraries again', async () => {
    const { service, fs } = await library();
    fs.files.set('/ws/fleet-roles.json', '{}');
    assert.equal((await service.filesChanged([{ path: '/ws/fleet-roles.json', deleted: false }])).relayout, true);
    const plain = await service.filesChanged([{ path: A, deleted: false }]);
    assert.equal(plain.relayout, false);
  });
});

describe("an editor's buffer", () => {
  test("wins over the disk while open; closed, the disk's text counts again", async () => {
    const { service, diagnostics } = await library();
    assert.deepEqual(diagnostics(A), []);
    service.setDocument(A, BROKEN);
    assert.ok(diagnostics(A).some(d => d.code === 'unknown-role'));
    await service.filesChanged([{ path: A, deleted: false }]);
    assert.ok(
      diagnostics(A).some(d => d.code === 'unknown-role'),
      'a disk event does not replace an open buffer',
    );
    const closed = await service.closeDocument(A);
    assert.ok(closed.has(A));
    assert.deepEqual(diagnostics(A), []);
    assert.deepEqual([...(await service.closeDocument(A))], [], 'closing a file not open changes nothing');
  });

  test('a new, unsaved file in a role folder joins the library', async () => {
    const { service } = await library();
    const fresh = '/ws/roles/fresh-role.md';
    const affected = service.setDocument(fresh, roleText('fresh-role'));
    assert.ok(affected.has(fresh));
    assert.deepEqual(
      service.checkedFiles().map(f => f.path),
      [A, fresh, OTHER],
    );
    assert.ok(service.getDiagnostics(fresh));
  });
});

describe('status and checked files', () => {
  test('checked files are the role files, not the documents; the status counts roles and every indexed file', async () => {
    const { service } = await library();
    assert.deepEqual(service.checkedFiles(), [
      { path: A, library: '/ws' },
      { path: OTHER, library: '/ws' },
    ]);
    const status = service.status();
    assert.equal(status.files, 3);
    assert.deepEqual(
      status.libraries.map(l => [l.id, l.roles]),
      [['/ws', 2]],
    );
  });
});
