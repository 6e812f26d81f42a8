import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { DidChangeWorkspaceFoldersNotification, type ClientCapabilities, type Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient, uriOf } from '../support/lspClient';
import { copySampleLibrary } from '../support/tempLibrary';

/**
 * Workspace folders added and removed while the server runs
 * (workspace/didChangeWorkspaceFolders): a folder added brings its library's
 * diagnostics, a folder removed takes them away, for a client that pulls
 * them and for one that is sent them.
 */

/** A copy of the sample library whose seed file names a role that does not exist: one unknown-role, on disk. */
function libraryWithOneError(): { workspace: string; seedUri: string; dispose(): void } {
  const lib = copySampleLibrary();
  const seedPath = nodePath.join(lib.roles, 'operations-manager.md');
  writeFileSync(seedPath, readFileSync(seedPath, 'utf8').replace('**hr-generalist**', '**hr-generalst**'));
  return { workspace: lib.workspace, seedUri: uriOf(seedPath), dispose: lib.dispose };
}

/** Past the publication waits' own bound: a refresh that never comes fails its test, named, instead of hanging the step. */
const TEST_TIMEOUT_MS = 60_000;

const codes = (ds: Diagnostic[] | undefined) => (ds ?? []).map(d => d.code);
const folder = (path: string) => ({ uri: uriOf(path), name: nodePath.basename(path) });
const within = (path: string) => (uri: string) => uri.startsWith(`${uriOf(path)}/`);

async function changeFolders(client: LspTestClient, added: string[], removed: string[]): Promise<void> {
  await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
    event: { added: added.map(folder), removed: removed.map(folder) },
  });
}

describe('workspace folders added and removed', () => {
  const first = libraryWithOneError();
  const second = libraryWithOneError();
  after(() => {
    first.dispose();
    second.dispose();
  });

  test('a client that pulls: the added folder is in the next workspace pull, the removed one is not', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { client } = await LspTestClient.start([first.workspace]);
    try {
      let all = await client.allDiagnostics();
      assert.deepEqual(codes(all.get(first.seedUri)), ['unknown-role']);
      assert.equal([...all.keys()].filter(within(second.workspace)).length, 0);

      let refreshed = client.nextRefresh();
      await changeFolders(client, [second.workspace], []);
      await refreshed;
      all = await client.allDiagnostics();
      assert.deepEqual(codes(all.get(first.seedUri)), ['unknown-role']);
      assert.deepEqual(codes(all.get(second.seedUri)), ['unknown-role']);

      refreshed = client.nextRefresh();
      await changeFolders(client, [], [first.workspace]);
      await refreshed;
      all = await client.allDiagnostics();
      assert.deepEqual([...all.keys()].filter(within(first.workspace)), []);
      assert.deepEqual(codes(all.get(second.seedUri)), ['unknown-role']);
      assert.deepEqual(await client.diagnostics(first.seedUri), []);
      assert.deepEqual(client.errors(), []);
    } finally {
      await client.stop();
    }
  });

  test('a client that is sent diagnostics: the added folder is published, the removed one cleared', { timeout: TEST_TIMEOUT_MS }, async () => {
    const pushOnly: ClientCapabilities = { workspace: { workspaceFolders: true }, textDocument: { publishDiagnostics: {} } };
    const { client } = await LspTestClient.start([first.workspace], { capabilities: pushOnly });
    try {
      await client.publishedUntil(p => codes(p.get(first.seedUri)).includes('unknown-role'));
      assert.equal(client.published.get(second.seedUri), undefined);

      await changeFolders(client, [second.workspace], []);
      await client.publishedUntil(p => codes(p.get(second.seedUri)).includes('unknown-role'));
      assert.deepEqual(codes(client.published.get(first.seedUri)), ['unknown-role']);

      await changeFolders(client, [], [first.workspace]);
      await client.publishedUntil(p => p.get(first.seedUri)?.length === 0);
      assert.deepEqual(codes(client.published.get(second.seedUri)), ['unknown-role']);
      assert.deepEqual(client.errors(), []);
    } finally {
      await client.stop();
    }
  });

  test('a folder added inside one already open is read once, and removing it leaves the library of the outer one', { timeout: TEST_TIMEOUT_MS }, async () => {
    const inner = nodePath.join(first.workspace, 'roles');
    const { client } = await LspTestClient.start([first.workspace]);
    try {
      const before = await client.allDiagnostics();
      let refreshed = client.nextRefresh();
      await changeFolders(client, [inner], []);
      await refreshed;
      let all = await client.allDiagnostics();
      assert.deepEqual([...all.keys()].sort(), [...before.keys()].sort());
      assert.deepEqual(codes(all.get(first.seedUri)), ['unknown-role']);

      refreshed = client.nextRefresh();
      await changeFolders(client, [], [inner]);
      await refreshed;
      all = await client.allDiagnostics();
      assert.deepEqual([...all.keys()].sort(), [...before.keys()].sort());
      assert.deepEqual(codes(all.get(first.seedUri)), ['unknown-role']);
    } finally {
      await client.stop();
    }
  });
});
