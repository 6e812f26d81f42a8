import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { Location } from 'vscode-languageserver-protocol';
import { LITTLE_CAPABILITIES, LspTestClient, uriOf } from '../support/lspClient';
import { copySampleLibrary } from '../support/tempLibrary';

/**
 * A role file opened on its own: VS Code with no folder open, or a client
 * that names no root. The server finds the file's library from the file,
 * as discovery would from its folder.
 */
describe('a role file opened with no workspace folder', () => {
  const lib = copySampleLibrary();
  const seedPath = nodePath.join(lib.roles, 'operations-manager.md');
  const seedUri = uriOf(seedPath);
  const seedText = readFileSync(seedPath, 'utf8');
  let client: LspTestClient;

  before(async () => {
    ({ client } = await LspTestClient.start([], { capabilities: LITTLE_CAPABILITIES, rootOnly: true }));
  });
  after(async () => {
    await client.stop();
    lib.dispose();
  });

  test('is checked against its library, and its references resolve', async () => {
    await client.open(seedUri, seedText.replace('**hr-generalist**', '**hr-generalst**'));
    await client.publishedUntil(p => (p.get(seedUri) ?? []).some(d => d.code === 'unknown-role'));
    assert.match(client.published.get(seedUri)![0].message, /Did you mean 'hr-generalist'/);
    const lines = seedText.split('\n');
    const line = lines.findIndex(l => l.includes('**business-analyst**'));
    const definition = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: seedUri },
      position: { line, character: lines[line].indexOf('**business-analyst**') + 4 },
    });
    assert.deepEqual(
      definition.map(l => l.uri),
      [uriOf(nodePath.join(lib.roles, 'business-analyst.md'))],
    );
  });

  test('other Markdown opened the same way is left alone', async () => {
    const notes = uriOf(nodePath.join(lib.workspace, 'NOTES.md'));
    await client.open(notes, '# Notes\n\nThe **nobody-here** is bold.\n');
    const hover = await client.request('textDocument/hover', { textDocument: { uri: notes }, position: { line: 2, character: 8 } });
    assert.equal(hover, null);
    assert.equal(client.published.get(notes), undefined);
    assert.deepEqual(client.errors(), []);
  });
});
