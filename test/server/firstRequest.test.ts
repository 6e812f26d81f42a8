import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { ClientCapabilities, CompletionList, Hover, Location } from 'vscode-languageserver-protocol';
import { FULL_CAPABILITIES, LITTLE_CAPABILITIES, LspTestClient, uriOf } from '../support/lspClient';
import { copySampleLibrary } from '../support/tempLibrary';

/**
 * An editor that opens a role file as it starts writes `initialized`, the
 * `didOpen` and its first requests back to back. They must get the answers
 * the same requests get once the library is loaded, not the answers of an
 * index still empty.
 */
describe('requests sent in the same chunk as initialized and didOpen', () => {
  for (const [name, capabilities, rootOnly] of [
    ['a client that declares what VS Code does', FULL_CAPABILITIES, false],
    ['a client that declares little', LITTLE_CAPABILITIES, true],
  ] as Array<[string, ClientCapabilities, boolean]>) {
    test(`answer as they do a second later, for ${name}`, async () => {
      const lib = copySampleLibrary();
      const seedPath = nodePath.join(lib.roles, 'operations-manager.md');
      const seedUri = uriOf(seedPath);
      const text = `${readFileSync(seedPath, 'utf8')}\nDefects go to the **qa-eng\n`;
      const lines = text.split('\n');
      const line = (needle: string) => lines.findIndex(l => l.includes(needle));
      const onHr = {
        textDocument: { uri: seedUri },
        position: { line: line('**hr-generalist**'), character: lines[line('**hr-generalist**')].indexOf('**hr-generalist**') + 4 },
      };
      const onQa = { textDocument: { uri: seedUri }, position: { line: line('**qa-eng'), character: lines[line('**qa-eng')].length } };
      const ask = (client: LspTestClient) =>
        Promise.all([
          client.request<Location | Location[] | null>('textDocument/definition', onHr),
          client.request<Hover | null>('textDocument/hover', onHr),
          client.request<Location[] | null>('textDocument/references', { ...onHr, context: { includeDeclaration: false } }),
          client.request<CompletionList | null>('textDocument/completion', onQa),
        ]);
      const { client } = await LspTestClient.start([lib.workspace], { capabilities, rootOnly, holdInitialized: true });
      try {
        const first = await client.inOneChunk(async () => {
          void client.initialized();
          void client.open(seedUri, text);
          return ask(client);
        });
        const early = await first;
        await new Promise(resolve => setTimeout(resolve, 1000));
        const later = await ask(client);

        const [definition, hover, references, completion] = later;
        assert.deepEqual(
          (Array.isArray(definition) ? definition : [definition]).map(l => l?.uri),
          [uriOf(nodePath.join(lib.roles, 'hr-generalist.md'))],
        );
        assert.match(JSON.stringify(hover?.contents), /HR Generalist/);
        assert.ok((references ?? []).length > 0);
        assert.ok(completion?.items.some(i => i.label === 'qa-engineer'));
        assert.deepEqual(early, later);
        assert.deepEqual(client.errors(), []);
      } finally {
        await client.stop();
        lib.dispose();
      }
    });
  }
});
