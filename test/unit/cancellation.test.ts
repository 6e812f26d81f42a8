import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CancelledError, createLanguageService, type CancellationToken, type RoleLanguageService } from '../../server/src/core';
import { loadService } from '../support/loadService';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { sampleLibrary, SEED_PATH } from '../support/seed';
import { positionAt } from './helpers';

const CANCELLED: CancellationToken = { isCancellationRequested: true };
const seed = () => sampleLibrary()[SEED_PATH];

/** A token the client cancels after the service has looked at it `reads` times: a cancellation that comes mid-walk. */
function cancelledAfter(reads: number): CancellationToken & { reads: number } {
  return {
    reads: 0,
    get isCancellationRequested() {
      return ++this.reads > reads;
    },
  };
}

/** Every question of the service, asked at a reference of the seed with the given token. */
function questions(service: RoleLanguageService, token: CancellationToken): Record<string, () => unknown> {
  const at = positionAt(seed(), '**hr-generalist**', 4);
  const range = { start: at, end: at };
  return {
    getDiagnostics: () => service.getDiagnostics(SEED_PATH, token),
    getConfigDiagnostics: () => service.getConfigDiagnostics('/ws/roles/fleet-roles.json', token),
    getChangedDiagnostics: () => service.getChangedDiagnostics(new Map(), token),
    getCompletions: () => service.getCompletions(SEED_PATH, at, token),
    getDefinition: () => service.getDefinition(SEED_PATH, at, token),
    getHover: () => service.getHover(SEED_PATH, at, token),
    getReferences: () => service.getReferences(SEED_PATH, at, true, token),
    getCodeLenses: () => service.getCodeLenses('/ws/roles/hr-generalist.md', token),
    prepareRename: () => service.prepareRename(SEED_PATH, at, token),
    rename: () => service.rename(SEED_PATH, at, 'people-partner', token),
    willRenameFiles: () => service.willRenameFiles([{ from: '/ws/roles/hr-generalist.md', to: '/ws/roles/people-partner.md' }], token),
    getCodeActions: () => service.getCodeActions(SEED_PATH, range, undefined, token),
    getDocumentSymbols: () => service.getDocumentSymbols(SEED_PATH, token),
    getWorkspaceSymbols: () => service.getWorkspaceSymbols('', token),
    getDocumentLinks: () => service.getDocumentLinks(SEED_PATH, token),
    getSemanticTokens: () => service.getSemanticTokens(SEED_PATH, token),
    getRoleGraphs: () => service.getRoleGraphs(token),
  };
}

/** The call's outcome: its answer, or the error it threw or rejected with. */
async function outcome(call: () => unknown): Promise<{ answer?: unknown; error?: unknown }> {
  try {
    return { answer: await call() };
  } catch (error) {
    return { error };
  }
}

describe('cancellation', () => {
  test('every question asked with a cancelled token ends in CancelledError, before any answer', async () => {
    const { service } = await loadService(sampleLibrary());
    for (const [name, ask] of Object.entries(questions(service, CANCELLED))) {
      const { error } = await outcome(ask);
      assert.ok(error instanceof CancelledError, `${name}: ${String(error)}`);
    }
  });

  test('the same questions with a live token answer (so the test above tells cancellation from failure)', async () => {
    const { service } = await loadService(sampleLibrary());
    for (const [name, ask] of Object.entries(questions(service, { isCancellationRequested: false }))) {
      const { error } = await outcome(ask);
      assert.equal(error, undefined, name);
    }
  });

  test('a walk over the library stops when the token is cancelled during it', async () => {
    const { service } = await loadService(sampleLibrary());
    const at = positionAt(seed(), '**hr-generalist**', 4);
    for (const [name, ask] of Object.entries({
      getReferences: (token: CancellationToken) => service.getReferences(SEED_PATH, at, false, token),
      rename: (token: CancellationToken) => service.rename(SEED_PATH, at, 'people-partner', token),
      getCodeLenses: (token: CancellationToken) => service.getCodeLenses('/ws/roles/hr-generalist.md', token),
    })) {
      const token = cancelledAfter(1);
      await assert.rejects(async () => ask(token), CancelledError, name);
      assert.ok(token.reads > 1, `${name}: the token was read during the walk`);
    }
  });

  test('a cancelled load rejects with CancelledError and indexes nothing', async () => {
    const service = createLanguageService({ fs: new MemoryFileSystem(sampleLibrary()), uriOf: path => `file://${path}` });
    await assert.rejects(service.load(['/ws'], {}, CANCELLED), CancelledError);
    assert.equal(service.status().files, 0);
    await service.load(['/ws']);
    assert.equal(service.status().files, Object.keys(sampleLibrary()).filter(p => p.endsWith('.md')).length);
  });
});
