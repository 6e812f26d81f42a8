import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { FleetRolesApi } from '../../client/src/extension';
import { eventually, onDisk, positionOf, readyApi, waitForDiagnostics } from './support';

describe('Fleet Roles: New Role… with the name as argument, in the fleet library with its index', function () {
  this.timeout(180000);
  let api: FleetRolesApi;
  let folder: vscode.Uri;

  before(async () => {
    api = await readyApi();
    folder = vscode.workspace.workspaceFolders![0].uri;
  });

  it('writes a fleet role that checks clean, opens it, and lists it in LIBRARY.md', async () => {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'operations-manager.md'));
    const file = vscode.Uri.joinPath(folder, 'release-manager.md');
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('fleetRoles.newRole', 'release-manager');
    assert.equal(created?.toString(), file.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), file.toString(), 'the new file is the active editor');
    assert.match((await onDisk(file)) ?? '', /^---\nclass: release-manager\ndomain: [a-z-]+\npersistent_persona: false\n---\n# Release Manager/);

    // The index is edited, not saved, as any workspace edit leaves a file the user did not open.
    const index = vscode.workspace.textDocuments.find(d => d.uri.path.endsWith('/LIBRARY.md'));
    assert.ok(index, 'LIBRARY.md was not edited');
    assert.ok(index.getText().includes('- [release-manager](./release-manager.md) — Release Manager'), index.getText());
    // The server has both the new role and the edited index once the index is among the role's references.
    const role = await vscode.workspace.openTextDocument(file);
    const referrers = async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        file,
        positionOf(role, 'class: release-manager', 'class: '.length + 2),
      );
      return found.map(l => l.uri.path.split('/').pop()).join(', ');
    };
    await eventually(async () => ((await referrers()).includes('LIBRARY.md') ? true : undefined), 'LIBRARY.md among the references to the new role', referrers);
    await waitForDiagnostics(index.uri, d => d.length === 0, 'a clean index');
    await waitForDiagnostics(file, d => d.length === 0, 'a clean new role');
    const report = (await api.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: file.toString() } })) as { items: unknown[] };
    assert.deepEqual(report.items, []);
    await index.save();
  });
});
