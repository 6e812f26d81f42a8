import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../../support/checkLibrary';
import { codes, rangeOf, single } from '../helpers';
import { agentText } from './agentText';

const DIR = '/ws/.github/agents';
const at = (name: string) => `${DIR}/${name}.agent.md`;

const planner = agentText(
  [
    'description: Turns a request into a plan',
    'tools: [search, fetch]',
    'agents: [Reviewer]',
    'handoffs:',
    '  - label: Start building',
    '    agent: implementer',
    '    prompt: Build the plan above.',
    '    send: false',
  ],
  ['Write a plan in numbered steps.'],
);

describe('copilot-agents: a .github/agents folder, with no configuration', () => {
  test('agents are the .md files of the folder; handoffs and agents name them by name, else by file; a clean library checks clean', async () => {
    const lib = await checkLibrary({
      [at('planner')]: planner,
      [at('implementer')]: agentText(['description: Builds what the plan says', 'target: vscode']),
      [at('reviewer')]: agentText(['name: Reviewer', 'description: Reviews without editing', 'user-invocable: false']),
      [`${DIR}/notes.md`]: agentText(['description: Takes notes'], ['an agent too: VS Code reads every .md file in .github/agents']),
      '/ws/.github/workflows/ci.md': 'never walked',
    });
    assert.deepEqual(lib.workspace.paths(), [at('implementer'), `${DIR}/notes.md`, at('planner'), at('reviewer')]);
    assert.equal(lib.workspace.libraries[0].format.name, 'copilot-agents');
    for (const path of lib.workspace.paths()) assert.deepEqual(lib.diagnostics(path), [], path);
    const refs = lib.service.getReferences(at('implementer'), { line: 0, character: 0 }, false);
    assert.deepEqual(refs, [], 'no reference at the first line');
    const def = lib.service.getDefinition(at('planner'), rangeOf(planner, 'implementer').start);
    assert.deepEqual(
      def.map(l => l.uri),
      [`file://${at('implementer')}`],
    );
  });

  test('an unknown agent in handoffs or agents is reported at the name, with did-you-mean', async () => {
    const text = planner.replace('agent: implementer', 'agent: implementor').replace('agents: [Reviewer]', 'agents: [Reviewer, auditor]');
    const lib = await checkLibrary({
      [at('planner')]: text,
      [at('implementer')]: agentText(['description: Builds']),
      [at('reviewer')]: agentText(['name: Reviewer', 'description: Reviews']),
    });
    const diagnostics = lib.diagnostics(at('planner'));
    assert.deepEqual(codes(diagnostics), ['unknown-role', 'unknown-role']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'auditor'));
    assert.equal(diagnostics[0].message, "Unknown role 'auditor'. No role of this library is named 'auditor', by its name or its file's name.");
    assert.equal(diagnostics[1].message, "Unknown role 'implementor'. Did you mean 'implementer'?");
  });

  test('a handoff whose first key is agent:, in a block or a flow mapping, is read as one whose first key is label:', async () => {
    const text = agentText(
      [
        'description: Turns a request into a plan',
        'handoffs:',
        '  - agent: implementer',
        '    label: Start building',
        '  - { agent: reviewr, label: Review it }',
      ],
      ['Write a plan.'],
    );
    const lib = await checkLibrary({
      [at('planner')]: text,
      [at('implementer')]: agentText(['description: Builds']),
      [at('reviewer')]: agentText(['description: Reviews']),
    });
    const d = single(lib.diagnostics(at('planner')), 'unknown-role');
    assert.equal(d.message, "Unknown role 'reviewr'. Did you mean 'reviewer'?");
    assert.deepEqual(d.range, rangeOf(text, 'reviewr'));
    assert.deepEqual(
      lib.service.getDefinition(at('planner'), rangeOf(text, 'implementer').start).map(l => l.uri),
      [`file://${at('implementer')}`],
    );
    const edit = await lib.service.rename(at('planner'), rangeOf(text, 'implementer').start, 'builder');
    assert.ok(!('error' in edit));
    const planned = edit.documentChanges!.find(c => 'textDocument' in c && c.textDocument.uri === `file://${at('planner')}`) as {
      edits: Array<{ newText: string; range: unknown }>;
    };
    assert.deepEqual(
      planned.edits.map(e => [e.newText, e.range]),
      [['builder', rangeOf(text, 'implementer')]],
    );
  });

  test('misspelled keys and values, and an agent listed as a tool', async () => {
    const text = agentText(['description: Plans', 'handofs: []', 'target: vscod', "tools: ['search', 'reviewer']"]);
    const lib = await checkLibrary({ [at('planner')]: text, [at('reviewer')]: agentText(['description: Reviews']) });
    const diagnostics = lib.diagnostics(at('planner'));
    assert.equal(single(diagnostics, 'unknown-key').message, "Unknown key 'handofs'. Did you mean 'handoffs'?");
    assert.equal(single(diagnostics, 'unknown-value').message, "Unknown target 'vscod'. Did you mean 'vscode'?");
    assert.deepEqual(single(diagnostics, 'role-as-tool').range, rangeOf(text, 'reviewer'));
  });

  test('renaming an agent edits every handoff and agents entry, and moves the .agent.md file', async () => {
    const lib = await checkLibrary({
      [at('planner')]: planner,
      [at('implementer')]: agentText(['description: Builds']),
      [at('reviewer')]: agentText(['name: Reviewer', 'description: Reviews']),
    });
    const edit = await lib.service.rename(at('planner'), rangeOf(planner, 'implementer').start, 'builder');
    assert.ok(!('error' in edit));
    const changes = edit.documentChanges!;
    const text = changes.find(c => 'textDocument' in c) as { textDocument: { uri: string }; edits: Array<{ newText: string; range: unknown }> };
    assert.equal(text.textDocument.uri, `file://${at('planner')}`);
    assert.deepEqual(
      text.edits.map(e => [e.newText, e.range]),
      [['builder', rangeOf(planner, 'implementer')]],
    );
    assert.deepEqual(
      changes.find(c => 'kind' in c && c.kind === 'rename'),
      { kind: 'rename', oldUri: `file://${at('implementer')}`, newUri: `file://${at('builder')}` },
    );
  });
});
