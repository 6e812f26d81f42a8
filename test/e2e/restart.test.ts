import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { FleetRolesApi } from '../../client/src/extension';

describe('A server that dies is restarted', function () {
  this.timeout(180000);

  it('kills the server; the extension starts a new one and the diagnostics come back', async () => {
    const api = await vscode.extensions.getExtension<FleetRolesApi>('fleet-roles.fleet-roles')!.activate();
    const before = await api.whenReady();
    process.kill(before.pid, 'SIGKILL');
    const started = Date.now();
    let after = await api.whenReady();
    while (after.pid === before.pid) {
      assert.ok(Date.now() - started < 120000, 'no new server within 2 minutes');
      await new Promise(r => setTimeout(r, 250));
      after = await api.whenReady();
    }
    assert.ok(after.roles >= 18, `the new server indexed ${after.roles} roles`);

    const folder = vscode.workspace.workspaceFolders![0].uri;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'legal-counsel.md'));
    await vscode.window.showTextDocument(document);
    // A reference in Boundaries, where an unknown name is an error (elsewhere it is emphasis).
    const boundaries = document.getText().indexOf('## Boundaries');
    const at =
      boundaries +
      document
        .getText()
        .slice(boundaries)
        .search(/\*\*[a-z][a-z0-9]*(-[a-z0-9]+)*\*\*/) +
      2;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(at), 'zz-');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const found = await new Promise<vscode.Diagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no diagnostics from the restarted server')), 60000);
      const check = () => {
        const ds = vscode.languages.getDiagnostics(document.uri).filter(d => d.source === 'fleet-roles');
        if (ds.length > 0) {
          clearTimeout(timer);
          listener.dispose();
          resolve(ds);
        }
      };
      const listener = vscode.languages.onDidChangeDiagnostics(check);
      check();
    });
    assert.ok(
      found.some(d => /^Unknown role 'zz-/.test(d.message)),
      found.map(d => d.message).join('\n'),
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
