import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkLibrary } from '../../support/checkLibrary';
import { subagent } from './agentText';

/*
 * What unknown-tool says of a name that is not a known tool: the near tool,
 * else the near role (an agent is not a tool), else the known tools; and
 * where the format's tools grow with each release, a name near nothing is
 * a quiet hint, but a name near a role is still a mistake.
 */

const DIR = '/ws/.claude/agents';
const PATH = `${DIR}/planner.md`;
const CLOSED = JSON.stringify({ format: { extends: 'claude-code', tools: { known: ['Read', 'Write'], open: false } } });

async function toolDiagnostics(tool: string, config?: string) {
  const lib = await checkLibrary({
    ...(config ? { '/ws/fleet-roles.json': config } : {}),
    [PATH]: subagent('planner', [`tools: ${tool}`]),
    [`${DIR}/code-reviewer.md`]: subagent('code-reviewer'),
  });
  return lib.diagnostics(PATH).filter(d => d.code === 'unknown-tool');
}

describe('unknown-tool messages', () => {
  test('near a known tool: did you mean it', async () => {
    const [d] = await toolDiagnostics('Raed', CLOSED);
    assert.equal(d.message, "Unknown tool 'Raed'. Did you mean 'Read'?");
  });

  test('near no tool but near a role: a role is not a tool, where the tools are closed and where they are open', async () => {
    for (const config of [CLOSED, undefined]) {
      const [d] = await toolDiagnostics('code-reviewr', config);
      assert.equal(d.message, "Unknown tool 'code-reviewr'. It is close to the role 'code-reviewer', but a role is not a tool.", String(config));
      assert.equal(d.severity, DiagnosticSeverity.Warning, String(config));
    }
  });

  test('near nothing, where the tools are closed: the known tools are named', async () => {
    const [d] = await toolDiagnostics('Zzzzzz', CLOSED);
    assert.equal(d.message, "Unknown tool 'Zzzzzz'. Known tools: Read, Write; MCP tools are written mcp__server__tool.");
  });

  test('near nothing, where the tools are open: a hint that the tool may be newer than the list', async () => {
    const [d] = await toolDiagnostics('Zzzzzz');
    assert.equal(d.severity, DiagnosticSeverity.Hint);
    assert.match(
      d.message,
      /^'Zzzzzz' is not a tool the .* format knows; if the tool is newer than this list, add it to tools\.addKnown in fleet-roles\.json\.$/,
    );
  });
});
