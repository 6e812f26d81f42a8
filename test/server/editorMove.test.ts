import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { LspTestClient, uriOf } from '../support/lspClient';
import { copySampleLibrary } from '../support/tempLibrary';

/**
 * VS Code's order when a workspace edit renames a role and moves its file:
 * the referrers are edited in open buffers, willRenameFiles is asked, the old
 * document is closed while its file may still be on disk, the new one opened,
 * the file moved, didRenameFiles sent, and the watcher's events come last.
 */
describe('a role file moved by the editor', () => {
  const lib = copySampleLibrary();
  const file = (name: string) => nodePath.join(lib.roles, name);
  let client: LspTestClient;

  before(async () => {
    ({ client } = await LspTestClient.start([lib.workspace]));
    await client.diagnostics(uriOf(file('LIBRARY.md')));
  });
  after(async () => {
    await client.stop();
    lib.dispose();
  });

  test('is never indexed under its old name once the editor has closed it, before or after the disk moves', async () => {
    const [from, to] = [file('project-manager.md'), file('delivery-lead.md')];
    const edited = new Map<string, string>();
    for (const name of readdirSync(lib.roles).filter(n => n.endsWith('.md'))) {
      const text = readFileSync(file(name), 'utf8');
      if (text.includes('project-manager')) edited.set(file(name), text.replaceAll('project-manager', 'delivery-lead'));
    }
    for (const [path, text] of edited) await client.open(uriOf(path), text);
    await client.request('workspace/willRenameFiles', { files: [{ oldUri: uriOf(from), newUri: uriOf(to) }] });
    await client.close(uriOf(from));
    await client.open(uriOf(to), edited.get(from)!);

    // The old file is still on disk: read at its close, it would be a role 'project-manager' missing from the index.
    const all = await client.allDiagnostics();
    assert.ok(all.has(uriOf(to)) && all.has(uriOf(file('LIBRARY.md'))), [...all.keys()].join(', '));
    for (const [uri, ds] of all)
      assert.deepEqual(
        ds.map(d => d.message),
        [],
        uri,
      );

    writeFileSync(to, edited.get(from)!);
    rmSync(from);
    await client.connection.sendNotification('workspace/didRenameFiles', { files: [{ oldUri: uriOf(from), newUri: uriOf(to) }] });
    for (const [path, text] of edited) {
      if (path === from) continue;
      writeFileSync(path, text);
      await client.close(uriOf(path));
    }
    await client.close(uriOf(to));
    await client.filesChanged([
      { uri: uriOf(to), type: FileChangeType.Created },
      { uri: uriOf(from), type: FileChangeType.Deleted },
    ]);
    const moved = await client.allDiagnostics();
    assert.ok(moved.has(uriOf(to)) && !moved.has(uriOf(from)), [...moved.keys()].join(', '));
    for (const [uri, ds] of moved)
      assert.deepEqual(
        ds.map(d => d.message),
        [],
        uri,
      );
    assert.deepEqual(await client.diagnostics(uriOf(file('LIBRARY.md'))), []);
  });

  test('didRenameFiles alone keeps the index right when the watcher says nothing', async () => {
    const [from, to] = [file('hr-generalist.md'), file('people-partner.md')];
    writeFileSync(to, readFileSync(from, 'utf8'));
    rmSync(from);
    const refreshed = client.nextRefresh();
    await client.connection.sendNotification('workspace/didRenameFiles', { files: [{ oldUri: uriOf(from), newUri: uriOf(to) }] });
    await refreshed;
    const seed = await client.diagnostics(uriOf(file('operations-manager.md')));
    // The file moved, its class did not: the class no longer matches the file's name, and the seed's reference is unknown.
    assert.ok(
      seed.some(d => d.code === 'unknown-role'),
      JSON.stringify(seed),
    );
    const moved = await client.diagnostics(uriOf(to));
    assert.ok(
      moved.some(d => d.code === 'class-filename-mismatch'),
      JSON.stringify(moved),
    );
  });
});
