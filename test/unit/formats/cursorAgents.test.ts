import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../../support/checkLibrary';
import { codes, rangeOf, single } from '../helpers';
import { agentText } from './agentText';

const DIR = '/ws/.cursor/agents';
const at = (name: string) => `${DIR}/${name}.md`;

const verifier = agentText(
  ['name: verifier', 'description: Checks that finished work works', 'model: fast', 'readonly: true', 'is_background: false'],
  ['Run the tests. Hand off to `bug-hunter` when one fails, or to the explore agent to search.'],
);
const debuggerAgent = agentText(['description: Finds the cause of a failure', 'model: claude-4.5-sonnet'], ['Find the cause.']);

describe('cursor-agents: a .cursor/agents folder, with no configuration', () => {
  test('its agents are found, named by name: or else by the file, and a clean library checks clean', async () => {
    const lib = await checkLibrary({
      [at('verifier')]: verifier,
      [at('bug-hunter')]: debuggerAgent,
      '/ws/.cursor/rules/style.mdc': 'never walked',
    });
    assert.deepEqual(lib.workspace.paths(), [at('bug-hunter'), at('verifier')]);
    assert.equal(lib.workspace.libraries[0].format.name, 'cursor-agents');
    for (const path of lib.workspace.paths()) assert.deepEqual(lib.diagnostics(path), [], path);
    const def = lib.service.getDefinition(at('verifier'), rangeOf(verifier, 'bug-hunter').start);
    assert.deepEqual(
      def.map(l => l.uri),
      [`file://${at('bug-hunter')}`],
    );
  });

  test('readonly and is_background are flags', async () => {
    const text = agentText(['name: verifier', 'readonly: yes', 'is_background: "false"']);
    const lib = await checkLibrary({ [at('verifier')]: text });
    const diagnostics = lib.diagnostics(at('verifier'));
    assert.deepEqual(codes(diagnostics), ['invalid-value', 'invalid-value']);
    assert.equal(diagnostics[0].message, "Invalid readonly 'yes': the flag is true or false, unquoted.");
  });

  test('a near miss of a key is unknown-key with did-you-mean; a key of its own is not reported', async () => {
    const text = agentText(['name: verifier', 'readOnly: true', 'owner: qa']);
    const lib = await checkLibrary({ [at('verifier')]: text });
    assert.equal(single(lib.diagnostics(at('verifier')), 'unknown-key').message, "Unknown key 'readOnly'. Did you mean 'readonly'?");
  });

  test('two agents of one name are duplicate-name', async () => {
    const lib = await checkLibrary({ [at('verifier')]: verifier, [at('verifier-2')]: verifier, [at('bug-hunter')]: debuggerAgent });
    assert.equal(codes(lib.diagnostics(at('verifier-2'))).includes('duplicate-name'), true);
  });

  test('a hand-off to an agent no file has is unknown-role, with did-you-mean; the built-in agents are not', async () => {
    const text = agentText(['name: lead'], ['Delegate to `bug-huntr` for failures; search with `subagent_type: "explore"`.']);
    // `explore` is a near miss of the library's `explorer`: only its being Cursor's own keeps it from being reported.
    const lib = await checkLibrary({ [at('lead')]: text, [at('bug-hunter')]: debuggerAgent, [at('explorer')]: debuggerAgent });
    assert.equal(single(lib.diagnostics(at('lead')), 'unknown-role').message, "Unknown role 'bug-huntr'. Did you mean 'bug-hunter'?");
  });

  test('as a base in fleet-roles.json: a team makes description required', async () => {
    const lib = await checkLibrary({
      '/ws/fleet-roles.json': JSON.stringify({ format: { extends: 'cursor-agents', declarations: [{ key: 'description', required: true }] } }),
      [at('verifier')]: agentText(['name: verifier']),
    });
    assert.equal(lib.workspace.libraries[0].format.name, 'cursor-agents+');
    assert.deepEqual(codes(lib.diagnostics(at('verifier'))), ['missing-key']);
  });
});
