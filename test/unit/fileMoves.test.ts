import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/core';
import { FileMoves } from '../../server/src/core/fileMoves';
import { RoleWorkspace } from '../../server/src/core/workspace/roleWorkspace';
import { loadService } from '../support/loadService';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { sampleLibrary, SEED_PATH } from '../support/seed';
import { positionAt } from './helpers';

const PM = '/ws/roles/project-manager.md';
const LEAD = '/ws/roles/delivery-lead.md';
const INDEX = '/ws/roles/LIBRARY.md';
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe("the editor's file moves, through the language service", () => {
  test('a move our own rename asked for gets no second copy of its edits; another move of the same file does', async () => {
    const { service } = await loadService(sampleLibrary());
    const edit = (await service.rename(SEED_PATH, positionAt(sampleLibrary()[SEED_PATH], '**project-manager**', 4), 'delivery-lead')) as WorkspaceEdit;
    assert.ok(edit.documentChanges!.some(c => 'kind' in c && c.kind === 'rename'));
    assert.equal(service.willRenameFiles([{ from: PM, to: LEAD }]), undefined, "the rename's own move");
    assert.ok(service.willRenameFiles([{ from: PM, to: '/ws/roles/change-lead.md' }]), 'a move the rename did not ask for');
    assert.ok(service.willRenameFiles([{ from: PM, to: LEAD }]), "the rename's move is answered once only");
  });

  test('a document closed while its file is moving is dropped, not read again from a disk that still holds it', async () => {
    const { service, fs, diagnostics } = await loadService(sampleLibrary());
    service.setDocument(PM, sampleLibrary()[PM]);
    service.willRenameFiles([{ from: PM, to: LEAD }]);
    // The disk still holds the old file: the editor has not moved it yet.
    const affected = await service.closeDocument(PM);
    assert.ok(affected.has(SEED_PATH), "the seed's reference is affected");
    assert.equal(service.getDiagnostics(PM), undefined, 'no longer indexed under its old name');
    assert.ok(diagnostics(SEED_PATH).some(d => d.code === 'unknown-role' && d.message.includes('project-manager')));
    fs.files.set(LEAD, fs.files.get(PM)!);
    fs.files.delete(PM);
    const moved = await service.didRenameFiles([{ from: PM, to: LEAD }]);
    assert.ok(moved.affected.has(LEAD));
    assert.deepEqual(
      diagnostics(LEAD).map(d => d.code),
      ['class-filename-mismatch'],
      'indexed under its new name (its class is still the old one)',
    );
    assert.equal(service.getDiagnostics(PM), undefined);
  });

  test('a close with no move announced reads the disk again', async () => {
    const { service, diagnostics } = await loadService(sampleLibrary());
    service.setDocument(PM, sampleLibrary()[PM].replace('class: project-manager', 'class: nobody'));
    assert.ok(diagnostics(PM).some(d => d.code === 'class-filename-mismatch'));
    await service.closeDocument(PM);
    assert.deepEqual(diagnostics(PM), [], "the disk's text counts again");
  });

  test("didRenameFiles alone (no watcher) drops the old path and reads the new one, keeping the index's view right", async () => {
    const { service, fs, diagnostics } = await loadService(sampleLibrary());
    fs.files.set(LEAD, fs.files.get(PM)!.replace('class: project-manager', 'class: delivery-lead'));
    fs.files.delete(PM);
    const { affected } = await service.didRenameFiles([{ from: PM, to: LEAD }]);
    assert.ok(affected.has(INDEX) && affected.has(SEED_PATH));
    assert.deepEqual(diagnostics(LEAD), []);
    assert.ok(
      diagnostics(INDEX).some(d => d.code === 'index-unknown-role'),
      'the index names a role that is gone',
    );
  });

  test('a completed move is never handed back as abandoned', async () => {
    const abandoned: string[] = [];
    const service = createLanguageService({ fs: new MemoryFileSystem(sampleLibrary()), uriOf: p => `file://${p}`, onMoveAbandoned: p => abandoned.push(p) });
    await service.load(['/ws']);
    service.willRenameFiles([{ from: PM, to: LEAD }]);
    await service.didRenameFiles([{ from: PM, to: LEAD }]);
    await new Promise(resolve => setTimeout(resolve, 50));
    assert.deepEqual(abandoned, []);
  });
});

describe('the file moves object', () => {
  const workspace = async () => {
    const ws = new RoleWorkspace(new MemoryFileSystem(sampleLibrary()), p => `file://${p}`);
    await ws.load(['/ws']);
    return ws;
  };

  test('an announced move is leaving until it is reported done', async () => {
    const moves = new FileMoves(await workspace(), () => assert.fail('a completed move is not abandoned'), 50);
    moves.willRename([{ from: PM, to: LEAD }], { isCancellationRequested: false });
    assert.equal(moves.isLeaving(PM), true);
    assert.equal(moves.isLeaving(LEAD), false);
    assert.deepEqual(moves.didRename([{ from: PM, to: LEAD }]), [
      { path: PM, deleted: true },
      { path: LEAD, deleted: false },
    ]);
    assert.equal(moves.isLeaving(PM), false);
    await sleep(100);
  });

  test('a move never completed is abandoned after its lifetime: its old path is handed back and no longer leaving', async () => {
    const abandoned: string[] = [];
    const moves = new FileMoves(await workspace(), from => abandoned.push(from), 20);
    moves.willRename([{ from: PM, to: LEAD }], { isCancellationRequested: false });
    await sleep(80);
    assert.deepEqual(abandoned, [PM]);
    assert.equal(moves.isLeaving(PM), false);
  });

  test("a rename's requested move is forgotten after twice the lifetime: the editor's late move then gets its edits", async () => {
    const moves = new FileMoves(await workspace(), () => undefined, 20);
    moves.requested([{ from: PM, to: LEAD }]);
    await sleep(60);
    assert.ok(moves.willRename([{ from: PM, to: LEAD }], { isCancellationRequested: false }));
  });
});
