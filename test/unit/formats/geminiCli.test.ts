import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../../support/checkLibrary';
import { codes, rangeOf, single } from '../helpers';
import { agentText } from './agentText';

const DIR = '/ws/.gemini/agents';
const at = (name: string) => `${DIR}/${name}.md`;

const auditor = agentText(
  [
    'name: security_auditor',
    'description: Finds vulnerabilities in code',
    'kind: local',
    'display_name: Security Auditor',
    'tools:',
    '  - read_file',
    '  - grep_search',
    'model: gemini-2.5-pro',
    'temperature: 0.2',
    'max_turns: 10',
    'timeout_mins: 5',
  ],
  ['You audit code. Hand the fixes to `code-fixer`, and ask codebase_investigator for the map.'],
);
const fixer = agentText(['name: code-fixer', 'description: Fixes what the auditor finds']);

describe('gemini-cli: a .gemini/agents folder, with no configuration', () => {
  test('its agents are found and named by name:, and a clean library checks clean', async () => {
    const lib = await checkLibrary({
      [at('security-auditor')]: auditor,
      [at('fixer')]: fixer,
      '/ws/.gemini/commands/notes.md': 'never walked',
    });
    assert.deepEqual(lib.workspace.paths(), [at('fixer'), at('security-auditor')]);
    assert.equal(lib.workspace.libraries[0].format.name, 'gemini-cli');
    for (const path of lib.workspace.paths()) assert.deepEqual(lib.diagnostics(path), [], path);
    assert.deepEqual(lib.workspace.index.roleFiles(lib.workspace.libraries[0], 'security_auditor'), [at('security-auditor')]);
    const def = lib.service.getDefinition(at('security-auditor'), rangeOf(auditor, 'code-fixer').start);
    assert.deepEqual(
      def.map(l => l.uri),
      [`file://${at('fixer')}`],
    );
  });

  test('name and description are required', async () => {
    const lib = await checkLibrary({ [at('bare')]: agentText(['tools: [read_file]']) });
    assert.deepEqual(codes(lib.diagnostics(at('bare'))), ['missing-key', 'missing-key']);
  });

  test("a remote agent describes itself in its agent card: no description needed; its card, auth and an agent's own MCP servers are keys Gemini CLI reads", async () => {
    const text = agentText(['kind: remote', 'name: remote_helper', 'agent_card_url: https://example.com/card.json']);
    const inline = agentText(['kind: remote', 'name: inline_card', 'agent_card_json: { "name": "inline" }', 'auth:', '  type: apiKey', '  key: $API_KEY']);
    const withServers = agentText(['name: with_servers', 'description: Uses its own MCP server', 'mcp_servers:', '  tracker:', '    command: tracker-mcp']);
    const lib = await checkLibrary({ [at('remote')]: text, [at('inline')]: inline, [at('servers')]: withServers });
    for (const name of ['remote', 'inline', 'servers']) assert.deepEqual(lib.diagnostics(at(name)), [], name);
  });

  test('name is a slug of lowercase letters, digits, hyphens and underscores', async () => {
    const text = agentText(['name: Security Auditor', 'description: Audits']);
    const lib = await checkLibrary({ [at('auditor')]: text });
    const d = single(lib.diagnostics(at('auditor')), 'invalid-value');
    assert.equal(
      d.message,
      "Invalid name 'Security Auditor': a name is lowercase letters, digits, hyphens and underscores, such as 'security_auditor'. Use 'security-auditor'.",
    );
  });

  test('kind is local or remote; max_turns, timeout_mins and temperature are numbers', async () => {
    const text = agentText(['name: helper', 'description: Helps', 'kind: locl', 'max_turns: ten', 'timeout_mins: "5"', 'temperature: warm']);
    const lib = await checkLibrary({ [at('helper')]: text });
    const diagnostics = lib.diagnostics(at('helper'));
    assert.deepEqual(codes(diagnostics), ['unknown-value', 'invalid-value', 'invalid-value', 'invalid-value']);
    assert.equal(diagnostics[0].message, "Unknown kind 'locl'. Did you mean 'local'?");
  });

  test("the loader refuses a file with a key it does not know: every other key is unknown-key, another tool's named as that tool's", async () => {
    const text = agentText(['name: helper', 'description: Helps', 'author: me', 'max_turn: 5', 'permissionMode: plan']);
    const lib = await checkLibrary({ [at('helper')]: text });
    const diagnostics = lib.diagnostics(at('helper'));
    assert.deepEqual(codes(diagnostics), ['unknown-key', 'unknown-key', 'unknown-key']);
    assert.match(diagnostics[0].message, /^Unknown key 'author': the gemini-cli format knows name, description, kind, /);
    assert.equal(diagnostics[1].message, "Unknown key 'max_turn'. Did you mean 'max_turns'?");
    assert.equal(diagnostics[2].message, "'permissionMode' is a key of Claude Code's agent files; the gemini-cli format does not read it.");
  });

  test('tools is a YAML list of names: a comma-separated string or a Claude Code rule is invalid-value', async () => {
    const lib = await checkLibrary({
      [at('lister')]: agentText(['name: lister', 'description: Lists', 'tools: read_file, glob']),
      [at('ruler')]: agentText(['name: ruler', 'description: Rules', 'tools:', '  - read_file', '  - Bash(git diff)']),
      [at('clean')]: agentText(['name: clean', 'description: Lists', 'tools: [read_file, github__list_issues, "*"]']),
    });
    assert.equal(
      single(lib.diagnostics(at('lister')), 'invalid-value').message,
      "Invalid tools 'read_file, glob': a tools is a YAML list of tool names, such as [read_file, grep_search], with no rule such as 'Bash(git diff)'.",
    );
    assert.equal(single(lib.diagnostics(at('ruler')), 'invalid-value').message.startsWith("Invalid tools 'Bash(git diff)'"), true);
    assert.deepEqual(lib.diagnostics(at('clean')), []);
  });

  test("Gemini CLI's own agents are never unknown, even near one of the library's", async () => {
    const text = agentText(['name: lead', 'description: Leads'], ['Map the code with `subagent_type: "codebase_investigator"`.']);
    const lib = await checkLibrary({ [at('lead')]: text, [at('investigator')]: agentText(['name: codebase-investigator', 'description: Ours']) });
    assert.deepEqual(lib.diagnostics(at('lead')), []);
  });

  test('two agents of one name are duplicate-name', async () => {
    const lib = await checkLibrary({ [at('fixer')]: fixer, [at('fixer-copy')]: fixer });
    assert.equal(codes(lib.diagnostics(at('fixer-copy'))).includes('duplicate-name'), true);
  });

  test('an agent may list another as a tool: Gemini CLI calls subagents as tools', async () => {
    const text = agentText(['name: lead', 'description: Leads', 'tools: [read_file, code-fixer]']);
    const lib = await checkLibrary({ [at('lead')]: text, [at('fixer')]: fixer });
    assert.deepEqual(lib.diagnostics(at('lead')), []);
  });

  test('as a base in fleet-roles.json', async () => {
    const lib = await checkLibrary({
      '/ws/fleet-roles.json': JSON.stringify({ format: { extends: 'gemini-cli', declarations: [{ key: 'model', values: ['gemini-2.5-pro'] }] } }),
      [at('helper')]: agentText(['name: helper', 'description: Helps', 'model: gemini-2.5-flash']),
    });
    assert.equal(lib.workspace.libraries[0].format.name, 'gemini-cli+');
    assert.equal(single(lib.diagnostics(at('helper')), 'unknown-value').message, "Unknown model 'gemini-2.5-flash'. Known values of model: gemini-2.5-pro.");
  });
});
