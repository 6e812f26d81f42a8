import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../../support/checkLibrary';
import { codes, rangeOf, single } from '../helpers';
import { agentText, subagent } from './agentText';

const DIR = '/ws/.claude/agents';
const at = (name: string) => `${DIR}/${name}.md`;

describe('claude-code: a .claude/agents folder, with no configuration', () => {
  test('a clean library checks clean, and its agents are a library of the claude-code format', async () => {
    const lib = await checkLibrary({
      [at('planner')]: subagent(
        'planner',
        ['tools: Read, Grep, mcp__jira__search', 'model: opus'],
        ['Plan the work.', '', 'Integration with other agents:', '- Hands the plan to code-writer'],
      ),
      [at('code-writer')]: subagent('code-writer', ['model: claude-sonnet-4-5', 'permissionMode: acceptEdits']),
      '/ws/.claude/commands/deploy.md': 'not an agent: commands are not walked',
    });
    assert.deepEqual(lib.workspace.paths(), [at('code-writer'), at('planner')]);
    assert.equal(lib.workspace.libraries[0].format.name, 'claude-code');
    assert.deepEqual(lib.diagnostics(at('planner')), []);
    assert.deepEqual(lib.diagnostics(at('code-writer')), []);
  });

  test('an unknown agent in the labelled list is reported at its name, with did-you-mean', async () => {
    const text = subagent('planner', [], ['Integration with other agents:', '- Work with code-writter on the plan', '- Ask security-auditor for a review']);
    const lib = await checkLibrary({ [at('planner')]: text, [at('code-writer')]: subagent('code-writer') });
    const diagnostics = lib.diagnostics(at('planner'));
    assert.deepEqual(codes(diagnostics), ['unknown-role', 'unknown-role']);
    assert.equal(diagnostics[0].message, "Unknown role 'code-writter'. Did you mean 'code-writer'?");
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'code-writter'));
    assert.equal(
      diagnostics[1].message,
      "Unknown role 'security-auditor'. No role of this library is named 'security-auditor', by its name or its file's name.",
    );
  });

  test('plain names outside the labelled list, in code or in prose, are not references', async () => {
    const lib = await checkLibrary({
      [at('planner')]: subagent(
        'planner',
        [],
        [
          'Use a step-by-step plan; never call ghost-agent or `git-log` here.',
          '',
          'Integration with other agents:',
          '- Reads the build log',
          '',
          'A paragraph about long-term plans.',
        ],
      ),
    });
    assert.deepEqual(lib.diagnostics(at('planner')), []);
  });

  test('a plain word in the labelled list is a reference when an agent has that name, else prose', async () => {
    const text = subagent('planner', [], ['Integration with other agents:', '- Hands each step to builder, then waits']);
    const lib = await checkLibrary({ [at('planner')]: text, [at('builder')]: subagent('builder') });
    assert.deepEqual(lib.diagnostics(at('planner')), [], 'hands, each, step, then, waits: prose');
    assert.deepEqual(
      lib.service.getDefinition(at('planner'), rangeOf(text, 'builder').start).map(l => l.uri),
      [`file://${at('builder')}`],
    );
    assert.equal(lib.service.getHover(at('planner'), rangeOf(text, 'step').start), null);
  });

  test('a compound word before a noun is an adjective, one before a connective or alone a name', async () => {
    const text = subagent(
      'planner',
      [],
      ['Integration with other agents:', '- Share real-time patterns with socket-engineer', '- Work with data-engineer on end-to-end tests'],
    );
    const lib = await checkLibrary({ [at('planner')]: text });
    assert.deepEqual(
      lib
        .diagnostics(at('planner'))
        .map(d => lib.fs.files.get(at('planner'))!.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)),
      ['socket-engineer', 'data-engineer'],
    );
  });

  test('a compound word in the middle of prose is not a name: only names where names stand are reported', async () => {
    // The shapes of the prose compounds a real collection of 158 subagents has in its lists.
    const text = subagent(
      'planner',
      [],
      [
        'Integration with other agents:',
        '- Partner with platform-engineer on self-service',
        '- **code-writer** – for compliance cross-mapping, multi-domain work',
        '- Pair with any content-producing agent before delivery',
        '- Feed insights to **code-writer** for qualitative follow-up',
        '- Guide code-writer on licensing around Open-Core or dual-licensing',
      ],
    );
    const lib = await checkLibrary({ [at('planner')]: text, [at('code-writer')]: subagent('code-writer') });
    assert.deepEqual(
      lib.diagnostics(at('planner')).map(d => d.message),
      ["Unknown role 'platform-engineer'. No role of this library is named 'platform-engineer', by its name or its file's name."],
    );
  });

  test('a compound is a name where it opens the bullet, follows its verb, a handing word, or another reference', async () => {
    const text = subagent(
      'planner',
      [],
      [
        'Integration with other agents:',
        '- ghost-one: reviews the plan',
        '- Support ghost-two on design',
        '- Hand off to ghost-three',
        '- Work with code-writer and ghost-four, then `code-writer` or ghost-five',
      ],
    );
    const lib = await checkLibrary({ [at('planner')]: text, [at('code-writer')]: subagent('code-writer') });
    assert.deepEqual(
      lib.diagnostics(at('planner')).map(d => /'([^']+)'/.exec(d.message)![1]),
      ['ghost-one', 'ghost-two', 'ghost-three', 'ghost-four', 'ghost-five'],
    );
  });

  test('a misspelt one-word name where a name stands is reported when it is close to exactly one agent', async () => {
    const text = subagent(
      'planner',
      [],
      ['Integration with other agents:', '- architet on the design', '- Work with revewer on tests', '- review the plan with care'],
    );
    const lib = await checkLibrary({ [at('planner')]: text, [at('architect')]: subagent('architect'), [at('reviewer')]: subagent('reviewer') });
    const diagnostics = lib.diagnostics(at('planner'));
    assert.deepEqual(
      diagnostics.map(d => d.message),
      ["Unknown role 'architet'. Did you mean 'architect'?", "Unknown role 'revewer'. Did you mean 'reviewer'?"],
    );
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'architet'));
    // What is reported as unknown says so on hover too; prose ("review the plan") has no hover.
    assert.match((lib.service.getHover(at('planner'), rangeOf(text, 'architet').start)!.contents as { value: string }).value, /\*\*architet\*\*: no such role/);
    assert.equal(lib.service.getHover(at('planner'), rangeOf(text, 'plan with').start), null);
  });

  test('a one-word name close to two agents, or to none, is prose', async () => {
    const text = subagent('planner', [], ['Integration with other agents:', '- tester on the design', '- Work with nobody on tests']);
    const lib = await checkLibrary({ [at('planner')]: text, [at('testers')]: subagent('testers'), [at('jester')]: subagent('jester') });
    assert.deepEqual(lib.diagnostics(at('planner')), []);
  });

  test('a name inside __strong__ text is hidden as inside **strong**, whatever else the line holds', async () => {
    const text = subagent('planner', [], ['Integration with other agents:', '- __ask the code-writer today__', '- __ask the code-writer now__ *x*']);
    const lib = await checkLibrary({ [at('planner')]: text, [at('code-writer')]: subagent('code-writer') });
    for (const line of ['today', 'now']) {
      const at_ = rangeOf(text, `code-writer ${line}`).start;
      assert.deepEqual(lib.service.getDefinition(at('planner'), at_), [], `the name before '${line}'`);
    }
  });

  test('in the labelled list, a code span naming an agent is a reference too', async () => {
    const text = subagent('planner', [], ['Integration with other agents:', '- Hands off to `code-writer` and `ghost-agent`']);
    const lib = await checkLibrary({ [at('planner')]: text, [at('code-writer')]: subagent('code-writer') });
    assert.deepEqual(single(lib.diagnostics(at('planner')), 'unknown-role').range, rangeOf(text, 'ghost-agent'));
    assert.deepEqual(
      lib.service.getDefinition(at('planner'), rangeOf(text, 'code-writer').start).map(l => l.uri),
      [`file://${at('code-writer')}`],
    );
  });

  test('a misspelled key and an unknown value get did-you-mean', async () => {
    const text = subagent('planner', ['modle: opus', 'permissionMode: acceptEdit', 'model: sonet']);
    const lib = await checkLibrary({ [at('planner')]: text });
    const diagnostics = lib.diagnostics(at('planner'));
    assert.equal(single(diagnostics, 'unknown-key').message, "Unknown key 'modle'. Did you mean 'model'?");
    assert.equal(single(diagnostics, 'unknown-key').severity, 2, 'a warning in this format, where every key is listed');
    const values = diagnostics.filter(d => d.code === 'unknown-value').map(d => d.message);
    assert.deepEqual(values, ["Unknown permissionMode 'acceptEdit'. Did you mean 'acceptEdits'?", "Unknown model 'sonet'. Did you mean 'sonnet'?"]);
  });

  test("a team's own keys, near no known key, are not reported; unknownKeys 'report' reports them with the known keys", async () => {
    const own = subagent('planner', ['owner: team-a', 'version: 1.2.0', 'tags: [python, perf]', 'author: someone']);
    const quiet = await checkLibrary({ [at('planner')]: own });
    assert.deepEqual(
      quiet.diagnostics(at('planner')).filter(d => d.code === 'unknown-key'),
      [],
    );
    const strict = await checkLibrary({ '/ws/fleet-roles.json': '{ "format": { "extends": "claude-code", "unknownKeys": "report" } }', [at('planner')]: own });
    const reported = strict
      .diagnostics(at('planner'))
      .filter(d => d.code === 'unknown-key')
      .map(d => d.message);
    assert.equal(reported.length, 4, reported.join(' | '));
    assert.match(reported[0], /^Unknown key 'owner': the claude-code(\+)? format knows name, description, tools, /);
  });

  test('missing name and description are errors at the first line', async () => {
    const lib = await checkLibrary({ [at('planner')]: agentText(['model: opus']) });
    const diagnostics = lib.diagnostics(at('planner'));
    assert.deepEqual(codes(diagnostics), ['missing-key', 'missing-key']);
    assert.equal(diagnostics[0].message, 'The role declares no name: add `name: planner` to the frontmatter.');
    assert.equal(diagnostics[1].message, 'The role declares no description: add `description: …` to the frontmatter.');
  });

  test('a name that is not lowercase-and-hyphens', async () => {
    const lib = await checkLibrary({ [at('planner')]: subagent('Planner') });
    assert.equal(
      single(lib.diagnostics(at('planner')), 'invalid-value').message,
      "Invalid name 'Planner': a name is lowercase letters and hyphens, such as 'code-reviewer'. Use 'planner'.",
    );
  });

  test('an agent listed as a tool is an error; an unknown tool a warning with did-you-mean', async () => {
    const text = subagent('planner', ['tools: Read, code-writer, Grpe, mcp__github__create_issue, Bash(git log:*)']);
    const lib = await checkLibrary({ [at('planner')]: text, [at('code-writer')]: subagent('code-writer') });
    const diagnostics = lib.diagnostics(at('planner'));
    assert.deepEqual(codes(diagnostics), ['role-as-tool', 'unknown-tool']);
    assert.equal(diagnostics[0].message, "'code-writer' is a role of this library, not a tool: remove it from 'tools'.");
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'code-writer'));
    assert.equal(diagnostics[1].message, "Unknown tool 'Grpe'. Did you mean 'Grep'?");
  });

  test('tools written as a YAML list are read item by item', async () => {
    const text = subagent('planner', ['tools:', '  - Read', '  - code-writer']);
    const lib = await checkLibrary({ [at('planner')]: text, [at('code-writer')]: subagent('code-writer') });
    assert.deepEqual(single(lib.diagnostics(at('planner')), 'role-as-tool').range, rangeOf(text, 'code-writer'));
  });

  test("a description holding ': ' unquoted is invalid YAML, reported at the value, and nothing else is", async () => {
    const text = agentText(['name: planner', 'description: Use this agent when: the plan is late', 'model: opus']);
    const lib = await checkLibrary({ [at('planner')]: text });
    const d = single(lib.diagnostics(at('planner')), 'invalid-frontmatter');
    assert.equal(d.message, "Invalid YAML frontmatter: the value of 'description' holds ': ', which YAML reads as another key. Quote the value.");
    assert.deepEqual(d.range, rangeOf(text, 'Use this agent when: the plan is late'));
    assert.equal(lib.diagnostics(at('planner')).length, 1);
  });

  test('the quick fix quotes the value, and the file then checks clean', async () => {
    const text = agentText(['name: planner', 'description: Say "go" when: ready \\ set', 'model: opus']);
    const lib = await checkLibrary({ [at('planner')]: text });
    const d = single(lib.diagnostics(at('planner')), 'invalid-frontmatter');
    const actions = await lib.service.getCodeActions(at('planner'), d.range);
    assert.equal(actions[0].title, "Quote the value of 'description'");
    const edit = actions[0].edit!.documentChanges![0] as { edits: Array<{ newText: string }> };
    assert.equal(edit.edits[0].newText, '"Say \\"go\\" when: ready \\\\ set"');
    const fixed = text.replace('Say "go" when: ready \\ set', edit.edits[0].newText);
    lib.service.setDocument(at('planner'), fixed);
    assert.deepEqual(lib.diagnostics(at('planner')), []);
  });

  test('with two values holding `: `, each quick fix quotes its own value, and both fixed check clean', async () => {
    const first = 'Use this agent when: the plan is late';
    const second = 'Plans: step by step';
    const text = agentText(['name: planner', `description: ${first}`, `summary: ${second}`, 'model: opus']);
    const lib = await checkLibrary({ [at('planner')]: text });
    const diagnostics = lib.diagnostics(at('planner')).filter(d => d.code === 'invalid-frontmatter');
    assert.deepEqual(
      diagnostics.map(d => d.range),
      [rangeOf(text, first), rangeOf(text, second)],
    );
    const quoted: string[] = [];
    for (const d of diagnostics) {
      const actions = await lib.service.getCodeActions(at('planner'), d.range);
      const edit = actions[0].edit!.documentChanges![0] as { edits: Array<{ newText: string }> };
      quoted.push(edit.edits[0].newText);
    }
    assert.deepEqual(quoted, [`"${first}"`, `"${second}"`]);
    lib.service.setDocument(at('planner'), text.replace(first, quoted[0]).replace(second, quoted[1]));
    assert.deepEqual(
      codes(lib.diagnostics(at('planner'))).filter(c => c === 'invalid-frontmatter'),
      [],
    );
  });

  test('a README among the agents is a document, not an agent', async () => {
    const lib = await checkLibrary({ [at('planner')]: subagent('planner'), [`${DIR}/README.md`]: '# Our agents\n\nSee planner.\n' });
    assert.deepEqual(lib.diagnostics(`${DIR}/README.md`), []);
    assert.deepEqual([...lib.service.status().libraries].length, 1);
  });

  test('a fleet library and a claude-code library side by side keep their own rules', async () => {
    const lib = await checkLibrary({
      '/ws/roles/ops-lead.md':
        '---\nclass: ops-lead\ndomain: operations\npersistent_persona: true\n---\n# Ops Lead\n\n## Mandate\n\n1. Run.\n\n## Boundaries\n\n- **Does NOT plan** — the **planner**.\n\n## Persona\n\nSteady.\n',
      [at('planner')]: subagent('planner'),
    });
    // The fleet's Boundaries name a role of its own library only: the agent is another library.
    assert.deepEqual(codes(lib.diagnostics('/ws/roles/ops-lead.md')), ['unknown-role']);
    assert.deepEqual(lib.diagnostics(at('planner')), []);
  });
});

describe('claude-code: the folder appears after the load', () => {
  test('a first agent file created in a new .claude/agents folder makes a library', async () => {
    const lib = await checkLibrary({ '/ws/README.md': '# project' });
    assert.equal(lib.workspace.libraries.length, 0);
    lib.fs.files.set('/ws/.claude/agents/planner.md', subagent('planner', ['model: opuss']));
    await lib.service.filesChanged([{ path: '/ws/.claude/agents/planner.md', deleted: false }]);
    assert.equal(lib.workspace.libraries[0].format.name, 'claude-code');
    assert.deepEqual(codes(lib.diagnostics('/ws/.claude/agents/planner.md')), ['unknown-value']);
  });
});
