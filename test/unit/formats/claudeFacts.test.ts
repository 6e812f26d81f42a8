import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkLibrary } from '../../support/checkLibrary';
import { codes, rangeOf, single } from '../helpers';
import { subagent } from './agentText';

const DIR = '/ws/.claude/agents';
const at = (name: string) => `${DIR}/${name}.md`;

async function diagnosticsOf(extra: string[], files: Record<string, string> = {}) {
  const text = subagent('planner', extra);
  const lib = await checkLibrary({ [at('planner')]: text, ...files });
  return { text, diagnostics: lib.diagnostics(at('planner')) };
}

describe('claude-code: tools, models and built-in agents as Claude Code documents them', () => {
  test("today's tools are known", async () => {
    const tools = [
      'AskUserQuestion',
      'SendMessage',
      'EnterPlanMode',
      'EnterWorktree',
      'ExitWorktree',
      'LSP',
      'Monitor',
      'PowerShell',
      'CronCreate',
      'CronDelete',
      'CronList',
      'ListMcpResourcesTool',
      'ReadMcpResourceTool',
      'TaskCreate',
      'TaskGet',
      'TaskList',
      'TaskUpdate',
      'TeamCreate',
      'TeamDelete',
    ];
    const { diagnostics } = await diagnosticsOf([`tools: ${tools.join(', ')}`]);
    assert.deepEqual(diagnostics, []);
  });

  test('a near miss of a known tool is a warning with did-you-mean; a name near none is a hint, as it may be newer than the list', async () => {
    const { text, diagnostics } = await diagnosticsOf(['tools: Read, Raed, Teleport']);
    assert.deepEqual(
      diagnostics.map(d => [d.code, d.severity, d.range]),
      [
        ['unknown-tool', DiagnosticSeverity.Warning, rangeOf(text, 'Raed')],
        ['unknown-tool', DiagnosticSeverity.Hint, rangeOf(text, 'Teleport')],
      ],
    );
    assert.equal(diagnostics[0].message, "Unknown tool 'Raed'. Did you mean 'Read'?");
    assert.match(
      diagnostics[1].message,
      /^'Teleport' is not a tool the claude-code format knows; if the tool is newer than this list, add it to tools\.addKnown/,
    );
  });

  test("today's model aliases are known; a near miss is an error, a model near none a hint", async () => {
    for (const model of ['fable', 'best', 'opusplan', 'sonnet[1m]', 'opus[1m]', 'inherit', 'claude-opus-4-8', 'claude-sonnet-4-6[1m]']) {
      assert.deepEqual((await diagnosticsOf([`model: ${model}`])).diagnostics, [], model);
    }
    const typo = single((await diagnosticsOf(['model: fabel'])).diagnostics, 'unknown-value');
    assert.equal(typo.severity, DiagnosticSeverity.Error);
    assert.equal(typo.message, "Unknown model 'fabel'. Did you mean 'fable'?");
    const other = single((await diagnosticsOf(['model: gpt-5'])).diagnostics, 'unknown-value');
    assert.equal(other.severity, DiagnosticSeverity.Hint);
  });

  test('the built-in agents claude-code-guide and Bash are never unknown', async () => {
    const { diagnostics } = await diagnosticsOf(['tools: Agent(claude-code-guide, Bash, Explore)']);
    assert.deepEqual(codes(diagnostics), []);
  });

  test('fleet-roles.json adds tools and model aliases, and the built-in lists stay', async () => {
    const config = JSON.stringify({
      format: { extends: 'claude-code', tools: { addKnown: ['Teleport'] }, declarations: [{ key: 'model', addValues: ['sonnet-next'] }] },
    });
    const { diagnostics } = await diagnosticsOf(['tools: Read, Teleport, Raed', 'model: sonnet-next'], { '/ws/fleet-roles.json': config });
    assert.deepEqual(
      diagnostics.map(d => d.message),
      ["Unknown tool 'Raed'. Did you mean 'Read'?"],
    );
  });
});

describe('claude-code: smaller points', () => {
  test('a tool listed twice is reported at the second', async () => {
    const { text, diagnostics } = await diagnosticsOf(['tools:', '  - Read', '  - Grep', '  - Read']);
    const d = single(diagnostics, 'duplicate-tool');
    assert.deepEqual(d.range, rangeOf(text, 'Read', 1));
    assert.equal(d.message, "'Read' is listed twice in 'tools': remove this one.");
  });

  test('a frontmatter indented by four spaces is one invalid-frontmatter, not its keys missing', async () => {
    const text = ['    ---', '    name: planner', '    description: Plans.', '    ---', '', 'Plan.', ''].join('\n');
    const lib = await checkLibrary({ [at('planner')]: text });
    const d = single(lib.diagnostics(at('planner')), 'invalid-frontmatter');
    assert.deepEqual(codes(lib.diagnostics(at('planner'))), ['invalid-frontmatter']);
    assert.equal(d.range.start.line, 0);
    assert.match(d.message, /^The frontmatter is indented/);
  });

  test('an indented frontmatter after a blank first line is the same one invalid-frontmatter, at its opening line', async () => {
    const text = ['', '    ---', '    name: planner', '    description: Plans.', '    ---', '', 'Plan.', ''].join('\n');
    const lib = await checkLibrary({ [at('planner')]: text });
    assert.deepEqual(codes(lib.diagnostics(at('planner'))), ['invalid-frontmatter']);
    assert.equal(single(lib.diagnostics(at('planner')), 'invalid-frontmatter').range.start.line, 1);
  });

  test('a frontmatter that is not YAML is reported once: the lines its broken value runs over are no unknown keys', async () => {
    const text = [
      '---',
      'name: planner',
      'description: Use it when: the plan is due. Examples:',
      '<example>',
      'user: "Plan it"',
      'assistant: "I will"',
      '</example>',
      '---',
      '',
      'Plan.',
      '',
    ].join('\n');
    const lib = await checkLibrary({ [at('planner')]: text });
    assert.deepEqual(codes(lib.diagnostics(at('planner'))), ['invalid-frontmatter']);
  });
});
