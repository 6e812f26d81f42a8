/**
 * A racing editor (issue 23, item 10): a file changed on disk and, within
 * the server's own watcher's settle time, a rename. The rename's edit must
 * be made on the text the file holds now, never on the indexed text the
 * event has not yet replaced.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { RenameRequest, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit } from '../support/applyEdit';
import { LspTestClient, uriOf } from '../support/lspClient';
import { copySampleLibrary } from '../support/tempLibrary';
import { WATCHES_NOTHING } from './watchesNothing';

const RUNS = 5;

describe("a rename inside the server watcher's settle time, after a disk edit", () => {
  const ws = copySampleLibrary();
  let client: LspTestClient;
  before(async () => {
    client = (await LspTestClient.start([ws.workspace], { capabilities: WATCHES_NOTHING })).client;
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  test(`is made on the disk's text (${RUNS} runs): no file is corrupted`, async () => {
    const seedPath = nodePath.join(ws.roles, 'operations-manager.md');
    const seed = readFileSync(seedPath, 'utf8');
    await client.open(uriOf(seedPath), seed);
    // A request waits for the load: once it answers, the server's watcher is on the folders.
    await client.definition(uriOf(seedPath), { line: 0, character: 0 });
    let name = 'project-manager';
    for (let run = 1; run <= RUNS; run++) {
      const referrer = nodePath.join(ws.roles, 'business-analyst.md');
      // Lines before every reference, so that edits made on the old text land in the wrong places.
      const edited = readFileSync(referrer, 'utf8').replace('\n# ', `\n<!-- run ${run}: a note added on disk -->\n\n# `);
      writeFileSync(referrer, edited);
      const line = readFileSync(seedPath, 'utf8')
        .split('\n')
        .findIndex(l => l.includes(`**${name}**`));
      const renamed = `delivery-lead-${run}`;
      const edit = (await client.connection.sendRequest(RenameRequest.type, {
        textDocument: { uri: uriOf(seedPath) },
        position: { line, character: 3 },
        newName: renamed,
      })) as WorkspaceEdit;
      // The seed is open: its edit is the editor's; on disk it is the same text.
      await client.filesChanged(applyWorkspaceEdit(edit));
      assert.equal(readFileSync(nodePath.join(ws.roles, `${renamed}.md`), 'utf8').includes(`class: ${renamed}`), true, `run ${run}: the class`);
      assert.equal(readFileSync(referrer, 'utf8'), edited.split(name).join(renamed), `run ${run}: the file edited on disk`);
      await client.change(uriOf(seedPath), readFileSync(seedPath, 'utf8'));
      name = renamed;
    }
  });
});
