import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import type {
  CodeAction,
  TextEdit,
  WorkspaceEdit,
  CodeLens,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  Hover,
  Location,
  SemanticTokens,
  WorkspaceSymbol,
} from 'vscode-languageserver-protocol';
import { applyTextEdits } from '../support/applyEdit';
import { LITTLE_CAPABILITIES, LspTestClient, uriOf } from '../support/lspClient';
import { copySampleLibrary } from '../support/tempLibrary';

/** Requests a client that declares nothing never expects to be asked. */
const UNDECLARED = [
  'client/registerCapability',
  'workspace/configuration',
  'workspace/workspaceFolders',
  'workspace/diagnostic/refresh',
  'workspace/codeLens/refresh',
  'workspace/semanticTokens/refresh',
  'workspace/inlayHint/refresh',
  'workspace/applyEdit',
];

/** Past the publication waits' own bound: a test that hangs anywhere else still fails, and is named. */
const TEST_TIMEOUT_MS = 60_000;

const codes = (ds: Diagnostic[] | undefined) => (ds ?? []).map(d => d.code);

describe('a client that declares little', () => {
  const lib = copySampleLibrary();
  const file = (name: string) => nodePath.join(lib.roles, name);
  const seedPath = file('operations-manager.md');
  const seedUri = uriOf(seedPath);
  const seedText = readFileSync(seedPath, 'utf8');
  let client: LspTestClient;

  const positionIn = (text: string, needle: string, shift = 0) => {
    const lines = text.split('\n');
    const line = lines.findIndex(l => l.includes(needle));
    assert.ok(line >= 0, needle);
    return { line, character: lines[line].indexOf(needle) + shift };
  };
  const at = (needle: string, shift = 0) => ({ textDocument: { uri: seedUri }, position: positionIn(seedText, needle, shift) });

  before(async () => {
    ({ client } = await LspTestClient.start([lib.workspace], { capabilities: LITTLE_CAPABILITIES, rootOnly: true }));
    await client.open(seedUri, seedText);
  });
  after(async () => {
    await client.stop();
    lib.dispose();
  });

  test('diagnostics are pushed: an open file with a misspelled role gets its unknown-role', async () => {
    await client.change(seedUri, seedText.replace('**hr-generalist**', '**hr-generalst**'));
    await client.publishedUntil(p => codes(p.get(seedUri)).includes('unknown-role'));
    assert.deepEqual(codes(client.published.get(seedUri)), ['unknown-role']);
    await client.change(seedUri, seedText);
    await client.publishedUntil(p => codes(p.get(seedUri)).length === 0);
  });

  test('an edit in one file republishes the files it affects', { timeout: TEST_TIMEOUT_MS }, async () => {
    const ghostUri = uriOf(file('ghost-writer.md'));
    const ghostText = readFileSync(file('content-writer.md'), 'utf8').replaceAll('content-writer', 'ghost-writer');
    await client.change(seedUri, seedText.replace('**hr-generalist**', '**ghost-writer**'));
    await client.publishedUntil(p => codes(p.get(seedUri)).includes('unknown-role'));
    assert.match(client.published.get(seedUri)![0].message, /'ghost-writer'/);
    await client.open(ghostUri, ghostText);
    await client.publishedUntil(p => codes(p.get(seedUri)).length === 0);
    assert.deepEqual(client.published.get(seedUri), [], 'cleared once the role it names is open');
    await client.close(ghostUri);
    await client.publishedUntil(p => codes(p.get(seedUri)).includes('unknown-role'));
    assert.deepEqual(codes(client.published.get(seedUri)), ['unknown-role'], 'named again once the role is closed, never on disk');
    await client.change(seedUri, seedText);
    await client.publishedUntil(p => codes(p.get(seedUri)).length === 0);
    assert.deepEqual(client.published.get(seedUri), []);
  });

  test('a role file deleted on disk, with no event from the client, turns its references red; restored, they clear', async () => {
    const hrPath = file('hr-generalist.md');
    const aside = nodePath.join(lib.workspace, 'hr-generalist.md.bak');
    renameSync(hrPath, aside);
    await client.publishedUntil(p => codes(p.get(seedUri)).includes('unknown-role'));
    assert.match(client.published.get(seedUri)![0].message, /hr-generalist/);
    renameSync(aside, hrPath);
    await client.publishedUntil(p => codes(p.get(seedUri)).length === 0);
  });

  test('a closed file with a problem is published too, and cleared when fixed on disk', { timeout: TEST_TIMEOUT_MS }, async () => {
    const baPath = file('business-analyst.md');
    const baText = readFileSync(baPath, 'utf8');
    writeFileSync(baPath, baText.replace('## Persona', '## Personae'));
    await client.publishedUntil(p => codes(p.get(uriOf(baPath))).includes('missing-section'));
    assert.match(client.published.get(uriOf(baPath))!.find(d => d.code === 'missing-section')!.message, /Persona/);
    writeFileSync(baPath, baText);
    await client.publishedUntil(p => codes(p.get(uriOf(baPath))).length === 0);
    assert.deepEqual(client.published.get(uriOf(baPath)), []);
  });

  test('definition, references, symbols, links, code lens and semantic tokens answer as for VS Code', async () => {
    const definition = await client.request<Location | Location[]>('textDocument/definition', at('**business-analyst**', 4));
    const targets = Array.isArray(definition) ? definition : [definition];
    assert.deepEqual(
      targets.map(l => l.uri),
      [uriOf(file('business-analyst.md'))],
    );
    const references = await client.request<Location[]>('textDocument/references', { ...at('**project-manager**', 4), context: { includeDeclaration: false } });
    assert.ok(
      references.some(l => l.uri === uriOf(file('LIBRARY.md'))),
      'the index refers to it',
    );
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: seedUri } });
    assert.match(symbols[0].name, /Operations Manager/);
    const workspaceSymbols = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'qa-eng' });
    assert.ok(workspaceSymbols.some(s => s.location.uri === uriOf(file('qa-engineer.md'))));
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: seedUri } });
    assert.deepEqual(links.map(l => l.target?.split('/').pop()).sort(), [
      'business-analyst.md',
      'hr-generalist.md',
      'operations-manager.md',
      'project-manager.md',
    ]);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: seedUri } });
    assert.equal(lenses.length, 1);
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: seedUri } });
    assert.ok(tokens.data.length >= 5 * 3);
  });

  test('hover comes as plain text, with no Markdown marks', async () => {
    const hover = await client.request<Hover>('textDocument/hover', at('**hr-generalist**', 4));
    const contents = hover.contents as { kind: string; value: string };
    assert.equal(contents.kind, 'plaintext');
    assert.match(contents.value, /HR Generalist/);
    assert.match(contents.value, /class hr-generalist/);
    assert.doesNotMatch(contents.value, /\*\*|`/);
  });

  test('completion replaces what is typed through a text edit, so it inserts right however the client reads the word', async () => {
    const text = `${seedText}\nDefects go to the **qa-eng\n`;
    await client.change(seedUri, text);
    const position = positionIn(text, '**qa-eng', '**qa-eng'.length);
    const list = await client.request<{
      items: Array<{ label: string; textEdit?: { range: { start: { character: number }; end: { character: number } }; newText: string } }>;
    }>('textDocument/completion', { textDocument: { uri: seedUri }, position });
    const item = list.items.find(i => i.label === 'qa-engineer');
    assert.ok(item?.textEdit, 'a text edit');
    assert.equal(applyTextEdits(text, [item.textEdit as never]).split('\n')[position.line], 'Defects go to the **qa-engineer**');
    await client.change(seedUri, seedText);
  });

  test('rename is refused before the client asks the new name, saying why and what to do: the client cannot move files', async () => {
    await assert.rejects(client.request('textDocument/prepareRename', at('**hr-generalist**', 4)), (error: Error) => {
      assert.match(error.message, /cannot move files/);
      assert.match(error.message, /hr-generalist\.md/);
      return true;
    });
    await assert.rejects(client.request('textDocument/rename', { ...at('**hr-generalist**', 4), newName: 'people-partner' }), /cannot move files/);
    // This client does not prepare renames, and such a client may not show a request's error (ALE): the reason comes as a message too.
    assert.ok(
      client.messages.some(m => m.method === 'window/showMessage' && m.type === 2 && /cannot move files/.test(m.message)),
      JSON.stringify(client.messages),
    );
  });

  test('quick fixes come as plain changes, and none needs a file created', async () => {
    const text = seedText.replace('**hr-generalist**', '**hr-generalst**');
    await client.change(seedUri, text);
    await client.publishedUntil(p => codes(p.get(seedUri)).includes('unknown-role'));
    const diagnostic = client.published.get(seedUri)![0];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: seedUri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    assert.ok(actions.length > 0);
    for (const action of actions) {
      assert.equal(action.edit?.documentChanges, undefined, action.title);
      assert.ok(action.edit?.changes, action.title);
    }
    const fix = actions.find(a => a.title.includes("'hr-generalist'"));
    assert.ok(fix, actions.map(a => a.title).join());
    assert.equal(applyTextEdits(text, fix.edit!.changes![seedUri]), seedText);
    await client.change(seedUri, seedText);
  });

  test('the server asked nothing the client did not declare, and logged no error', () => {
    assert.deepEqual(
      client.serverRequests.filter(m => UNDECLARED.includes(m)),
      [],
    );
    assert.deepEqual(client.errors(), []);
  });
});

describe('a client that cannot move files renames agents named by their key', () => {
  const workspace = mkdtempSync(nodePath.join(os.tmpdir(), 'fleet-roles-key-rename-'));
  const files: Record<string, string> = {
    '.github/agents/feature-builder.agent.md': '---\nname: Feature Builder\ndescription: Builds features.\n---\n\nBuild it.\n',
    '.github/agents/planner.agent.md': "---\nname: Planner\ndescription: Plans.\nagents: ['Feature Builder']\n---\n\nPlan it.\n",
    '.claude/agents/helper.md': '---\nname: helper\ndescription: Helps.\n---\n\nHelp.\n',
    '.claude/agents/lead.md': '---\nname: lead\ndescription: Leads.\ntools: Agent(helper)\n---\n\nLead.\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(nodePath.dirname(nodePath.join(workspace, rel)), { recursive: true });
    writeFileSync(nodePath.join(workspace, rel), text);
  }
  const uri = (rel: string) => uriOf(nodePath.join(workspace, rel));
  const at = (rel: string, needle: string) => {
    const lines = files[rel].split('\n');
    const line = lines.findIndex(l => l.includes(needle));
    return { textDocument: { uri: uri(rel) }, position: { line, character: lines[line].indexOf(needle) + 1 } };
  };
  let client: LspTestClient;
  before(async () => {
    ({ client } = await LspTestClient.start([workspace], { capabilities: LITTLE_CAPABILITIES, rootOnly: true }));
    await client.open(uri('.github/agents/planner.agent.md'), files['.github/agents/planner.agent.md']);
  });
  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('a Copilot agent named by name: is renamed in its key and every reference; no file moves, so nothing is refused', async () => {
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', at('.github/agents/planner.agent.md', 'Feature Builder'));
    assert.deepEqual(Object.keys(prepared).sort(), ['placeholder', 'range'], "the protocol's answer, nothing of the core's");
    assert.equal(prepared.placeholder, 'Feature Builder');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      ...at('.github/agents/planner.agent.md', 'Feature Builder'),
      newName: 'Feature Maker',
    });
    assert.equal(edit.documentChanges, undefined);
    const changed = (rel: string) => applyTextEdits(files[rel], edit.changes![uri(rel)] as TextEdit[]);
    assert.match(changed('.github/agents/feature-builder.agent.md'), /^name: Feature Maker$/m);
    assert.match(changed('.github/agents/planner.agent.md'), /^agents: \['Feature Maker'\]$/m);
  });

  test('a Claude Code agent whose file bears its name is refused only when the rename would move that file, which it names', async () => {
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', at('.claude/agents/lead.md', 'helper'));
    assert.equal(prepared.placeholder, 'helper');
    await assert.rejects(client.request('textDocument/rename', { ...at('.claude/agents/lead.md', 'helper'), newName: 'assistant' }), (error: Error) => {
      assert.match(error.message, /moves its file helper\.md, and this editor cannot move files/);
      return true;
    });
  });
});

describe('a client that watches files itself', () => {
  const lib = copySampleLibrary();
  const seedUri = uriOf(nodePath.join(lib.roles, 'operations-manager.md'));
  let client: LspTestClient;

  before(async () => {
    ({ client } = await LspTestClient.start([lib.workspace]));
    await client.diagnostics(seedUri);
  });
  after(async () => {
    await client.stop();
    lib.dispose();
  });

  test("is not doubled by a watcher of the server's own: the disk counts when the client reports it", async () => {
    const hrPath = nodePath.join(lib.roles, 'hr-generalist.md');
    renameSync(hrPath, nodePath.join(lib.workspace, 'hr-generalist.md.bak'));
    // Long enough for a watcher of the server's own to have reported the deletion.
    await new Promise(resolve => setTimeout(resolve, 1000));
    assert.deepEqual(codes(await client.diagnostics(seedUri)), [], 'the server did not act on the disk by itself');
    const refreshed = client.nextRefresh();
    await client.filesChanged([{ uri: uriOf(hrPath), type: 3 }]);
    await refreshed;
    assert.deepEqual(codes(await client.diagnostics(seedUri)), ['unknown-role']);
  });
});
