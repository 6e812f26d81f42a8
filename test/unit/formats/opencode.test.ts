import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../../support/checkLibrary';
import { codes, rangeOf, single } from '../helpers';
import { agentText } from './agentText';

const DIR = '/ws/.opencode/agents';
const at = (name: string) => `${DIR}/${name}.md`;

const reviewer = agentText(
  [
    'description: Reviews changes for correctness',
    'mode: subagent',
    'model: anthropic/claude-sonnet-4-5#high',
    'permissions:',
    '  - action: edit',
    '    resource: "*"',
    '    effect: deny',
    'steps: 8',
    'hidden: true',
    'color: "#ff6b6b"',
    'disabled: false',
    'request:',
    '  headers:',
    '    x-agent: reviewer',
  ],
  ['Review the changes; hand off to @docs-writer for the notes, or ask the general agent.'],
);
const docsWriter = agentText(['description: Writes the notes', 'mode: all'], ['Write the release notes.']);

describe('opencode: a .opencode/agents folder, with no configuration', () => {
  test('its agents are found, named by their path below the folder, and a clean library checks clean', async () => {
    const lib = await checkLibrary({
      [at('team/reviewer')]: reviewer,
      [at('docs-writer')]: docsWriter,
      '/ws/.opencode/agent/legacy.md': agentText(['description: In the folder of OpenCode 1']),
      '/ws/.opencode/plugins/notes.md': 'never walked',
    });
    assert.deepEqual(lib.workspace.paths(), [`/ws/.opencode/agent/legacy.md`, at('docs-writer'), at('team/reviewer')]);
    assert.deepEqual(
      lib.workspace.libraries.map(l => l.format.name),
      ['opencode', 'opencode'],
    );
    for (const path of lib.workspace.paths()) assert.deepEqual(lib.diagnostics(path), [], path);
    const library = lib.workspace.libraries.find(l => l.root === DIR)!;
    assert.deepEqual(lib.workspace.index.roleFiles(library, 'team/reviewer'), [at('team/reviewer')]);
    assert.deepEqual(lib.workspace.index.roleFiles(library, 'reviewer'), []);
    const def = lib.service.getDefinition(at('team/reviewer'), rangeOf(reviewer, 'docs-writer').start);
    assert.deepEqual(
      def.map(l => l.uri),
      [`file://${at('docs-writer')}`],
    );
  });

  test('two agents of one file name in two folders are two agents, not one named twice', async () => {
    const lib = await checkLibrary({
      [at('team/reviewer')]: reviewer,
      [at('ops/reviewer')]: reviewer,
      [at('docs-writer')]: docsWriter,
    });
    const library = lib.workspace.libraries[0];
    assert.deepEqual(lib.workspace.index.roleFiles(library, 'ops/reviewer'), [at('ops/reviewer')]);
    assert.deepEqual(lib.workspace.index.roleFiles(library, 'team/reviewer'), [at('team/reviewer')]);
    assert.deepEqual(lib.diagnostics(at('ops/reviewer')), []);
  });

  test('a name: key names nothing: OpenCode reads the path, so a name no file has is no agent', async () => {
    const text = agentText(['name: Frontend Developer', 'description: Builds the UI', 'mode: subagent']);
    const lib = await checkLibrary({ [at('frontend-developer')]: text, [at('docs-writer')]: docsWriter });
    assert.deepEqual(lib.diagnostics(at('frontend-developer')), []);
    const library = lib.workspace.libraries[0];
    assert.deepEqual(lib.workspace.index.roleFiles(library, 'frontend-developer'), [at('frontend-developer')]);
    assert.deepEqual(lib.workspace.index.roleFiles(library, 'Frontend Developer'), []);
  });

  test('rename from a reference moves the file, in its own folder, and edits the references', async () => {
    const lib = await checkLibrary({ [at('team/reviewer')]: reviewer, [at('docs-writer')]: docsWriter });
    const edit = await lib.service.rename(at('team/reviewer'), rangeOf(reviewer, 'docs-writer').start, 'notes-writer');
    assert.ok(!('error' in edit));
    const changes = edit.documentChanges ?? [];
    assert.deepEqual(
      changes.filter(c => 'kind' in c),
      [{ kind: 'rename', oldUri: `file://${at('docs-writer')}`, newUri: `file://${at('notes-writer')}` }],
    );
    assert.deepEqual(
      changes.flatMap(c => ('textDocument' in c ? c.edits.map(e => [c.textDocument.uri, e.newText]) : [])),
      [[`file://${at('team/reviewer')}`, 'notes-writer']],
    );
  });

  test('mode takes primary, subagent or all, with did-you-mean', async () => {
    const text = agentText(['description: Writes', 'mode: subagnt']);
    const lib = await checkLibrary({ [at('writer')]: text });
    const d = single(lib.diagnostics(at('writer')), 'unknown-value');
    assert.equal(d.message, "Unknown mode 'subagnt'. Did you mean 'subagent'?");
    assert.deepEqual(d.range, rangeOf(text, 'subagnt'));
  });

  test('model is provider/model: a bare model name is invalid', async () => {
    const text = agentText(['description: Writes', 'model: sonnet']);
    const lib = await checkLibrary({ [at('writer')]: text });
    const d = single(lib.diagnostics(at('writer')), 'invalid-value');
    assert.equal(d.message, "Invalid model 'sonnet': a model is written `provider/model`, such as 'anthropic/claude-sonnet-4-5' (a '#variant' may follow).");
    assert.deepEqual(d.range, rangeOf(text, 'sonnet'));
  });

  test("OpenCode 1's keys are deprecated-key, each with what replaces it, and never unknown", async () => {
    const text = agentText([
      'description: Reviews',
      'permission:',
      '  edit: deny',
      'tools:',
      '  write: false',
      'disable: false',
      'maxSteps: 5',
      'temperature: 0.1',
      'top_p: 0.9',
      'prompt: "{file:./prompts/review.txt}"',
    ]);
    const lib = await checkLibrary({ [at('reviewer')]: text });
    const diagnostics = lib.diagnostics(at('reviewer'));
    assert.deepEqual(codes(diagnostics), Array(7).fill('deprecated-key'));
    assert.deepEqual(
      diagnostics.map(d => d.message),
      [
        "'permission' is deprecated: OpenCode 2 reads `permissions`, an ordered list of rules (action, resource, effect).",
        "'tools' is deprecated: OpenCode 2 allows and denies tools with `permissions` rules.",
        "'disable' is deprecated: use `disabled`.",
        "'maxSteps' is deprecated: use `steps`.",
        "'temperature' is deprecated: OpenCode 2 sets it on the provider, the model or the model's variant.",
        "'top_p' is deprecated: OpenCode 2 sets it on the provider, the model or the model's variant.",
        "'prompt' is deprecated: a Markdown agent's prompt is its body.",
      ],
    );
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'permission'));
  });

  test('permissions is a list of rules: a map of rules under it is read by neither OpenCode 1 nor 2', async () => {
    const text = agentText(['description: Reviews', 'permissions:', '  edit: deny', '  bash: ask']);
    const lib = await checkLibrary({ [at('reviewer')]: text });
    const d = single(lib.diagnostics(at('reviewer')), 'invalid-value');
    assert.equal(
      d.message,
      "Invalid permissions 'edit: deny\n  bash: ask': a permissions is a YAML list of rules, each an action, a resource and an effect (a map of rules goes under OpenCode 1's `permission`).",
    );
    assert.deepEqual(d.range.start, rangeOf(text, 'edit: deny').start);
  });

  test('a new agent of a format that requires a list of rules starts with an empty list, and checks clean', async () => {
    const config = JSON.stringify({ format: { extends: 'opencode', declarations: [{ key: 'permissions', required: true }] } });
    const files = { '/ws/fleet-roles.json': config, [at('docs-writer')]: agentText(['description: Writes', 'permissions: []']) };
    const plan = await (await checkLibrary(files)).service.planNewRole('tester', at('docs-writer'));
    assert.ok('text' in plan);
    assert.match(plan.text, /^permissions: \[\]$/m);
    const checked = await checkLibrary({ ...files, [plan.path]: plan.text });
    assert.deepEqual(checked.diagnostics(plan.path), []);
  });

  test('steps is a number and hidden, disabled are flags', async () => {
    const text = agentText(['description: Reviews', 'steps: many', 'hidden: "yes"', 'disabled: 1']);
    const lib = await checkLibrary({ [at('reviewer')]: text });
    assert.deepEqual(codes(lib.diagnostics(at('reviewer'))), ['invalid-value', 'invalid-value', 'invalid-value']);
  });

  test('a near miss of a key is unknown-key with did-you-mean; any other key is passed to the provider, not reported', async () => {
    const text = agentText(['description: Reviews', 'descripton: Reviews twice', 'reasoningEffort: high']);
    const lib = await checkLibrary({ [at('reviewer')]: text });
    const d = single(lib.diagnostics(at('reviewer')), 'unknown-key');
    assert.equal(d.message, "Unknown key 'descripton'. Did you mean 'description'?");
  });

  test('the built-in agents are never unknown; a hand-off to an agent no file has is, with did-you-mean', async () => {
    const text = agentText(['description: Plans'], ['Delegate to `docs-writr` for the notes; search with the task tool, `subagent_type: "explore"`.']);
    // `explore` is a near miss of the library's `explorer`: only its being OpenCode's own keeps it from being reported.
    const lib = await checkLibrary({ [at('planner')]: text, [at('docs-writer')]: docsWriter, [at('explorer')]: docsWriter });
    const d = single(lib.diagnostics(at('planner')), 'unknown-role');
    assert.equal(d.message, "Unknown role 'docs-writr'. Did you mean 'docs-writer'?");
  });

  test('as a base in fleet-roles.json: a team makes description required', async () => {
    const lib = await checkLibrary({
      '/ws/fleet-roles.json': JSON.stringify({ format: { extends: 'opencode', declarations: [{ key: 'description', required: true }] } }),
      [at('reviewer')]: agentText(['mode: subagent']),
    });
    assert.equal(lib.workspace.libraries[0].format.name, 'opencode+');
    assert.equal(single(lib.diagnostics(at('reviewer')), 'missing-key').message, 'The role declares no description: add `description: …` to the frontmatter.');
  });
});
