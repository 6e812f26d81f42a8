import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { FleetRolesApi } from '../../../client/src/extension';
import { definitionPaths, eventually, onDisk, positionOf, readyApi, replaceText, revertDirty, waitForDiagnostics } from '../support';

describe('Fleet Roles: New Role… with the name as argument, in each agent library', function () {
  this.timeout(180000);
  let api: FleetRolesApi;
  let root: vscode.Uri;

  before(async () => {
    api = await readyApi();
    root = vscode.workspace.workspaceFolders![0].uri;
  });

  afterEach(revertDirty);

  /** Runs the command with the active editor on `from`; checks the new file on disk, open, known to the server and clean. */
  async function create(from: vscode.Uri, name: string, file: vscode.Uri): Promise<string> {
    await vscode.window.showTextDocument(from);
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('fleetRoles.newRole', name);
    assert.equal(created?.toString(), file.toString());
    const text = await onDisk(file);
    assert.ok(text, `${file.path} is not on disk`);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), file.toString(), 'the new file is the active editor');
    const report = (await api.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: file.toString() } })) as { items: unknown[] };
    assert.deepEqual(report.items, []);
    return text;
  }

  /** Adds a reference to the new agent in `from` and waits until it leads to `file` and `from` is clean: the server knows the agent. */
  async function refer(from: vscode.Uri, replace: string, by: string, reference: string, file: vscode.Uri): Promise<void> {
    const document = await vscode.workspace.openTextDocument(from);
    await vscode.window.showTextDocument(document);
    await replaceText(document, replace, by);
    const at = positionOf(document, reference, 2);
    await eventually(
      async () => ((await definitionPaths(document.uri, at)).includes(file.path) ? true : undefined),
      `a definition of ${reference}`,
      async () => (await definitionPaths(document.uri, at)).join(', '),
    );
    await waitForDiagnostics(document.uri, d => d.length === 0, `no diagnostics once ${reference} exists`);
    await document.save();
  }

  it('in .claude/agents: a subagent with name and description, that other agents can name at once', async () => {
    const file = vscode.Uri.joinPath(root, '.claude', 'agents', 'docs-writer.md');
    const captain = vscode.Uri.joinPath(root, '.claude', 'agents', 'release-captain.md');
    const text = await create(captain, 'docs-writer', file);
    assert.match(text, /^---\nname: docs-writer\ndescription: [^\n]+\n---\n/);
    const line = '- Coordinate with qa-lead on the go/no-go call\n';
    await refer(captain, line, `${line}- Ask docs-writer for the upgrade guide\n`, 'docs-writer for', file);
    assert.equal(await vscode.commands.executeCommand('fleetRoles.newRole', 'docs-writer'), undefined, 'a taken name is refused');
  });

  it('in .github/agents: a Copilot agent, an .agent.md file, that handoffs and agents can name at once', async () => {
    const file = vscode.Uri.joinPath(root, '.github', 'agents', 'tester.agent.md');
    const reviewer = vscode.Uri.joinPath(root, '.github', 'agents', 'reviewer.agent.md');
    const text = await create(reviewer, 'tester', file);
    // The description is optional in this format, but it is what the agent picker shows.
    assert.match(text, /^---\ndescription: [^\n]+\nname: tester\n---\n\nYou are the Tester/);
    assert.equal(await onDisk(vscode.Uri.joinPath(root, '.claude', 'agents', 'tester.md')), undefined, 'written in the other library');
    await refer(reviewer, "agents: ['planner']", "agents: ['planner', 'tester']", "tester']", file);
  });
});
