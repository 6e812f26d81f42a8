import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextDocumentEdit } from 'vscode-languageserver-types';
import { checkLibrary } from '../../support/checkLibrary';
import { codes, rangeOf, single } from '../helpers';
import { agentText } from './agentText';

const DIR = '/ws/.github/agents';
const at = (name: string) => `${DIR}/${name}.agent.md`;

// The shape of VS Code's documentation: agents: ['Researcher', 'Implementer'] naming researcher.agent.md and implementer.agent.md by their name:.
const coordinator = agentText(
  [
    'description: Coordinates the work',
    "agents: ['Researcher', 'Feature Builder']",
    'handoffs:',
    '  - label: Build it',
    '    agent: Feature Builder',
    '  - label: Back to the default agent',
    '    agent: agent',
  ],
  ['Coordinate.'],
);
const files = {
  [at('coordinator')]: coordinator,
  [at('researcher')]: agentText(['name: Researcher', 'description: Finds facts']),
  [at('feature-builder')]: agentText(['name: Feature Builder', 'description: Builds features']),
  [at('scribe')]: agentText(['description: Writes notes, named by its file']),
};

describe('copilot-agents: an agent is named by its name:, else by its file', () => {
  test('display names with spaces and capitals resolve; the built-in agent is known; the library checks clean', async () => {
    const lib = await checkLibrary(files);
    assert.deepEqual(lib.workspace.paths(), Object.keys(files).sort());
    for (const path of lib.workspace.paths()) assert.deepEqual(lib.diagnostics(path), [], path);
    assert.deepEqual(
      lib.service.getDefinition(at('coordinator'), rangeOf(coordinator, 'Feature Builder', 1).start).map(l => l.uri),
      [`file://${at('feature-builder')}`],
    );
  });

  test('the file name of an agent that has a name: is not its name, and case counts, with did-you-mean', async () => {
    const text = coordinator.replace("['Researcher', 'Feature Builder']", "['researcher', feature-builder, scribe, '*']");
    const lib = await checkLibrary({ ...files, [at('coordinator')]: text });
    const diagnostics = lib.diagnostics(at('coordinator'));
    assert.deepEqual(
      diagnostics.map(d => d.message),
      ["Unknown role 'researcher'. Did you mean 'Researcher'?", "Unknown role 'feature-builder'. Did you mean 'Feature Builder'?"],
      "scribe has no name: so its file names it; '*' allows every agent",
    );
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'researcher'));
  });

  test('two agents with one name are reported; any .md file of the folder is an agent', async () => {
    const lib = await checkLibrary({ ...files, [`${DIR}/notes.md`]: agentText(['name: Researcher', 'description: Also researches']) });
    assert.deepEqual(codes(lib.diagnostics(`${DIR}/notes.md`)), ['duplicate-name']);
    assert.deepEqual(codes(lib.diagnostics(at('researcher'))), ['duplicate-name']);
  });

  test('infer is deprecated, with what replaces it', async () => {
    const text = agentText(['description: Plans', 'infer: false']);
    const lib = await checkLibrary({ [at('planner')]: text });
    const diagnostic = single(lib.diagnostics(at('planner')), 'deprecated-key');
    assert.equal(diagnostic.message, "'infer' is deprecated: use `user-invocable` and `disable-model-invocation` instead.");
    assert.deepEqual(diagnostic.range, rangeOf(text, 'infer'));
  });

  test('completion of display names in agents and handoffs, quoted only where YAML needs it', async () => {
    const text = agentText(['description: Coordinates', "agents: ['Feat", 'handoffs:', '  - agent: res'], ['x']);
    const lib = await checkLibrary({ ...files, [at('coordinator')]: text });
    const quoted = lib.service.getCompletions(at('coordinator'), { line: 2, character: "agents: ['Feat".length }).items;
    assert.deepEqual(
      quoted.map(i => i.label),
      ['Feature Builder'],
    );
    assert.deepEqual(quoted[0].textEdit, { range: rangeOf(text, 'Feat'), newText: 'Feature Builder' });
    const handoff = lib.service.getCompletions(at('coordinator'), { line: 4, character: '  - agent: res'.length }).items;
    assert.deepEqual(
      handoff.map(i => i.label),
      ['Researcher'],
    );
  });

  test('hover on a name, and on the built-in agent', async () => {
    const lib = await checkLibrary(files);
    const hover = lib.service.getHover(at('coordinator'), rangeOf(coordinator, 'Researcher').start)!;
    assert.match((hover.contents as { value: string }).value, /name `Researcher`/);
    const builtin = lib.service.getHover(at('coordinator'), rangeOf(coordinator, 'agent: agent').end)!;
    assert.match((builtin.contents as { value: string }).value, /a built-in agent of the copilot-agents format/);
  });

  test('references and symbols use the display name', async () => {
    const lib = await checkLibrary(files);
    const builder = files[at('feature-builder')];
    const refs = lib.service.getReferences(at('feature-builder'), rangeOf(builder, 'Feature Builder').start, false);
    assert.deepEqual(
      refs.map(r => r.range),
      [rangeOf(coordinator, 'Feature Builder'), rangeOf(coordinator, 'Feature Builder', 1)],
    );
    assert.equal(lib.service.getDocumentSymbols(at('feature-builder'))[0].name, 'Feature Builder');
    assert.deepEqual(
      lib.service.getWorkspaceSymbols('featurebuil').map(s => s.name),
      ['Feature Builder'],
    );
  });

  test('renaming a display name edits its name: and every reference; the file stays', async () => {
    const lib = await checkLibrary(files);
    const edit = await lib.service.rename(at('coordinator'), rangeOf(coordinator, 'Feature Builder').start, 'Feature Maker');
    assert.ok(!('error' in edit), JSON.stringify(edit));
    const changes = edit.documentChanges as TextDocumentEdit[];
    assert.ok(
      changes.every(c => 'textDocument' in c),
      'no file moves',
    );
    assert.deepEqual(
      changes.map(c => [c.textDocument.uri, c.edits.map(e => e.newText)]),
      [
        [`file://${at('coordinator')}`, ['Feature Maker', 'Feature Maker']],
        [`file://${at('feature-builder')}`, ['Feature Maker']],
      ],
    );
    assert.deepEqual(changes[1].edits[0].range, rangeOf(files[at('feature-builder')], 'Feature Builder'));
  });

  test('renaming an agent named by its file to a display name writes its name: and keeps the file', async () => {
    const text = coordinator.replace("'Researcher'", 'scribe');
    const lib = await checkLibrary({ ...files, [at('coordinator')]: text });
    const edit = await lib.service.rename(at('coordinator'), rangeOf(text, 'scribe').start, 'Note Taker');
    assert.ok(!('error' in edit), JSON.stringify(edit));
    const changes = edit.documentChanges as TextDocumentEdit[];
    assert.deepEqual(
      changes.map(c => [c.textDocument.uri, c.edits.map(e => [e.newText, e.range.start.line])]),
      [
        [`file://${at('coordinator')}`, [['Note Taker', 2]]],
        [`file://${at('scribe')}`, [['name: Note Taker\n', 1]]],
      ],
    );
  });

  test('a name YAML would read otherwise is refused', async () => {
    const lib = await checkLibrary(files);
    const edit = await lib.service.rename(at('coordinator'), rangeOf(coordinator, 'Researcher').start, 'Bad: name');
    assert.ok('error' in edit);
    assert.match(edit.error, /is not a role name/);
  });

  test('the graph names the agents by their names', async () => {
    const lib = await checkLibrary(files);
    const [graph] = lib.service.getRoleGraphs();
    assert.deepEqual(graph.edges, [
      { from: 'coordinator', to: 'Researcher' },
      { from: 'coordinator', to: 'Feature Builder' },
    ]);
    assert.ok(graph.nodes.some(n => n.id === 'Feature Builder'));
  });
});

describe('claude-code: Agent(...) names the subagents an agent may start; built-in subagents are known', () => {
  const CLAUDE = '/ws/.claude/agents';
  const sub = (name: string, extra: string[] = []) => agentText([`name: ${name}`, `description: Handles ${name} work.`, ...extra]);

  test('names in Agent(...) and Task(...) are references: unknown ones reported with did-you-mean, built-ins known', async () => {
    const text = sub('lead', ['tools: Read, Agent(worker, reseacher, Explore), Task(general-purpose)']);
    const lib = await checkLibrary({ [`${CLAUDE}/lead.md`]: text, [`${CLAUDE}/worker.md`]: sub('worker'), [`${CLAUDE}/researcher.md`]: sub('researcher') });
    const diagnostics = lib.diagnostics(`${CLAUDE}/lead.md`);
    assert.deepEqual(
      diagnostics.map(d => [d.code, d.message]),
      [['unknown-role', "Unknown role 'reseacher'. Did you mean 'researcher'?"]],
    );
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'reseacher'));
    assert.deepEqual(
      lib.service.getDefinition(`${CLAUDE}/lead.md`, rangeOf(text, 'worker').start).map(l => l.uri),
      [`file://${CLAUDE}/worker.md`],
    );
  });

  test('rename and references reach a name inside Agent(...)', async () => {
    const text = sub('lead', ['tools: [Read, "Agent(worker, researcher)"]']);
    const lib = await checkLibrary({ [`${CLAUDE}/lead.md`]: text, [`${CLAUDE}/worker.md`]: sub('worker'), [`${CLAUDE}/researcher.md`]: sub('researcher') });
    const refs = lib.service.getReferences(`${CLAUDE}/worker.md`, { line: 1, character: 7 }, false);
    assert.deepEqual(
      refs.map(r => r.range),
      [rangeOf(text, 'worker')],
    );
    const edit = await lib.service.rename(`${CLAUDE}/lead.md`, rangeOf(text, 'worker').start, 'builder');
    assert.ok(!('error' in edit));
    const lead = (edit.documentChanges as TextDocumentEdit[]).find(c => 'textDocument' in c && c.textDocument.uri.endsWith('lead.md'))!;
    assert.deepEqual(
      lead.edits.map(e => [e.newText, e.range]),
      [['builder', rangeOf(text, 'worker')]],
    );
  });

  test('completion offers agent names inside Agent(...), tools outside it', async () => {
    const text = sub('lead', ['tools: Read, Agent(worker, res']);
    const lib = await checkLibrary({ [`${CLAUDE}/lead.md`]: text, [`${CLAUDE}/worker.md`]: sub('worker'), [`${CLAUDE}/researcher.md`]: sub('researcher') });
    const line = 3;
    const inRule = lib.service.getCompletions(`${CLAUDE}/lead.md`, { line, character: 'tools: Read, Agent(worker, res'.length }).items;
    assert.deepEqual(
      inRule.map(i => i.label),
      ['researcher'],
    );
    assert.deepEqual(inRule[0].textEdit, { range: rangeOf(text, 'res'), newText: 'researcher' });
    const outside = lib.service.getCompletions(`${CLAUDE}/lead.md`, { line, character: 'tools: Re'.length }).items;
    assert.ok(outside.some(i => i.label === 'Read') && !outside.some(i => i.label === 'researcher'));
  });

  test('a built-in subagent named in the labelled list is not unknown', async () => {
    const text = agentText(
      ['name: lead', 'description: Leads.'],
      ['Integration with other agents:', '- Hand searches to general-purpose', '- Work with statusline-setup on the status line'],
    );
    const lib = await checkLibrary({ [`${CLAUDE}/lead.md`]: text });
    assert.deepEqual(lib.diagnostics(`${CLAUDE}/lead.md`), []);
  });
});
