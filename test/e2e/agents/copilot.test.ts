import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, completionLabels, definitionPaths, positionOf, rangeOf, readyApi, replaceText, revertDirty, waitForDiagnostics } from '../support';

describe('A Copilot agent library (.github/agents/*.agent.md, no configuration) in a real VS Code', function () {
  this.timeout(180000);
  let agents: vscode.Uri;
  let document: vscode.TextDocument;
  const agent = (name: string) => vscode.Uri.joinPath(agents, `${name}.agent.md`);

  before(async () => {
    await readyApi();
    agents = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.github', 'agents');
    document = await vscode.workspace.openTextDocument(agent('planner'));
    await vscode.window.showTextDocument(document);
  });

  afterEach(revertDirty);

  it('an unknown agent in handoffs[].agent and a misspelt key, with did-you-mean; fixing clears them', async () => {
    await replaceText(document, 'agent: implementer', 'agent: implementor');
    await replaceText(document, 'tools:', 'tool:');
    const ds = await waitForDiagnostics(document.uri, d => d.length >= 2, 'unknown-role and unknown-key');
    const found = ds.map(d => [codeOf(d), d.message, d.range.isEqual(rangeOf(document, codeOf(d) === 'unknown-role' ? 'implementor' : 'tool'))]);
    assert.deepEqual(found.sort(), [
      ['unknown-key', "Unknown key 'tool'. Did you mean 'tools'?", true],
      ['unknown-role', "Unknown role 'implementor'. Did you mean 'implementer'?", true],
    ]);
    await replaceText(document, 'agent: implementor', 'agent: implementer');
    await replaceText(document, 'tool:', 'tools:');
    await waitForDiagnostics(document.uri, d => d.length === 0, 'no diagnostics once fixed');
    await document.save();
  });

  it('completes agent names in handoffs[].agent and goes to the agent from there', async () => {
    await replaceText(document, 'agent: implementer', 'agent: impl');
    const names = await completionLabels(document.uri, positionOf(document, 'agent: impl', 'agent: impl'.length));
    assert.ok(names.includes('implementer'), names.join(', '));
    await replaceText(document, 'agent: impl', 'agent: implementer');
    await document.save();
    const targets = await definitionPaths(document.uri, positionOf(document, 'agent: reviewer', 'agent: '.length + 2));
    assert.deepEqual(targets, [agent('reviewer').path]);
  });
});
