import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { FleetRolesApi } from '../../../client/src/extension';
import { EXTENSION_ID, eventually, ours } from '../support';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
/** Long enough for workspaceContains to have fired, or the server to have published, on a loaded machine. */
const SETTLE_MS = 15000;

/**
 * An Ansible repository (roles/<name>/tasks/main.yml, docs/usage.md,
 * README.md): none of it is a role library, so the extension's activation
 * events do not fire, and opening its pages, which activates it through
 * the Markdown language, starts no server and gives no diagnostic.
 */
describe("a repository whose roles folders are Ansible's", function () {
  this.timeout(120000);
  const folder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;

  it('is the fixture', () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
    assert.ok(path.basename(folder()).length > 0);
  });

  it('does not activate the extension', async () => {
    const extension = vscode.extensions.getExtension<FleetRolesApi>(EXTENSION_ID);
    assert.ok(extension, 'the extension is not loaded');
    await sleep(SETTLE_MS);
    assert.equal(extension.isActive, false, 'activated by its activation events');
  });

  it('its Markdown pages, opened, get no diagnostic and start no server', async () => {
    const pages = ['README.md', 'roles/web/README.md', 'roles/web/docs/usage.md', 'roles/db/README.md'].map(rel => vscode.Uri.file(path.join(folder(), rel)));
    for (const uri of pages) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const extension = vscode.extensions.getExtension<FleetRolesApi>(EXTENSION_ID)!;
    await eventually(() => extension.isActive, 'activation through the Markdown language');
    await sleep(SETTLE_MS);
    assert.equal(extension.exports.client.isRunning(), false, 'the language server was started');
    for (const uri of pages) assert.deepEqual(ours(uri), [], uri.fsPath);
  });
});
