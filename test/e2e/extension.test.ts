import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { FleetRolesApi } from '../../client/src/extension';
import { codeOf, EXTENSION_ID, ours, waitForDiagnostics } from './support';

describe('Fleet Roles in a real VS Code', function () {
  this.timeout(180000);
  let api: FleetRolesApi;
  let seed: vscode.Uri;
  let document: vscode.TextDocument;

  before(async () => {
    const extension = vscode.extensions.getExtension<FleetRolesApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    api = await extension.activate();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'a workspace folder is open');
    seed = vscode.Uri.joinPath(folder, 'operations-manager.md');
    document = await vscode.workspace.openTextDocument(seed);
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('activates on the role library and indexes every role', async () => {
    const status = await api.whenReady();
    assert.equal(status.problems.length, 0, status.problems.join('\n'));
    assert.ok(status.roles >= 18, `only ${status.roles} roles indexed`);
  });

  it('the seed file has no diagnostics', async () => {
    const report = (await api.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: seed.toString() } })) as { kind: string; items: unknown[] };
    assert.deepEqual(report.items, []);
    assert.deepEqual(ours(seed), []);
  });

  it('a broken Boundaries reference gives exactly one unknown-role at the name', async () => {
    const text = document.getText();
    const at = text.indexOf('**hr-generalist**') + 2;
    assert.ok(at > 2);
    const start = document.positionAt(at);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(seed, new vscode.Range(start, document.positionAt(at + 'hr-generalist'.length)), 'hr-generalst');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const ds = await waitForDiagnostics(seed, d => d.length > 0);
    assert.equal(ds.length, 1, JSON.stringify(ds.map(d => d.message)));
    assert.equal(codeOf(ds[0]), 'unknown-role');
    assert.equal(ds[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(ds[0].message, "Unknown role 'hr-generalst'. Did you mean 'hr-generalist'?");
    assert.ok(ds[0].range.isEqual(new vscode.Range(start, start.translate(0, 'hr-generalst'.length))), `range ${JSON.stringify(ds[0].range)}`);
  });

  it('completes role names inside **', async () => {
    const at = document.getText().indexOf('**hr-generalst**') + 2;
    const position = document.positionAt(at);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', seed, position);
    const labels = list.items.map(i => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const role of ['hr-generalist', 'project-manager', 'business-analyst']) assert.ok(labels.includes(role), `${role} missing from ${labels.join(', ')}`);
  });

  it('fixing the reference clears the diagnostic', async () => {
    const text = document.getText();
    const at = text.indexOf('**hr-generalst**') + 2;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(seed, new vscode.Range(document.positionAt(at), document.positionAt(at + 'hr-generalst'.length)), 'hr-generalist');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.deepEqual(await waitForDiagnostics(seed, d => d.length === 0), []);
  });

  it('go to definition lands on the role file', async () => {
    const at = document.getText().indexOf('**business-analyst**') + 4;
    const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
      'vscode.executeDefinitionProvider',
      seed,
      document.positionAt(at),
    );
    const uris = locations.map(l => ('targetUri' in l ? l.targetUri : l.uri).path);
    assert.ok(
      uris.some(p => p.endsWith('/business-analyst.md')),
      uris.join(', '),
    );
    const target = locations.find(l => ('targetUri' in l ? l.targetUri : l.uri).path.endsWith('/business-analyst.md'))!;
    const targetUri = 'targetUri' in target ? target.targetUri : target.uri;
    const editor = await vscode.window.showTextDocument(targetUri);
    const range = 'targetRange' in target ? target.targetRange : target.range;
    assert.match(editor.document.lineAt(range.start.line).text, /^# /);
    await vscode.window.showTextDocument(document);
  });
});
