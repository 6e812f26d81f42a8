/**
 * Crash and overload: the real server under a storm of 10,000 requests (a
 * third of them cancelled as soon as they are sent), thousands of held
 * workspace pulls cancelled, malformed requests and bytes: it answers the
 * next request correctly, and its memory (VmRSS from /proc) stays bounded.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import {
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  HoverRequest,
  LSPErrorCodes,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  ErrorCodes,
} from 'vscode-languageserver-protocol';
import type { LspTestClient } from '../support/lspClient';
import { Editor, prng, rssMiB, SEED_NAME, seedText, startServer, stopServer, tempWorkspace, uriOf, within } from './support';

const STORM = 10_000;
/** Memory the server may keep after the storm, over what it held before it. */
const KEEP_MIB = 150;
/** Memory the server may use at the storm's peak, over what it held before it. */
const PEAK_MIB = 600;

describe('overload: a request storm against the real server', () => {
  const ws = tempWorkspace();
  const seedUri = uriOf(nodePath.join(ws.roles, SEED_NAME));
  const seed = seedText();
  const lines = seed.split('\n');
  const hrLine = lines.findIndex(l => l.includes('**hr-generalist**'));
  const hrChar = lines[hrLine].indexOf('hr-generalist') + 2;
  let client: LspTestClient;
  let editor: Editor;
  let baseline = 0;

  /** The server answers, right: the seed's diagnostics, a completion and a definition. */
  async function assertAnswersRight(what: string): Promise<void> {
    assert.deepEqual(await within(client.diagnostics(seedUri), 10000, `${what}: diagnostics`), [], what);
    const defs = await within(client.definition(seedUri, { line: hrLine, character: hrChar }), 10000, `${what}: definition`);
    assert.equal(defs[0]?.uri, uriOf(nodePath.join(ws.roles, 'hr-generalist.md')), what);
    const list = await within(client.completion(seedUri, { line: hrLine, character: hrChar }), 10000, `${what}: completion`);
    assert.ok(list.items.length > 0, `${what}: no completion`);
  }

  /** Samples the server's RSS until stopped; returns the peak. */
  function sampleRss(): { stop(): number } {
    let peak = rssMiB(client.process.pid!);
    const timer = setInterval(() => {
      try {
        peak = Math.max(peak, rssMiB(client.process.pid!));
      } catch {
        // the process is gone; the test fails elsewhere
      }
    }, 25);
    return {
      stop: () => {
        clearInterval(timer);
        return peak;
      },
    };
  }

  /** A request settles with an answer, or with the protocol's cancellation: nothing else. */
  function assertOnlyCancellations(results: PromiseSettledResult<unknown>[], what: string): { answered: number; cancelled: number } {
    let answered = 0;
    let cancelled = 0;
    for (const r of results) {
      if (r.status === 'fulfilled') answered++;
      else if (r.reason instanceof ResponseError && r.reason.code === LSPErrorCodes.RequestCancelled) cancelled++;
      else assert.fail(`${what}: a request failed: ${String(r.reason?.message ?? r.reason)}`);
    }
    return { answered, cancelled };
  }

  before(async () => {
    client = await startServer([ws.workspace]);
    editor = new Editor(client);
    await editor.open(seedUri, seed);
    // Warm up, so the baseline holds the server's steady state, not its start.
    const warm: Array<Promise<unknown>> = [];
    for (let i = 0; i < 300; i++) {
      warm.push(
        client.completion(seedUri, { line: hrLine, character: hrChar }),
        client.definition(seedUri, { line: hrLine, character: hrChar }),
        client.diagnostics(seedUri),
      );
    }
    await Promise.all(warm);
    await new Promise(r => setTimeout(r, 300));
    baseline = rssMiB(client.process.pid!);
  });
  after(async () => {
    await stopServer(client);
    ws.dispose();
  });

  test(`${STORM.toLocaleString('en')} requests of every kind, a third cancelled at once, edits between: bounded memory, then a right answer`, async t => {
    const random = prng(10_000);
    const conn = client.connection;
    const requests: Array<Promise<PromiseSettledResult<unknown>>> = [];
    // Settled at once, so that a cancellation is never an unhandled rejection while the storm is still being sent.
    const send = (p: Promise<unknown>) =>
      requests.push(
        p.then(
          value => ({ status: 'fulfilled', value }) as const,
          reason => ({ status: 'rejected', reason }) as const,
        ),
      );
    const sampler = sampleRss();
    const started = Date.now();
    let text = seed;
    for (let i = 0; i < STORM; i++) {
      const source = new CancellationTokenSource();
      const position = { line: random.int(lines.length + 3), character: random.int(90) };
      const textDocument = { uri: seedUri };
      switch (i % 7) {
        case 0:
          send(conn.sendRequest(CompletionRequest.type, { textDocument, position }, source.token));
          break;
        case 1:
          send(conn.sendRequest(DefinitionRequest.type, { textDocument, position }, source.token));
          break;
        case 2:
          send(conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument }, source.token));
          break;
        case 3:
          send(conn.sendRequest(HoverRequest.type, { textDocument, position }, source.token));
          break;
        case 4:
          send(conn.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }, source.token));
          break;
        case 5:
          send(conn.sendRequest(DocumentSymbolRequest.type, { textDocument }, source.token));
          break;
        default:
          send(conn.sendRequest(WorkspaceSymbolRequest.type, { query: 'ma' }, source.token));
          break;
      }
      if (i % 3 === 0) source.cancel();
      if (i % 250 === 249) {
        // The buffer changes under the storm: every answer after it must be about the new text.
        text = text === seed ? seed.replace('**hr-generalist**', '**hr-generalst**') : seed;
        await editor.replaceAll(seedUri, text);
      }
    }
    const results = await within(Promise.all(requests), 120000, 'the storm');
    const peak = sampler.stop();
    const { answered, cancelled } = assertOnlyCancellations(results, 'storm');
    t.diagnostic(
      `${answered} answered, ${cancelled} cancelled in ${Date.now() - started} ms; RSS ${baseline.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB`,
    );
    assert.equal(answered + cancelled, STORM);
    assert.ok(answered >= STORM * 0.6, 'the requests not cancelled are answered');
    await editor.replaceAll(seedUri, seed);
    await assertAnswersRight('after the storm');
    await new Promise(r => setTimeout(r, 500));
    const afterStorm = rssMiB(client.process.pid!);
    t.diagnostic(`RSS after the storm ${afterStorm.toFixed(0)} MiB`);
    assert.ok(peak < baseline + PEAK_MIB, `RSS peaked at ${peak.toFixed(0)} MiB from ${baseline.toFixed(0)} MiB`);
    assert.ok(afterStorm < baseline + KEEP_MIB, `RSS stayed at ${afterStorm.toFixed(0)} MiB from ${baseline.toFixed(0)} MiB`);
  });

  test('2,000 held workspace pulls, all cancelled: each ends, nothing piles up, the next request is answered', async t => {
    const first = await client.workspaceDiagnostics();
    const previous = first.items.map(i => ({ uri: i.uri, value: (i as { resultId?: string }).resultId ?? '' }));
    const before = rssMiB(client.process.pid!);
    for (let round = 0; round < 4; round++) {
      const sources = Array.from({ length: 500 }, () => new CancellationTokenSource());
      const held = sources.map(s => client.workspaceDiagnostics(previous, s));
      await new Promise(r => setTimeout(r, 50));
      for (const s of sources) s.cancel();
      const results = await within(Promise.allSettled(held), 30000, 'the held pulls');
      const { cancelled } = assertOnlyCancellations(results, 'held pulls');
      const answered = results.find(r => r.status === 'fulfilled') as PromiseFulfilledResult<{ items: Array<{ uri: string }> }> | undefined;
      assert.equal(cancelled, 500, `a held pull answered without a change: ${JSON.stringify(answered?.value.items.map(i => i.uri))}`);
    }
    await assertAnswersRight('after the held pulls');
    // A change still reaches a held pull.
    const pending = client.workspaceDiagnostics(previous);
    await editor.replaceAll(seedUri, seed.replace('## Persona', '## Personae'));
    const report = await within(pending, 10000, 'a held pull after a change');
    assert.deepEqual(
      report.items.map(i => i.uri),
      [seedUri],
    );
    await editor.replaceAll(seedUri, seed);
    const now = rssMiB(client.process.pid!);
    t.diagnostic(`RSS ${before.toFixed(0)} MiB before, ${now.toFixed(0)} MiB after`);
    assert.ok(now < before + KEEP_MIB, `RSS grew from ${before.toFixed(0)} to ${now.toFixed(0)} MiB`);
  });

  test('malformed requests get an error or an empty answer, never a dead server', async () => {
    const conn = client.connection;
    const odd: Array<[string, unknown]> = [
      ['textDocument/completion', {}],
      ['textDocument/completion', null],
      ['textDocument/completion', { textDocument: { uri: seedUri }, position: { line: -1, character: -1 } }],
      ['textDocument/completion', { textDocument: { uri: seedUri }, position: { line: 2 ** 31, character: 2 ** 31 } }],
      ['textDocument/completion', { textDocument: { uri: seedUri }, position: { line: 1.5, character: 'x' } }],
      ['textDocument/definition', { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } }],
      ['textDocument/definition', { textDocument: { uri: 'file://%zz' }, position: { line: 0, character: 0 } }],
      ['textDocument/definition', { textDocument: { uri: '' }, position: { line: 0, character: 0 } }],
      ['textDocument/hover', { textDocument: { uri: 'file:///etc/passwd' }, position: { line: 0, character: 0 } }],
      ['textDocument/diagnostic', { textDocument: { uri: 'file:///nowhere/roles/x.md' } }],
      ['textDocument/diagnostic', { textDocument: {} }],
      ['workspace/diagnostic', { previousResultIds: 'not an array' }],
      ['workspace/symbol', { query: '('.repeat(10000) }],
      ['textDocument/rename', { textDocument: { uri: seedUri }, position: { line: hrLine, character: hrChar }, newName: '../../etc/passwd' }],
      [
        'textDocument/codeAction',
        { textDocument: { uri: seedUri }, range: { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } },
      ],
      ['fleetRoles/noSuchMethod', {}],
      ['$/noSuchRequest', {}],
    ];
    for (const [method, params] of odd) {
      const outcome = await within(
        conn.sendRequest(method, params).then(
          () => 'answered',
          (e: unknown) => e,
        ),
        10000,
        method,
      );
      if (outcome !== 'answered') {
        assert.ok(outcome instanceof ResponseError, `${method}: ${String(outcome)}`);
        assert.ok(
          [ErrorCodes.MethodNotFound, ErrorCodes.InvalidParams, ErrorCodes.InternalError, LSPErrorCodes.RequestFailed].includes(outcome.code),
          `${method}: code ${outcome.code}`,
        );
      }
      assert.equal(client.process.exitCode, null, `${method} killed the server`);
    }
    // Notifications out of the editor's order.
    const other = uriOf(nodePath.join(ws.roles, 'project-manager.md'));
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: other, version: 5 },
      contentChanges: [{ text: '# never opened' }],
    });
    await conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: other } });
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: 'untitled:x', languageId: 'markdown', version: 1, text: '**hr' },
    });
    await conn.sendNotification('textDocument/didSave', { textDocument: { uri: other } });
    await conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: 'not a uri', type: 1 },
        { uri: seedUri, type: 99 },
      ],
    });
    await conn.sendNotification('fleetRoles/noSuchNotification', { x: 1 });
    await assertAnswersRight('after malformed requests');
    assert.deepEqual(await client.diagnostics(other), [], 'a change to an unopened document changed the index');
  });

  /** A buffer past the 4 MiB a role file on disk may have: bold, links and code on every line. */
  const huge = seed + '\n'.concat(`${'Lorem **ipsum** [dolor](./sit.md) `amet` '.repeat(40)}\n`.repeat(3_400));

  test('a 5 MB buffer is taken and replaced, and the server answers after it', async t => {
    assert.ok(huge.length > 5 * 1024 * 1024, String(huge.length));
    const started = Date.now();
    await editor.replaceAll(seedUri, huge);
    const ds = await within(client.diagnostics(seedUri), 60000, 'diagnostics of 5 MB');
    t.diagnostic(`${huge.length} characters checked in ${Date.now() - started} ms`);
    assert.ok(Array.isArray(ds));
    await editor.replaceAll(seedUri, seed);
    await assertAnswersRight('after a 5 MB buffer');
  });

  test('a buffer over 4 MiB is refused as the same file on disk is: one unreadable-file, at once', async () => {
    const started = Date.now();
    await editor.replaceAll(seedUri, huge);
    const ds = await within(client.diagnostics(seedUri), 60000, 'diagnostics of 5 MB');
    await editor.replaceAll(seedUri, seed);
    assert.deepEqual(
      ds.map(d => d.code),
      ['unreadable-file'],
    );
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  });

  test('bytes that are not JSON-RPC are survived', async () => {
    const stdin = client.process.stdin!;
    const body = '{"jsonrpc":"2.0","id":99999,"method":';
    stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await new Promise(r => setTimeout(r, 200));
    assert.equal(client.process.exitCode, null, 'invalid JSON killed the server');
    await assertAnswersRight('after invalid JSON');
  });
});
