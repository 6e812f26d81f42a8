/**
 * The real server over JSON-RPC, in an untrusted workspace (as the extension
 * starts it there) whose fleet-roles.json is hostile: it goes on answering,
 * shutdown included.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { ErrorCodes, HoverRequest, ResponseError, ShutdownRequest } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';
import { killServer, rssMiB, SEED_NAME, stopServer, tempWorkspace, uriOf, within } from './support';

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
  const ws = agentWorkspace({ declarations: [{ key: 'color', pattern: '^(a+)+$' }], tools: { known: ['Read'], patterns: ['^(a+)+$'] } }, [
    `color: ${'a'.repeat(32)}!`,
    `tools: Read, ${'a'.repeat(32)}!`,
  ]);
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

describe('the server keeps only what is open or in the library', () => {
  const ws = tempWorkspace('fleet-roles-hostile-uris-');
  let client: LspTestClient;
  before(async () => {
    client = (await LspTestClient.start([ws.workspace])).client;
    await client.diagnostics(uriOf(nodePath.join(ws.roles, SEED_NAME)));
  });
  after(async () => {
    await stopServer(client);
    ws.dispose();
  });

  test('100,000 hovers on distinct URIs outside the library: the memory they took is given back', async t => {
    const hoverMany = async (from: number, count: number) => {
      for (let batch = from; batch < from + count; batch += 2000) {
        await Promise.all(
          Array.from({ length: 2000 }, (_, i) =>
            client.connection.sendRequest(HoverRequest.type, {
              textDocument: { uri: uriOf(nodePath.join(ws.workspace, 'elsewhere', `a-file-no-one-has-${batch + i}-${'x'.repeat(500)}.md`)) },
              position: { line: 0, character: 0 },
            }),
          ),
        );
      }
    };
    // The first round brings the server to its steady state: its heap grown, its code compiled.
    await hoverMany(0, 10_000);
    const before = rssMiB(client.process.pid!);
    await hoverMany(10_000, 100_000);
    const after = rssMiB(client.process.pid!);
    t.diagnostic(`RSS ${before.toFixed(0)} MiB before, ${after.toFixed(0)} MiB after`);
    assert.ok(after < before + 60, `RSS grew from ${before.toFixed(0)} to ${after.toFixed(0)} MiB`);
  });
});

describe("the server's own requests, with parameters of the wrong type", () => {
  const ws = tempWorkspace('fleet-roles-hostile-params-');
  let client: LspTestClient;
  before(async () => {
    client = (await LspTestClient.start([ws.workspace])).client;
  });
  after(async () => {
    await stopServer(client);
    ws.dispose();
  });

  test('fleetRoles/graph and fleetRoles/newRole answer InvalidParams with what they take, then answer right', async () => {
    const wrong: Array<[string, unknown]> = [
      ['fleetRoles/graph', 42],
      ['fleetRoles/graph', { x: 1 }],
      ['fleetRoles/graph', [1, 2]],
      ['fleetRoles/graph', 'x'],
      ['fleetRoles/newRole', null],
      ['fleetRoles/newRole', 'x'],
      ['fleetRoles/newRole', [1]],
      ['fleetRoles/newRole', {}],
      ['fleetRoles/newRole', { name: 42 }],
      ['fleetRoles/newRole', { name: 'x', near: 42 }],
      ['fleetRoles/newRole', { name: 'x', near: {} }],
    ];
    for (const [method, params] of wrong) {
      const error = await within(
        client.connection.sendRequest(method, params).then(
          () => undefined,
          (e: unknown) => e,
        ),
        10000,
        method,
      );
      assert.ok(error instanceof ResponseError, `${method} ${JSON.stringify(params)}: answered`);
      assert.equal(error.code, ErrorCodes.InvalidParams, `${method} ${JSON.stringify(params)}: ${error.code} ${error.message}`);
      assert.match(error.message, new RegExp(`^${method} takes `), error.message);
    }
    const graphs = await within(client.connection.sendRequest<Array<{ nodes: unknown[] }>>('fleetRoles/graph'), 10000, 'graph');
    assert.ok(graphs[0].nodes.length > 0);
    const made = await within(client.connection.sendRequest<{ uri: string }>('fleetRoles/newRole', { name: 'new-hire' }), 10000, 'newRole');
    assert.equal(made.uri, uriOf(nodePath.join(ws.roles, 'new-hire.md')));
  });
});
