/**
 * The real server over JSON-RPC, in an untrusted workspace (as the extension
 * starts it there) whose fleet-roles.json is hostile: it goes on answering,
 * shutdown included.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { HoverRequest, ShutdownRequest } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';
import { killServer, tempWorkspace, uriOf, within } from './support';

/** A workspace of one Claude Code agent under a format of its own, with the agent's frontmatter lines. */
function agentWorkspace(format: Record<string, unknown>, lines: string[]): { workspace: string; agentUri: string; dispose(): void } {
  const ws = tempWorkspace('fleet-roles-hostile-server-');
  const agents = nodePath.join(ws.workspace, '.claude', 'agents');
  mkdirSync(agents, { recursive: true });
  writeFileSync(nodePath.join(ws.workspace, 'fleet-roles.json'), JSON.stringify({ format: { extends: 'claude-code', ...format } }));
  const agent = nodePath.join(agents, 'checked.md');
  writeFileSync(agent, ['---', 'name: checked', 'description: Checks things.', ...lines, '---', '', 'You do one job well.', ''].join('\n'));
  return { workspace: ws.workspace, agentUri: uriOf(agent), dispose: ws.dispose };
}

describe('the server, untrusted, with a catastrophic pattern in fleet-roles.json', () => {
  const ws = agentWorkspace({ declarations: [{ key: 'color', pattern: '^(a+)+$' }], tools: { known: ['Read'], patterns: ['^(a+)+$'] } },
    [`color: ${'a'.repeat(32)}!`, `tools: Read, ${'a'.repeat(32)}!`]);
  let client: LspTestClient;
  before(async () => {
    client = (await LspTestClient.start([ws.workspace], { initializationOptions: { trusted: false } })).client;
  });
  after(async () => {
    await killServer(client);
    ws.dispose();
  });

  test('answers diagnostics, hover and a workspace pull, then shutdown', async () => {
    const diagnostics = await within(client.diagnostics(ws.agentUri), 10000, 'diagnostics');
    assert.deepEqual(diagnostics.map(d => d.code).sort(), ['invalid-value', 'unknown-tool']);
    await within(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: ws.agentUri }, position: { line: 1, character: 7 } }), 10000, 'hover');
    const report = await within(client.workspaceDiagnostics(), 10000, 'workspace diagnostics');
    assert.ok(report.items.some(i => i.uri === ws.agentUri));
    await within(client.connection.sendRequest(ShutdownRequest.type), 10000, 'shutdown');
  });
});
