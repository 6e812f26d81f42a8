import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, TextDocumentEdit } from 'vscode-languageserver-types';
import { checkLibrary } from '../../support/checkLibrary';
import { rangeOf } from '../helpers';
import { agentText, subagent } from './agentText';

const DIR = '/ws/.claude/agents';
const at = (name: string) => `${DIR}/${name}.md`;
const labels = (items: CompletionItem[]) => items.map(i => i.label);

const planner = subagent(
  'planner',
  ['tools: Read, Grep', 'model: opus'],
  ['Plan the work.', '', 'Integration with other agents:', '- Hands the plan to code-writer', '- Asks `code-writer` again when it fails'],
);
const files = {
  [at('planner')]: planner,
  [at('code-writer')]: subagent('code-writer', ['model: sonnet'], ['Write the code.', '', 'Integration with other agents:', '- Reports to planner-lead']),
  [at('code-reviewer')]: subagent('code-reviewer'),
};

describe('features in a claude-code library', () => {
  test('completion: keys not yet written, the required first', async () => {
    const text = agentText(['name: planner', ''], ['x']);
    const lib = await checkLibrary({ [at('planner')]: text });
    const list = lib.service.getCompletions(at('planner'), { line: 2, character: 0 });
    const items = list.items.sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    assert.equal(items[0].label, 'description');
    assert.ok(!labels(items).includes('name'));
    assert.ok(labels(items).includes('permissionMode'));
    assert.equal((items[0].textEdit as { newText: string }).newText, 'description: ');
  });

  test('completion: the values of model, the tools of tools, the file name for name', async () => {
    const text = agentText(['name: ', 'description: Plans', 'model: so', 'tools: Read, Gr'], ['x']);
    const lib = await checkLibrary({ [at('planner')]: text });
    assert.deepEqual(labels(lib.service.getCompletions(at('planner'), { line: 3, character: 9 }).items), [
      'sonnet',
      'opus',
      'haiku',
      'fable',
      'best',
      'opusplan',
      'sonnet[1m]',
      'opus[1m]',
      'inherit',
    ]);
    assert.ok(labels(lib.service.getCompletions(at('planner'), { line: 4, character: 15 }).items).includes('Grep'));
    assert.deepEqual(labels(lib.service.getCompletions(at('planner'), { line: 1, character: 6 }).items), ['planner']);
  });

  test('completion: agent names in the labelled list', async () => {
    const lib = await checkLibrary(files);
    const position = { line: rangeOf(planner, 'code-writer').start.line, character: rangeOf(planner, 'code-writer').start.character + 4 };
    const items = lib.service.getCompletions(at('planner'), position).items;
    assert.deepEqual(labels(items), ['code-reviewer', 'code-writer']);
    assert.deepEqual((items[1].textEdit as { range: unknown }).range, rangeOf(planner, 'code-writer'));
  });

  test('hover, definition and references on a plain name and a code span', async () => {
    const lib = await checkLibrary(files);
    const where = rangeOf(planner, 'code-writer').start;
    assert.deepEqual(
      lib.service.getDefinition(at('planner'), where).map(l => l.uri),
      [`file://${at('code-writer')}`],
    );
    const hover = lib.service.getHover(at('planner'), where)!;
    assert.match((hover.contents as { value: string }).value, /name `code-writer` · model `sonnet`/);
    assert.match((hover.contents as { value: string }).value, /Handles code-writer work\./);
    const refs = lib.service.getReferences(at('code-writer'), { line: 1, character: 7 }, false);
    assert.deepEqual(
      refs.map(r => r.range),
      [rangeOf(planner, 'code-writer'), rangeOf(planner, 'code-writer', 1)],
    );
  });

  test('rename from the name key: the key, every reference form, and the file', async () => {
    const lib = await checkLibrary(files);
    const writer = files[at('code-writer')];
    const edit = await lib.service.rename(at('code-writer'), rangeOf(writer, 'code-writer').start, 'coder');
    assert.ok(!('error' in edit));
    const docs = edit.documentChanges!.filter((c): c is TextDocumentEdit => 'textDocument' in c);
    assert.deepEqual(
      docs.map(d => [d.textDocument.uri, d.edits.map(e => e.newText)]),
      [
        [`file://${at('code-writer')}`, ['coder']],
        [`file://${at('planner')}`, ['coder', 'coder']],
      ],
    );
    assert.deepEqual(
      edit.documentChanges!.filter(c => 'kind' in c),
      [{ kind: 'rename', oldUri: `file://${at('code-writer')}`, newUri: `file://${at('coder')}` }],
    );
  });

  test('code actions: the closest key, the closest value, the hidden character removed', async () => {
    const text = subagent('planner', ['modle: opus', 'effort: hihg'], ['Plan\u200B the work.']);
    const lib = await checkLibrary({ [at('planner')]: text });
    const titles = async (needle: string) => (await lib.service.getCodeActions(at('planner'), rangeOf(text, needle), ['quickfix'])).map(a => a.title);
    assert.deepEqual(await titles('modle'), ["Change the key to 'model'"]);
    assert.deepEqual(await titles('hihg'), ["Change the effort to 'high'"]);
    assert.deepEqual(await titles('\u200B'), ['Remove the hidden characters']);
  });

  test('symbols and the graph', async () => {
    const lib = await checkLibrary(files);
    const [symbol] = lib.service.getDocumentSymbols(at('planner'));
    assert.equal(symbol.name, 'planner');
    assert.equal(symbol.detail, 'Handles planner work.');
    assert.deepEqual(
      lib.service.getWorkspaceSymbols('coderev').map(s => s.name),
      ['code-reviewer'],
    );
    const [graph] = lib.service.getRoleGraphs();
    assert.deepEqual(graph.nodes.map(n => n.id).sort(), ['code-reviewer', 'code-writer', 'planner']);
    assert.deepEqual(graph.edges, [{ from: 'planner', to: 'code-writer' }]);
  });
});

describe('invisible and bidirectional characters, in every format', () => {
  test('reported with their code points; a BOM at the start is not', async () => {
    const text = '\uFEFF' + subagent('planner', [], ['Approve \u202Eevil\u202C now.', 'Zero\u200Bwidth.']);
    const lib = await checkLibrary({ [at('planner')]: text });
    const messages = lib.diagnostics(at('planner')).map(d => `${d.code} ${d.message}`);
    assert.deepEqual(messages, [
      'hidden-character Bidirectional control character U+202E (right-to-left override): it can make the text show in another order than the agent reads it. Remove it unless it is meant.',
      'hidden-character Bidirectional control character U+202C (pop directional formatting): it can make the text show in another order than the agent reads it. Remove it unless it is meant.',
      'hidden-character Invisible character U+200B (zero width space): it hides text from a reviewer, not from the agent that reads the file. Remove it unless it is meant.',
    ]);
  });

  test('in a fleet role too', async () => {
    const lib = await checkLibrary({
      '/ws/roles/ops-lead.md':
        '---\nclass: ops-lead\ndomain: operations\npersistent_persona: true\n---\n# Ops\u2066 Lead\n\n## Mandate\n\n1. Run.\n\n## Boundaries\n\n- **Does NOT plan** — the **ops-lead**s.\n\n## Persona\n\nSteady.\n',
    });
    assert.ok(lib.diagnostics('/ws/roles/ops-lead.md').some(d => d.code === 'hidden-character' && d.message.includes('U+2066 (left-to-right isolate)')));
  });
});
