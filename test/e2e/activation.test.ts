import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { FleetRolesApi } from '../../client/src/extension';

/**
 * This suite runs first, before any test activates the extension itself:
 * the workspace is the role folder alone (`code roles/`, no fleet-roles.json
 * above it, no `roles` folder inside), and the extension must start by its
 * own activation events, with nothing opened.
 */
describe('activation on the role folder itself', function () {
  this.timeout(120000);

  it('the workspace is the role folder itself', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.equal(path.basename(folders[0].uri.fsPath), 'roles');
  });

  it('starts the extension and its server with no editor open', async () => {
    const extension = vscode.extensions.getExtension<FleetRolesApi>('fleet-roles.fleet-roles');
    assert.ok(extension);
    for (let waited = 0; !extension.isActive && waited < 60000; waited += 200) await new Promise(resolve => setTimeout(resolve, 200));
    assert.ok(extension.isActive, 'not activated by its activation events');
    const status = await extension.exports.whenReady();
    assert.equal(status.libraries, 1);
    assert.equal(status.roles, 21);
  });
});
