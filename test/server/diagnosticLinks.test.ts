import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { ClientCapabilities, Diagnostic } from 'vscode-languageserver-protocol';
import { FULL_CAPABILITIES, LITTLE_CAPABILITIES, LspTestClient, uriOf } from '../support/lspClient';
import { copySampleLibrary, REPO_ROOT } from '../support/tempLibrary';

/*
 * Each diagnostic links to its code's page (codeDescription.href) for a
 * client that declared it shows such links, and for no other: over JSON-RPC,
 * pulled and pushed, both ways.
 */

const repository = (JSON.parse(readFileSync(nodePath.join(REPO_ROOT, 'package.json'), 'utf8')) as { repository: { url: string } }).repository.url;
const PAGE = `${repository.replace(/\.git$/, '')}/blob/main/docs/diagnostics/unknown-role.md`;

/** VS Code's client pulls, and declares codeDescription under publishDiagnostics, as LSP 3.17 has it nowhere else. */
const PULLS_AND_DECLARES: ClientCapabilities = {
  ...FULL_CAPABILITIES,
  textDocument: { ...FULL_CAPABILITIES.textDocument, publishDiagnostics: { codeDescriptionSupport: true } },
};
/** A 3.18 client says so for pulled diagnostics; that answer wins over the one for pushed ones. */
const PULLS_AND_DECLINES: ClientCapabilities = {
  ...PULLS_AND_DECLARES,
  textDocument: { ...PULLS_AND_DECLARES.textDocument, diagnostic: { ...FULL_CAPABILITIES.textDocument!.diagnostic, codeDescriptionSupport: false } as object },
};
const PUSHED_AND_DECLARES: ClientCapabilities = {
  ...LITTLE_CAPABILITIES,
  textDocument: { ...LITTLE_CAPABILITIES.textDocument, publishDiagnostics: { codeDescriptionSupport: true } },
};

async function unknownRole(capabilities: ClientCapabilities, how: 'pull' | 'workspace pull' | 'push'): Promise<Diagnostic> {
  const lib = copySampleLibrary();
  const { client } = await LspTestClient.start([lib.workspace], { capabilities });
  try {
    const path = nodePath.join(lib.roles, 'operations-manager.md');
    const uri = uriOf(path);
    await client.open(uri, readFileSync(path, 'utf8').replace('**hr-generalist**', '**hr-generalst**'));
    let diagnostics: Diagnostic[];
    if (how === 'push') {
      await client.publishedUntil(p => (p.get(uri) ?? []).some(d => d.code === 'unknown-role'));
      diagnostics = client.published.get(uri)!;
    } else {
      diagnostics = how === 'pull' ? await client.diagnostics(uri) : ((await client.allDiagnostics()).get(uri) ?? []);
    }
    const found = diagnostics.find(d => d.code === 'unknown-role');
    assert.ok(found, JSON.stringify(diagnostics));
    return found;
  } finally {
    await client.stop();
    lib.dispose();
  }
}

describe("the link from each diagnostic to its code's page", () => {
  test('pulled, by a client that declares codeDescription (as VS Code does): the page is linked', async () => {
    assert.deepEqual((await unknownRole(PULLS_AND_DECLARES, 'pull')).codeDescription, { href: PAGE });
  });

  test('pulled for the whole workspace, by the same client: linked too', async () => {
    assert.deepEqual((await unknownRole(PULLS_AND_DECLARES, 'workspace pull')).codeDescription, { href: PAGE });
  });

  test('pulled, by a client that declares nothing of it: no link', async () => {
    assert.equal((await unknownRole(FULL_CAPABILITIES, 'pull')).codeDescription, undefined);
  });

  test('pulled, by a client that declines it for pulled diagnostics: no link', async () => {
    assert.equal((await unknownRole(PULLS_AND_DECLINES, 'pull')).codeDescription, undefined);
  });

  test('pushed, to a client that declares it: linked', async () => {
    assert.deepEqual((await unknownRole(PUSHED_AND_DECLARES, 'push')).codeDescription, { href: PAGE });
  });

  test('pushed, to a client that does not: no link', async () => {
    assert.equal((await unknownRole(LITTLE_CAPABILITIES, 'push')).codeDescription, undefined);
  });
});
