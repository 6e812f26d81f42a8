import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { writeFileSync } from 'node:fs';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type CodeAction,
  type DidChangeWatchedFilesRegistrationOptions,
  type Hover,
  type InitializeResult,
  type Location,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { CURSOR_RULES_CONFIG } from '../support/cursorRules';
import { LspTestClient, uriOf } from '../support/lspClient';
import { makeTree } from '../support/runCli';
import { serve } from '../support/servedTree';

const PLANNER = [
  '---',
  'name: planner',
  'description: Breaks a request into steps.',
  'tools: Read, builder, Gerp',
  'modle: opus',
  '---',
  '',
  'Plan the work in numbered steps.',
  '',
  'Integration with other agents:',
  '- Hands each step to builder',
  '- Asks code-revewer for a second look',
  '',
].join('\n');
const BUILDER = ['---', 'name: builder', 'description: Builds one step at a time.', 'model: sonnet', '---', '', 'Build it.', ''].join('\n');

describe('a claude-code library over JSON-RPC, with no configuration', () => {
  const tree = makeTree({
    '.claude/agents/planner.md': PLANNER,
    '.claude/agents/builder.md': BUILDER,
    '.claude/agents/code-reviewer.md': BUILDER.replace(/builder/g, 'code-reviewer'),
  });
  const planner = uriOf(nodePath.join(tree.dir, '.claude/agents/planner.md'));
  const builder = uriOf(nodePath.join(tree.dir, '.claude/agents/builder.md'));
  let client: LspTestClient;
  const lineOf = (needle: string) => PLANNER.split('\n').findIndex(l => l.includes(needle));
  const at = (needle: string, shift = 0) => ({ line: lineOf(needle), character: PLANNER.split('\n')[lineOf(needle)].indexOf(needle) + shift });

  before(async () => {
    ({ client } = await LspTestClient.start([tree.dir]));
  });
  after(async () => {
    await client.stop();
    tree.dispose();
  });

  test('diagnostics: an agent as a tool, an unknown tool, a misspelled key, an unknown agent, each with did-you-mean', async () => {
    const diagnostics = await client.diagnostics(planner);
    assert.deepEqual(
      diagnostics.map(d => [d.code, d.message]),
      [
        ['role-as-tool', "'builder' is a role of this library, not a tool: remove it from 'tools'."],
        ['unknown-tool', "Unknown tool 'Gerp'. Did you mean 'Grep'?"],
        ['unknown-key', "Unknown key 'modle'. Did you mean 'model'?"],
        ['unknown-role', "Unknown role 'code-revewer'. Did you mean 'code-reviewer'?"],
      ],
    );
    assert.deepEqual(await client.diagnostics(builder), []);
  });

  test('definition, hover and references from a plain name in the labelled list', async () => {
    const definition = await client.definition(planner, at('to builder', 5));
    assert.deepEqual(
      definition.map(l => l.uri),
      [builder],
    );
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: planner }, position: at('to builder', 5) });
    assert.match((hover.contents as { value: string }).value, /name `builder` · model `sonnet`/);
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: builder },
      position: { line: 1, character: 7 },
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      refs.map(r => [r.uri, r.range.start.line]),
      [[planner, lineOf('to builder')]],
    );
  });

  test('completion of a key, of a value, and of an agent name', async () => {
    const keys = await client.completion(planner, { line: 4, character: 2 });
    assert.ok(keys.items.some(i => i.label === 'model'));
    const values = await client.completion(planner, { line: 4, character: 'modle: '.length });
    assert.deepEqual(values.items, [], 'no value completion for a key the format does not know');
    const agents = await client.completion(planner, at('code-revewer', 3));
    assert.deepEqual(
      agents.items.map(i => i.label),
      ['code-reviewer'],
    );
  });

  test('quick fixes and rename over the protocol', async () => {
    const [unknown] = (await client.diagnostics(planner)).filter(d => d.code === 'unknown-key');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: planner },
      range: unknown.range,
      context: { diagnostics: [unknown], only: ['quickfix'] },
    });
    assert.deepEqual(
      actions.map(a => a.title),
      ["Change the key to 'model'"],
    );
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: builder },
      position: { line: 1, character: 7 },
      newName: 'maker',
    });
    const renames = edit.documentChanges!.filter(c => 'kind' in c);
    assert.deepEqual(
      renames,
      [{ kind: 'rename', oldUri: builder, newUri: uriOf(nodePath.join(tree.dir, '.claude/agents/maker.md')) }],
      'a file named as its agent keeps its name',
    );
    const texts = edit.documentChanges!.flatMap(c => ('textDocument' in c ? [[c.textDocument.uri, c.edits.length]] : []));
    assert.deepEqual(
      texts,
      [
        [builder, 1],
        [planner, 1],
      ],
      'the name key; the plain name (a tools entry is no reference)',
    );
  });

  test('fleetRoles/newRole answers an edit that creates the agent in this format', async () => {
    const result = await client.request<{ uri: string; edit: WorkspaceEdit }>('fleetRoles/newRole', { name: 'tester', near: planner });
    assert.equal(result.uri, uriOf(nodePath.join(tree.dir, '.claude/agents/tester.md')));
    const insert = result.edit.documentChanges![1] as { edits: Array<{ newText: string }> };
    assert.match(insert.edits[0].newText, /^---\nname: tester\ndescription: What the Tester does, and when to use it\.\n---\n/);
    await assert.rejects(client.request('fleetRoles/newRole', { name: 'builder', near: planner }), /A role named 'builder' already exists/);
  });
});

describe('a plugin of claude-code agents named apart from their files, over JSON-RPC', () => {
  const LEAD = [
    '---',
    'name: payments-lead',
    'description: Leads the payments work.',
    'tools: Read, Agent(payments-api-designer)',
    '---',
    '',
    'Lead.',
    '',
  ].join('\n');
  const DESIGNER = ['---', 'name: payments-api-designer', 'description: Designs the payments API.', '---', '', 'Design.', ''].join('\n');
  const served = serve({ '.claude/agents/lead.md': LEAD, '.claude/agents/design/api-designer.md': DESIGNER });
  const lead = served.uri('.claude/agents/lead.md');
  const designer = served.uri('.claude/agents/design/api-designer.md');

  test('no diagnostic for a name unlike its file; rename by name: edits the key and Agent(…), and moves no file', async () => {
    const client = served.client();
    assert.deepEqual(await client.diagnostics(lead), []);
    assert.deepEqual(await client.diagnostics(designer), []);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: designer },
      position: { line: 1, character: 8 },
      newName: 'billing-api-designer',
    });
    assert.deepEqual(
      edit.documentChanges!.filter(c => 'kind' in c),
      [],
    );
    const texts = edit.documentChanges!.flatMap(c =>
      'textDocument' in c ? c.edits.map(e => [c.textDocument.uri, e.range.start.line, e.range.start.character, e.newText]) : [],
    );
    assert.deepEqual(texts, [
      [designer, 1, 6, 'billing-api-designer'],
      [lead, 3, 'tools: Read, Agent('.length, 'billing-api-designer'],
    ]);
  });
});

const COORDINATOR = [
  '---',
  'description: Coordinates the work.',
  "agents: ['Researcher']",
  'handoffs:',
  '  - label: Build it',
  '    agent: Feature Builder',
  '  - label: Back',
  '    agent: agent',
  '---',
  '',
  'Coordinate.',
  '',
].join('\n');
const FEATURE_BUILDER = ['---', 'name: Feature Builder', 'description: Builds features.', '---', '', 'Build.', ''].join('\n');
const RESEARCHER = ['---', 'name: Researcher', 'description: Finds facts.', '---', '', 'Research.', ''].join('\n');

describe('a copilot-agents library over JSON-RPC: agents named by their name:', () => {
  const tree = makeTree({
    '.github/agents/coordinator.agent.md': COORDINATOR,
    '.github/agents/feature-builder.agent.md': FEATURE_BUILDER,
    '.github/agents/researcher.agent.md': RESEARCHER,
  });
  const coordinator = uriOf(nodePath.join(tree.dir, '.github/agents/coordinator.agent.md'));
  const builder = uriOf(nodePath.join(tree.dir, '.github/agents/feature-builder.agent.md'));
  let client: LspTestClient;
  const lines = COORDINATOR.split('\n');
  const at = (needle: string, shift = 0) => ({
    line: lines.findIndex(l => l.includes(needle)),
    character: lines[lines.findIndex(l => l.includes(needle))].indexOf(needle) + shift,
  });

  before(async () => {
    ({ client } = await LspTestClient.start([tree.dir]));
  });
  after(async () => {
    await client.stop();
    tree.dispose();
  });

  test('diagnostics: display names and the built-in agent resolve', async () => {
    assert.deepEqual(await client.diagnostics(coordinator), []);
    assert.deepEqual(await client.diagnostics(builder), []);
  });

  test('definition from a handoff to a display name', async () => {
    const definition = await client.definition(coordinator, at('Feature Builder', 9));
    assert.deepEqual(
      definition.map(l => l.uri),
      [builder],
    );
  });

  test('completion of a display name in agents', async () => {
    const agents = await client.completion(coordinator, at("Researcher'", 3));
    assert.deepEqual(
      agents.items.map(i => i.label),
      ['Researcher'],
    );
    const name = at("Researcher'");
    assert.deepEqual(agents.items[0].textEdit, {
      range: { start: name, end: { line: name.line, character: name.character + 'Researcher'.length } },
      newText: 'Researcher',
    });
  });

  test('rename of a display name edits name: and the handoff, and moves no file', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: builder },
      position: { line: 1, character: 8 },
      newName: 'Feature Maker',
    });
    assert.deepEqual(
      edit.documentChanges!.filter(c => 'kind' in c),
      [],
    );
    const texts = edit.documentChanges!.flatMap(c => ('textDocument' in c ? [[c.textDocument.uri, c.edits.map(e => e.newText)]] : []));
    assert.deepEqual(texts, [
      [coordinator, ['Feature Maker']],
      [builder, ['Feature Maker']],
    ]);
  });
});

describe('a copilot-agents list over several lines, over JSON-RPC', () => {
  const TEAM = [
    '---',
    'description: Leads the team.',
    'agents: [',
    "  'Researcher',",
    '  Feature Buil,',
    '  "Feature Builder"',
    ']',
    '---',
    '',
    'Lead.',
    '',
  ].join('\n');
  const served = serve({
    '.github/agents/team.agent.md': TEAM,
    '.github/agents/feature-builder.agent.md': FEATURE_BUILDER,
    '.github/agents/researcher.agent.md': RESEARCHER,
  });
  const team = served.uri('.github/agents/team.agent.md');
  const builder = served.uri('.github/agents/feature-builder.agent.md');

  test('each entry is checked, and completion on an entry line of its own replaces what is typed', async () => {
    const client = served.client();
    assert.deepEqual(
      (await client.diagnostics(team)).map(d => [d.code, d.range.start.line]),
      [['unknown-role', 4]],
    );
    const agents = await client.completion(team, { line: 4, character: '  Feature Buil'.length });
    const item = agents.items.find(i => i.label === 'Feature Builder');
    assert.ok(item, JSON.stringify(agents.items.map(i => i.label)));
    assert.deepEqual(item.textEdit, {
      range: { start: { line: 4, character: 2 }, end: { line: 4, character: '  Feature Buil'.length } },
      newText: 'Feature Builder',
    });
  });

  test('rename of an agent named inside the list edits its entry there', async () => {
    const edit = await served
      .client()
      .request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: builder }, position: { line: 1, character: 8 }, newName: 'Feature Maker' });
    const texts = edit.documentChanges!.flatMap(c =>
      'textDocument' in c ? c.edits.map(e => [c.textDocument.uri, e.range.start.line, e.range.start.character, e.range.end.character, e.newText]) : [],
    );
    assert.deepEqual(
      texts.sort(),
      [
        [builder, 1, 6, 6 + 'Feature Builder'.length, 'Feature Maker'],
        [team, 5, 3, 3 + 'Feature Builder'.length, 'Feature Maker'],
      ].sort(),
    );
  });
});

describe("Cursor rules, .mdc files of a format of one's own, over JSON-RPC", () => {
  const CONFIG = CURSOR_RULES_CONFIG;
  const RULE = ['---', 'description: How tests are written', 'alwaysApply: false', '---', '', 'Write the test first.', ''].join('\n');
  const tree = makeTree({ 'fleet-roles.json': CONFIG, '.cursor/rules/testing.mdc': RULE });
  const testing = uriOf(nodePath.join(tree.dir, '.cursor/rules/testing.mdc'));
  let client: LspTestClient;
  let result: InitializeResult;

  before(async () => {
    ({ client, result } = await LspTestClient.start([tree.dir]));
  });
  after(async () => {
    await client.stop();
    tree.dispose();
  });

  test('the server watches .mdc files, and takes their moves as renames', async () => {
    await client.diagnostics(testing);
    const watchers = client.registered
      .filter(r => r.method === DidChangeWatchedFilesNotification.method)
      .flatMap(r => (r.registerOptions as DidChangeWatchedFilesRegistrationOptions).watchers.map(w => w.globPattern));
    assert.ok(watchers.includes('**/*.mdc'), JSON.stringify(watchers));
    const renames = result.capabilities.workspace?.fileOperations?.willRename?.filters.map(f => f.pattern.glob);
    assert.ok(renames?.includes('**/*.mdc'), JSON.stringify(renames));
  });

  test('an .mdc file is checked on disk, opened as plain text (its language in VS Code), and once created', async () => {
    assert.deepEqual(await client.diagnostics(testing), []);
    await client.open(testing, RULE.replace('description: How tests are written\n', ''), 'plaintext');
    assert.deepEqual(
      (await client.diagnostics(testing)).map(d => d.code),
      ['missing-key'],
    );
    await client.close(testing);

    const style = nodePath.join(tree.dir, '.cursor/rules/style.mdc');
    writeFileSync(style, RULE.replace('alwaysApply: false', 'alwaysApply: sometimes'));
    const refreshed = client.nextRefresh();
    await client.filesChanged([{ uri: uriOf(style), type: FileChangeType.Created }]);
    await refreshed;
    assert.deepEqual(
      (await client.diagnostics(uriOf(style))).map(d => d.code),
      ['invalid-value'],
    );
  });
});
