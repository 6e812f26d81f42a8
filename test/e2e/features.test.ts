import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { FleetRolesApi } from '../../client/src/extension';
import { eventually, EXTENSION_ID } from './support';

describe('Editor help in a real VS Code: hover, quick fix, rename, graph', function () {
  this.timeout(180000);
  let folder: vscode.Uri;
  let api: FleetRolesApi;
  const uri = (name: string) => vscode.Uri.joinPath(folder, name);

  before(async () => {
    api = await vscode.extensions.getExtension<FleetRolesApi>(EXTENSION_ID)!.activate();
    await api.whenReady();
    folder = vscode.workspace.workspaceFolders![0].uri;
  });

  it('hover on a reference shows the role', async () => {
    const document = await vscode.workspace.openTextDocument(uri('operations-manager.md'));
    const at = document.positionAt(document.getText().indexOf('**hr-generalist**') + 4);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
    const text = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /HR Generalist/);
    assert.match(text, /domain `hr`/);
    assert.match(text, /refers? to this role/);
  });

  it('a quick fix replaces a misspelled role', async () => {
    const document = await vscode.workspace.openTextDocument(uri('business-analyst.md'));
    await vscode.window.showTextDocument(document);
    const original = document.getText();
    const at = original.indexOf('**operations-manager**') + 2;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'operations-manager'.length)), 'operations-manager-x');
    await vscode.workspace.applyEdit(edit);
    const diagnostic = await eventually(
      () => vscode.languages.getDiagnostics(document.uri).find(d => d.source === 'fleet-roles'),
      'the unknown-role diagnostic',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find(a => a.title === "Replace with 'operations-manager'");
    assert.ok(fix?.edit, actions.map(a => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText(), original);
    await eventually(() => vscode.languages.getDiagnostics(document.uri).every(d => d.source !== 'fleet-roles'), 'the diagnostic to clear');
    await document.save();
  });

  it('rename from a reference renames the role file and every reference, and the library stays clean', async () => {
    const seed = await vscode.workspace.openTextDocument(uri('operations-manager.md'));
    const at = seed.positionAt(seed.getText().indexOf('**project-manager**') + 4);
    const returned = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', seed.uri, at, 'delivery-lead');
    // This command's round trip puts the file move before the text edits (F2 keeps the server's
    // order; the UI test presses F2): the edit is rebuilt in the server's order, texts then move.
    const touched = returned.entries().map(([u]) => u.path.split('/').pop());
    for (const name of ['operations-manager.md', 'LIBRARY.md', 'project-manager.md'])
      assert.ok(touched.includes(name), `${name} not edited: ${touched.join(', ')}`);
    const edit = new vscode.WorkspaceEdit();
    for (const [u, edits] of returned.entries()) edit.set(u, edits);
    edit.renameFile(uri('project-manager.md'), uri('delivery-lead.md'));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await vscode.workspace.saveAll(false);
    await eventually(async () => {
      try {
        await vscode.workspace.fs.stat(uri('delivery-lead.md'));
        return true;
      } catch {
        return undefined;
      }
    }, 'delivery-lead.md to exist');
    assert.match(seed.getText(), /\*\*delivery-lead\*\*'s lane/);
    const renamed = await vscode.workspace.openTextDocument(uri('delivery-lead.md'));
    assert.match(renamed.getText(), /class: delivery-lead/);
    const remaining = () =>
      vscode.languages
        .getDiagnostics()
        .flatMap(([u, ds]) => ds.filter(d => d.source === 'fleet-roles').map(d => ({ file: u.path.split('/').pop(), code: d.code, message: d.message })));
    await eventually(
      () => (remaining().length === 0 ? true : undefined),
      'a clean library after the rename',
      async () => {
        const server = await api.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: uri('LIBRARY.md').toString() } });
        const tabs = vscode.window.tabGroups.all.flatMap(g =>
          g.tabs.map(t => `${t.label}:${t.input instanceof vscode.TabInputText ? t.input.uri.path.split('/').pop() : typeof t.input}`),
        );
        const docs = vscode.workspace.textDocuments.map(d => d.uri.path.split('/').pop());
        return `${JSON.stringify(remaining())}; the server says of LIBRARY.md: ${JSON.stringify(server)}; tabs ${tabs.join(',')}; docs ${docs.join(',')}`;
      },
    );
  });

  it('the role graph opens in a webview', async () => {
    await vscode.commands.executeCommand('fleetRoles.showGraph');
    const tab = await eventually(() => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => t.label === 'Role Graph'), 'the Role Graph tab');
    assert.ok(tab.input instanceof vscode.TabInputWebview);
    assert.match((tab.input as vscode.TabInputWebview).viewType, /fleetRoles\.graph/);
  });
});
