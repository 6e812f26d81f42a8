import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { roleText, rangeOf } from './helpers';
import { loadService } from '../support/loadService';
import { applyTextEdits } from '../support/applyEdit';

/*
 * A rename computed while the disk is ahead of the index (a watcher's event
 * still settling): the edit must fit the text the files hold now, and a
 * file that never stops changing gets a refusal, not an edit that lands at
 * the wrong places.
 */

const A = '/ws/roles/a-role.md';
const OTHER = '/ws/roles/other-role.md';

function editsOf(edit: WorkspaceEdit, path: string) {
  return (edit.documentChanges ?? [])
    .filter((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === `file://${path}`)
    .flatMap(c => c.edits);
}

describe('rename while the disk is ahead of the index', () => {
  test('the edit is made on the text on disk, read again first', async () => {
    const { service, fs } = await loadService({ [A]: roleText('a-role'), [OTHER]: roleText('other-role') });
    const at = rangeOf(roleText('other-role'), '# other-role').start;
    at.character += 3;
    const onDisk = roleText('a-role', { lead: ['A new first paragraph, written outside the editor.', '', 'The **a-role** does its work.'] });
    fs.files.set(A, onDisk);
    const edit = (await service.rename(OTHER, at, 'second-role')) as WorkspaceEdit;
    assert.ok(!('error' in edit), JSON.stringify(edit));
    const renamed = applyTextEdits(onDisk, editsOf(edit, A));
    assert.equal(renamed, onDisk.replace('**other-role**', '**second-role**'));
  });

  test('a file that changes at every read: refused after a few tries, with why', async () => {
    const { service, fs } = await loadService({ [A]: roleText('a-role'), [OTHER]: roleText('other-role') });
    const at = rangeOf(roleText('a-role'), 'other-role').start;
    let reads = 0;
    const read = fs.readFile.bind(fs);
    fs.readFile = async (path: string) => (path === A ? `${roleText('a-role')}\n<!-- read ${++reads} -->\n` : read(path));
    assert.deepEqual(await service.rename(A, at, 'second-role'), {
      error: 'Files the rename edits keep changing on disk: try the rename again once they settle.',
    });
    assert.ok(reads >= 3 && reads <= 6, `${reads} reads`);
  });
});
