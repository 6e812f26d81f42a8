import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextDocumentEdit } from 'vscode-languageserver-types';
import { checkLibrary } from '../../support/checkLibrary';
import { rangeOf } from '../helpers';
import { subagent } from './agentText';

const DIR = '/ws/.claude/agents';
const at = (name: string) => `${DIR}/${name}.md`;
const team = ['code-writer', 'qa-reviewer', 'docs-writer', 'threat-modeler'];
const others = Object.fromEntries(team.map(name => [at(name), subagent(name, [], [`# One job`, '', 'You do one job well.'])]));

/** The names the diagnostics of one file stand on, each with its code, the name its message gives and its did-you-mean. */
function reported(lib: Awaited<ReturnType<typeof checkLibrary>>, path: string): string[] {
  const lines = lib.fs.files.get(path)!.split('\n');
  return lib.diagnostics(path).map(d => {
    const named = /^Unknown role '([^']*)'\./.exec(d.message)?.[1];
    const suggestion = / Did you mean (.*)\?$/.exec(d.message)?.[1].replace(/'/g, '');
    return `${d.code} ${lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)}: ${named}${suggestion ? ` → ${suggestion}` : ''}`;
  });
}

describe('claude-code: agent names in the whole body, where real files put them', () => {
  test('each form that stands where an agent name stands reports a name no agent has, with did-you-mean', async () => {
    const text = subagent(
      'planner',
      [],
      [
        '## Team',
        '- **code-writer** - Writes the code',
        '- **qa-reviwer** - Reviews pull requests for style',
        '',
        'Delegate the clean-up to `cleanup-expert`.',
        'When the docs are thin → call `docs-writter`.',
        'Mention @agent-rails-api-designer for the routes, or try “@rails-api-architect build the posts API”.',
        'Use the migration-planner agent for schema changes, then hand off to security-auditor.',
        '',
        '| Area | Agent |',
        '| --- | --- |',
        '| Docs | `docs-writer` |',
        '| Threats | `threat-modeller` |',
        '',
        '## Steps',
        '- code-writer: the change',
        '- cleanup-planner: the clean-up',
        '',
        '## Related',
        '- **Complements**: edge-architect (hosting), code-writer (code)',
        '- **With ios-developer**: iOS specifics',
        '- **With qa-reviewer**: the test plan',
        '',
        '## Around',
        '- **Complements**: cloud-planner (hosting), cost-auditor (spend)',
        '- **vs schema-designer**: designs tables, not services',
        '',
        '```python',
        'Task(description="run the tests", subagent_type="test-runner")',
        'Task(description="review", subagent_type="review-kit:qa-reviewer")',
        '```',
      ],
    );
    const lib = await checkLibrary({ ...others, [at('planner')]: text });
    assert.deepEqual(reported(lib, at('planner')), [
      'unknown-role qa-reviwer: qa-reviwer → qa-reviewer',
      'unknown-role cleanup-expert: cleanup-expert',
      'unknown-role docs-writter: docs-writter → docs-writer',
      'unknown-role rails-api-designer: rails-api-designer',
      'unknown-role rails-api-architect: rails-api-architect',
      'unknown-role migration-planner: migration-planner',
      'unknown-role security-auditor: security-auditor',
      'unknown-role threat-modeller: threat-modeller → threat-modeler',
      'unknown-role cleanup-planner: cleanup-planner',
      'unknown-role edge-architect: edge-architect',
      'unknown-role ios-developer: ios-developer',
      'unknown-role cloud-planner: cloud-planner',
      'unknown-role cost-auditor: cost-auditor',
      'unknown-role schema-designer: schema-designer',
      'unknown-role test-runner: test-runner',
    ]);
  });

  test('a short name that plugins scoped is answered with the scoped names', async () => {
    const planner = subagent('planner', [], ['- **Complements**: api-designer (contracts), edge-architect (hosting)']);
    const lib = await checkLibrary({
      ...others,
      [at('planner')]: planner,
      [at('payments-api-designer')]: subagent('payments-api-designer'),
      [at('orders-api-designer')]: subagent('orders-api-designer'),
    });
    assert.deepEqual(reported(lib, at('planner')), [
      'unknown-role api-designer: api-designer → orders-api-designer or payments-api-designer',
      'unknown-role edge-architect: edge-architect',
    ]);
  });

  test('prose, tools, skills, teams and placeholders in those shapes are not agents', async () => {
    const text = subagent(
      'planner',
      [],
      [
        '# @planner',
        '',
        'Purpose→Problem→User. Tone: brutalist, retro-futuristic, luxury.',
        '- Should a desk hand off to another, or do they disagree (hands-up)?',
        'Call `get-library-docs` twice, then load the `eval-harness-first` skill.',
        'Hand off to cross-team reviewers when stuck; escalate to on-call, or route to dead-letter.',
        'Ready for review by @suggested-reviewers; owner @github-user.',
        '- sequential-thinking: structured analysis',
        '- code-writer: the change',
        '',
        '## Tools',
        '- **bats-core**: Bash testing',
        '- **pre-commit**: hooks before each commit',
        '',
        '## Collaboration',
        '- **With qa-reviewer**: the test plan',
        '- **With sales-teams**: shared funnels',
        '- **With change-management**: the roll-out',
        '',
        '| Step | Tool |',
        '| --- | --- |',
        '| Lint | `shell-check` |',
      ],
    );
    const lib = await checkLibrary({ ...others, [at('planner')]: text });
    assert.deepEqual(reported(lib, at('planner')), []);
  });

  test('a name anywhere in prose that an agent has is a reference: definition, hover, references, rename, lens and graph', async () => {
    const planner = subagent(
      'planner',
      [],
      ['- **code-writer** - Writes the code', 'Then delegate to `qa-reviewer`; ask @agent-docs-writer for the notes.', 'The threat-modeler sees every change.'],
    );
    const lib = await checkLibrary({ ...others, [at('planner')]: planner });
    assert.deepEqual(lib.diagnostics(at('planner')), []);
    for (const name of team) {
      const where = rangeOf(planner, name).start;
      assert.deepEqual(
        lib.service.getDefinition(at('planner'), where).map(l => l.uri),
        [`file://${at(name)}`],
        name,
      );
      assert.match((lib.service.getHover(at('planner'), where)!.contents as { value: string }).value, new RegExp(`Handles ${name} work`), name);
      const own = lib.fs.files.get(at(name))!;
      assert.deepEqual(
        lib.service.getReferences(at(name), rangeOf(own, name).start, false).map(r => r.range),
        [rangeOf(planner, name)],
        name,
      );
    }
    const edit = await lib.service.rename(at('planner'), rangeOf(planner, 'docs-writer').start, 'notes-writer');
    assert.ok(!('error' in edit));
    const inPlanner = edit.documentChanges!.filter((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === `file://${at('planner')}`);
    assert.deepEqual(
      inPlanner.flatMap(d => d.edits.map(e => e.range)),
      [rangeOf(planner, 'docs-writer')],
      'the name after @agent-, not the prefix',
    );
    const graph = lib.service.getRoleGraphs()[0];
    assert.deepEqual(
      graph.edges
        .filter(e => e.from === 'planner')
        .map(e => e.to)
        .sort(),
      [...team].sort(),
    );
    assert.deepEqual(
      lib.service.getCodeLenses(at('qa-reviewer')).map(l => [l.title, l.locations.length]),
      [['1 role refers to this role', 1]],
    );
  });

  test('semantic tokens mark as unknown the names that are reported, and leave prose alone', async () => {
    const planner = subagent(
      'planner',
      [],
      ['## Team', '- **code-writer** - Writes', '- **ghost-writer** - Haunts', '', 'The long-term plan: delegate to `qa-reviewer`.'],
    );
    const lib = await checkLibrary({ ...others, [at('planner')]: planner });
    const tokens = lib.service.getSemanticTokens(at('planner')).data;
    const decoded: string[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.length; i += 5) {
      line += tokens[i];
      character = tokens[i] === 0 ? character + tokens[i + 1] : tokens[i + 1];
      decoded.push(`${planner.split('\n')[line].slice(character, character + tokens[i + 2])}${tokens[i + 4] ? ' (unknown)' : ''}`);
    }
    assert.deepEqual(decoded, ['code-writer', 'ghost-writer (unknown)', 'qa-reviewer']);
    assert.deepEqual(reported(lib, at('planner')), ['unknown-role ghost-writer: ghost-writer']);
  });

  test('completion offers the agents where only an agent name stands, and nowhere else in prose', async () => {
    const planner = subagent('planner', [], ['Delegate the review to `qa-r`.', 'Ask @agent-do for notes.', 'Keep the qa-r list short.']);
    const lib = await checkLibrary({ ...others, [at('planner')]: planner });
    const labelsAt = (needle: string) => lib.service.getCompletions(at('planner'), rangeOf(planner, needle).end).items.map(i => i.label);
    assert.deepEqual(labelsAt('`qa-r'), ['qa-reviewer']);
    assert.deepEqual(lib.service.getCompletions(at('planner'), rangeOf(planner, '`qa-r').end).items[0].textEdit, {
      range: rangeOf(planner, 'qa-r'),
      newText: 'qa-reviewer',
    });
    assert.deepEqual(labelsAt('@agent-do'), ['docs-writer']);
    assert.deepEqual(labelsAt('the qa-r'), []);
  });

  test('a name of no agent in prose is prose: no hover, no completion of a diagnostic', async () => {
    const planner = subagent('planner', [], ['The long-term plan is a ghost-agent away.']);
    const lib = await checkLibrary({ ...others, [at('planner')]: planner });
    assert.deepEqual(lib.diagnostics(at('planner')), []);
    assert.equal(lib.service.getHover(at('planner'), rangeOf(planner, 'ghost-agent').start), null);
  });
});
