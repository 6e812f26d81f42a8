import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type { ClientCapabilities } from 'vscode-languageserver-protocol';
import { generateLibrary, writeLibrary } from '../../bench/generate';
import { PROGRESS_REPORT_MS } from '../../server/src/lsp/loadProgress';
import { FULL_CAPABILITIES, LspTestClient } from '../support/lspClient';

/** Enough roles that a load takes longer than a report's interval, on any machine. */
const ROLES = 4000;

const loaded = (client: LspTestClient) => client.messages.some(m => /indexed .* files?/.test(m.message));

describe('work-done progress while a library loads', () => {
  let root: string;
  before(() => {
    root = writeLibrary(generateLibrary({ roles: ROLES }));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const untilLoaded = async (client: LspTestClient) => {
    const deadline = Date.now() + 60_000;
    while (!loaded(client) && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 20));
    assert.ok(loaded(client));
  };

  test('a client that declares it is sent begin, reports at a bounded rate, and end', async () => {
    const capabilities: ClientCapabilities = { ...FULL_CAPABILITIES, window: { workDoneProgress: true } };
    const { client } = await LspTestClient.start([root], { capabilities });
    try {
      await untilLoaded(client);
      const deadline = Date.now() + 10_000;
      while (client.progress.at(-1)?.value.kind !== 'end' && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 20));
      assert.deepEqual(
        client.serverRequests.filter(m => m === 'window/workDoneProgress/create'),
        ['window/workDoneProgress/create'],
      );
      const kinds = client.progress.map(p => p.value.kind);
      assert.equal(kinds[0], 'begin');
      assert.equal(kinds.at(-1), 'end');
      assert.deepEqual(
        kinds.slice(1, -1).filter(k => k !== 'report'),
        [],
      );
      assert.equal(new Set(client.progress.map(p => p.token)).size, 1);
      const begin = client.progress[0].value;
      assert.equal(begin.kind === 'begin' && begin.title, 'Indexing roles');
      const reports = client.progress.flatMap(p => (p.value.kind === 'report' ? [p.value] : []));
      assert.ok(reports.length > 0, 'no report');
      const files = ROLES + 1;
      const counts = reports.map(r => {
        const match = /^([\d,]+)\/([\d,]+)$/.exec(r.message ?? '');
        assert.ok(match, r.message);
        assert.equal(match[2], files.toLocaleString('en-US'));
        return Number(match[1].replace(/,/g, ''));
      });
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => a - b),
        'counts that go back',
      );
      assert.ok(counts.every(c => c > 0 && c <= files));
      const percentages = reports.map(r => r.percentage ?? -1);
      assert.ok(percentages.every(p => p >= 0 && p <= 100));
      // Not per file nor per batch: at most one report per interval between begin and end.
      const span = client.progress.at(-1)!.at - client.progress[0].at;
      assert.ok(reports.length <= Math.ceil(span / PROGRESS_REPORT_MS) + 1, `${reports.length} reports in ${span} ms`);
    } finally {
      await client.stop();
    }
  });

  test('a client that does not declare it is sent none', async () => {
    const { client } = await LspTestClient.start([root]);
    try {
      await untilLoaded(client);
      await new Promise(resolve => setTimeout(resolve, 200));
      assert.deepEqual(
        client.serverRequests.filter(m => m === 'window/workDoneProgress/create'),
        [],
      );
      assert.deepEqual(client.progress, []);
    } finally {
      await client.stop();
    }
  });
});
