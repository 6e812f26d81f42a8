import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { LspTestClient, SERVER_COMMANDS, uriOf } from '../support/lspClient';
import { copySampleLibrary } from '../support/tempLibrary';

test('the bundled server the extension ships starts and checks the library', async () => {
  const lib = copySampleLibrary();
  const { client, result } = await LspTestClient.start([lib.workspace], SERVER_COMMANDS.bundled);
  try {
    assert.equal(result.serverInfo?.name, 'fleet-roles');
    assert.match(result.serverInfo?.version ?? '', /^\d+\.\d+\.\d+$/);
    const seed = nodePath.join(lib.roles, 'operations-manager.md');
    const text = readFileSync(seed, 'utf8');
    assert.deepEqual(await client.diagnostics(uriOf(seed)), []);
    await client.open(uriOf(seed), text);
    await client.change(uriOf(seed), text.replace('**business-analyst**', '**busines-analyst**'));
    const ds = await client.diagnostics(uriOf(seed));
    assert.deepEqual(
      ds.map(d => d.message),
      ["Unknown role 'busines-analyst'. Did you mean 'business-analyst'?"],
    );
  } finally {
    await client.stop();
    lib.dispose();
  }
});
