import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { FleetRolesApi } from '../../../client/src/extension';
import {
  codeOf,
  completionLabels,
  definitionPaths,
  eventually,
  hoverText,
  onDisk,
  ours,
  positionOf,
  rangeOf,
  readyApi,
  replaceText,
  revertDirty,
  waitForDiagnostics,
} from '../support';

/** The diagnostics as [code, message, range] rows, to compare whole. */
function rows(ds: readonly vscode.Diagnostic[]): Array<[string, string, string]> {
  const at = (r: vscode.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  return ds.map(d => [codeOf(d), d.message, at(d.range)] as [string, string, string]).sort((a, b) => a[0].localeCompare(b[0]));
}

describe('A Claude Code library (.claude/agents, no fleet-roles.json) in a real VS Code', function () {
  this.timeout(180000);
  let api: FleetRolesApi;
  let agents: vscode.Uri;
  const agent = (name: string) => vscode.Uri.joinPath(agents, `${name}.md`);
  const open = async (name: string) => {
    const document = await vscode.workspace.openTextDocument(agent(name));
    await vscode.window.showTextDocument(document);
    return document;
  };

  before(async () => {
    api = await readyApi();
    agents = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.claude', 'agents');
  });

  afterEach(revertDirty);

  it('is found with no configuration: both agent libraries indexed, every file clean', async () => {
    const status = await api.whenReady();
    assert.deepEqual(status.problems, []);
    assert.equal(status.libraries, 2, 'the .claude/agents and .github/agents libraries');
    assert.equal(status.roles, 8, 'five subagents and three Copilot agents');
    for (const name of ['release-captain', 'changelog-writer', 'build-doctor', 'qa-lead', 'security-auditor']) {
      const report = (await api.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: agent(name).toString() } })) as { items: unknown[] };
      assert.deepEqual(report.items, [], `${name}.md`);
    }
  });

  it('an unknown agent, a misspelt key and value, a missing description and an agent listed as a tool are reported at their spots; fixing clears them', async () => {
    const document = await open('release-captain');
    const original = document.getText();
    await replaceText(document, 'with qa-lead', 'with qa-leed');
    await replaceText(document, 'model: sonnet', 'model: sonet');
    await replaceText(document, 'color: blue', 'colour: blue');
    await replaceText(document, 'mcp__tracker__list_issues', 'mcp__tracker__list_issues, build-doctor');
    await replaceText(document, 'description: Plans and runs a release from the branch cut to the tag. Use it when a release is due.\n', '');
    const codes = ['missing-key', 'role-as-tool', 'unknown-key', 'unknown-role', 'unknown-value'];
    const ds = await waitForDiagnostics(document.uri, d => codes.every(c => d.some(x => codeOf(x) === c)), codes.join(', '));
    // A key only the frontmatter holds is missing from the frontmatter: reported on its opening line (docs/role-format.md).
    const frontmatterOpening = document.lineAt(0).range;
    const expected = [
      ['missing-key', 'The role declares no description: add `description: …` to the frontmatter.', frontmatterOpening],
      ['role-as-tool', "'build-doctor' is a role of this library, not a tool: remove it from 'tools'.", rangeOf(document, 'build-doctor')],
      ['unknown-key', "Unknown key 'colour'. Did you mean 'color'?", rangeOf(document, 'colour')],
      ['unknown-role', "Unknown role 'qa-leed'. Did you mean 'qa-lead'?", rangeOf(document, 'qa-leed')],
      ['unknown-value', "Unknown model 'sonet'. Did you mean 'sonnet'?", rangeOf(document, 'sonet')],
    ] as const;
    assert.deepEqual(rows(ds), rows(expected.map(([code, message, range]) => Object.assign(new vscode.Diagnostic(range, message), { code }))));
    assert.equal(ds.find(d => codeOf(d) === 'unknown-key')!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(ds.find(d => codeOf(d) === 'unknown-role')!.severity, vscode.DiagnosticSeverity.Error);

    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(document.uri, d => d.length === 0, 'no diagnostics once fixed');
    await document.save();
  });

  it('completes frontmatter keys, a key\'s values, and agent names in the "Integration with other agents:" list', async () => {
    const document = await open('release-captain');
    const original = document.getText();
    await replaceText(document, 'color: blue\n', 'color: blue\nper\n');
    const keys = await completionLabels(document.uri, positionOf(document, 'per\n', 3));
    assert.ok(keys.includes('permissionMode'), keys.join(', '));
    assert.ok(!keys.includes('model'), `a key the file already has is offered again: ${keys.join(', ')}`);
    await replaceText(document, 'per\n', '');

    await replaceText(document, 'model: sonnet', 'model: ');
    const values = await completionLabels(document.uri, positionOf(document, 'model: ', 'model: '.length));
    assert.deepEqual([...values].sort(), ['best', 'fable', 'haiku', 'inherit', 'opus', 'opus[1m]', 'opusplan', 'sonnet', 'sonnet[1m]']);
    await replaceText(document, 'model: ', 'model: sonnet');

    await replaceText(document, '- Hand failing builds to build-doctor\n', '- Hand failing builds to build-doctor\n- Ask sec\n');
    const names = await completionLabels(document.uri, positionOf(document, '- Ask sec', '- Ask sec'.length));
    assert.ok(names.includes('security-auditor'), names.join(', '));
    await replaceText(document, '- Ask sec\n', '');
    assert.equal(document.getText(), original);
    await document.save();
  });

  it('definition and hover on a plain name in the labelled list', async () => {
    const document = await open('release-captain');
    const at = positionOf(document, 'Ask changelog-writer', 'Ask '.length + 3);
    const targets = await definitionPaths(document.uri, at);
    assert.deepEqual(targets, [agent('changelog-writer').path]);
    const hover = await hoverText(document.uri, at);
    assert.match(hover, /name `changelog-writer` · model `haiku`/);
    assert.match(hover, /Writes release notes from merged pull requests/);
  });

  it('a description holding an unquoted ": " is invalid YAML at the value, and the quick fix quotes it', async () => {
    const document = await open('qa-lead');
    const broken = 'Owns the go/no-go call: ships or holds a release candidate.';
    await replaceText(document, 'Owns the go/no-go call on a release candidate, from the test results.', broken);
    const [invalid] = await waitForDiagnostics(document.uri, d => d.some(x => codeOf(x) === 'invalid-frontmatter'), 'invalid-frontmatter');
    assert.deepEqual(ours(document.uri).map(codeOf), ['invalid-frontmatter']);
    assert.ok(invalid.range.isEqual(rangeOf(document, broken)), `range ${JSON.stringify(invalid.range)}`);
    assert.match(invalid.message, /the value of 'description' holds ': '/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      invalid.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const quote = actions.find(a => a.title === "Quote the value of 'description'");
    assert.ok(quote?.edit, actions.map(a => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(quote.edit));
    assert.ok(document.getText().includes(`description: "${broken}"`), document.getText());
    await waitForDiagnostics(document.uri, d => d.length === 0, 'no diagnostics once quoted');
    await document.save();
  });

  it('rename from the name: key renames the file and every reference, on disk, and the library stays clean', async () => {
    const document = await open('build-doctor');
    const at = positionOf(document, 'name: build-doctor', 'name: '.length + 2);
    const viaVsCode = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, at, 'ci-doctor');
    const touched = viaVsCode
      .entries()
      .map(([u]) => u.path.split('/').pop())
      .sort();
    assert.deepEqual(touched, ['build-doctor.md', 'qa-lead.md', 'release-captain.md']);
    // Applied as F2 applies it: the server's edit, converted by the language client, texts then the file move.
    const lspEdit = await api.client.sendRequest('textDocument/rename', {
      textDocument: { uri: document.uri.toString() },
      position: { line: at.line, character: at.character },
      newName: 'ci-doctor',
    });
    const edit = await api.client.protocol2CodeConverter.asWorkspaceEdit(lspEdit as Parameters<typeof api.client.protocol2CodeConverter.asWorkspaceEdit>[0]);
    assert.ok(edit && (await vscode.workspace.applyEdit(edit)), 'the rename was applied');
    assert.ok(await vscode.workspace.saveAll(false));

    const renamed = await eventually(() => onDisk(agent('ci-doctor')), 'ci-doctor.md on disk');
    assert.match(renamed, /^---\nname: ci-doctor\n/);
    assert.equal(await onDisk(agent('build-doctor')), undefined, 'build-doctor.md is still on disk');
    for (const [name, line] of [
      ['release-captain', '- Hand failing builds to ci-doctor'],
      ['qa-lead', '- Sends regressions to ci-doctor'],
    ]) {
      const text = (await onDisk(agent(name))) ?? '';
      assert.ok(text.includes(`${line}\n`), `${name}.md on disk:\n${text}`);
      assert.ok(!text.includes('build-doctor'), `${name}.md still names build-doctor:\n${text}`);
    }
    const remaining = () =>
      vscode.languages.getDiagnostics().flatMap(([u, ds]) => ds.filter(d => d.source === 'fleet-roles').map(d => `${u.path.split('/').pop()}: ${d.message}`));
    await eventually(
      () => (remaining().length === 0 ? true : undefined),
      'a clean library after the rename',
      () => remaining().join('; '),
    );
    const report = (await api.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: agent('release-captain').toString() } })) as {
      items: unknown[];
    };
    assert.deepEqual(report.items, []);
  });
});
