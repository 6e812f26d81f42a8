import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient, uriOf } from '../support/lspClient';
import { copySampleLibrary } from '../support/tempLibrary';

const codes = (ds: Diagnostic[]) => ds.map(d => d.code);

describe('language server over JSON-RPC (stdio)', () => {
  const lib = copySampleLibrary();
  const seedPath = nodePath.join(lib.roles, 'operations-manager.md');
  const seedUri = uriOf(seedPath);
  const seedText = readFileSync(seedPath, 'utf8');
  let client: LspTestClient;
  let capabilities: Record<string, unknown>;

  before(async () => {
    const started = await LspTestClient.start([lib.workspace]);
    client = started.client;
    capabilities = started.result.capabilities as Record<string, unknown>;
  });
  after(async () => {
    await client.stop();
    lib.dispose();
  });

  test('announces pull diagnostics across files, completion and definition', () => {
    assert.deepEqual(capabilities.diagnosticProvider, { identifier: 'fleet-roles', interFileDependencies: true, workspaceDiagnostics: true });
    assert.ok(capabilities.completionProvider);
    assert.equal(capabilities.definitionProvider, true);
  });

  test('logs what it indexed in words: "1 library", not "1 libraries"', async () => {
    await client.diagnostics(seedUri);
    const indexed = client.messages.filter(m => m.method === 'window/logMessage' && /^fleet-roles: indexed /.test(m.message)).map(m => m.message);
    assert.equal(indexed.length, 1, JSON.stringify(client.messages));
    assert.match(indexed[0], /^fleet-roles: indexed 22 files in 1 library in \d+ ms$/);
  });

  test('registers file watchers for role files and the configuration', async () => {
    await client.diagnostics(seedUri);
    assert.ok(client.registrations.includes('workspace/didChangeWatchedFiles'), client.registrations.join());
  });

  test('the seed file, unopened, has no diagnostics', async () => {
    assert.deepEqual(await client.diagnostics(seedUri), []);
  });

  test('a workspace pull reports every role file of the library, all clean', async () => {
    const report = await client.workspaceDiagnostics();
    const uris = report.items.map(i => i.uri);
    assert.ok(uris.includes(seedUri));
    assert.ok(report.items.length >= 18, `only ${report.items.length} files`);
    for (const item of report.items) assert.deepEqual(item.kind === 'full' ? item.items : [], [], item.uri);
  });

  test('an edited, unsaved buffer is checked: a misspelled role is one unknown-role at the name', async () => {
    await client.open(seedUri, seedText);
    await client.change(seedUri, seedText.replace('**hr-generalist**', '**hr-generalst**'));
    const ds = await client.diagnostics(seedUri);
    assert.deepEqual(codes(ds), ['unknown-role']);
    assert.equal(ds[0].message, "Unknown role 'hr-generalst'. Did you mean 'hr-generalist'?");
    assert.equal(ds[0].severity, 1);
    assert.equal(ds[0].source, 'fleet-roles');
    const line = seedText.split('\n').findIndex(l => l.includes('**hr-generalist**'));
    const character = seedText.split('\n')[line].indexOf('**hr-generalist**') + 2;
    assert.deepEqual(ds[0].range, { start: { line, character }, end: { line, character: character + 'hr-generalst'.length } });
    await client.change(seedUri, seedText);
    assert.deepEqual(await client.diagnostics(seedUri), []);
  });

  test('completes role names inside ** with domain and title as detail', async () => {
    const text = seedText.replace('**project-manager**', '**pro');
    await client.change(seedUri, text);
    const line = text.split('\n').findIndex(l => l.includes('**pro') && !l.includes('**project'));
    const character = text.split('\n')[line].indexOf('**pro') + 5;
    const list = await client.completion(seedUri, { line, character });
    const item = list.items.find(i => i.label === 'project-manager');
    assert.ok(item, list.items.map(i => i.label).join());
    assert.match(item.detail ?? '', /delivery/);
    assert.match(item.detail ?? '', /Project Manager/);
    assert.ok(!list.items.some(i => i.label === 'operations-manager'), 'a role does not complete itself');
    await client.change(seedUri, seedText);
  });

  test('completes domains after domain: in an inline declaration', async () => {
    const text = seedText.replace('`domain: operations`', '`domain: op`');
    await client.change(seedUri, text);
    const line = text.split('\n').findIndex(l => l.includes('`domain: op`'));
    const character = text.split('\n')[line].indexOf('`domain: op`') + '`domain: op'.length;
    const list = await client.completion(seedUri, { line, character });
    assert.ok(list.items.some(i => i.label === 'operations'));
    await client.change(seedUri, seedText);
  });

  test("goes from a bold reference to the role file's title line", async () => {
    const line = seedText.split('\n').findIndex(l => l.includes('**business-analyst**'));
    const character = seedText.split('\n')[line].indexOf('business-analyst') + 3;
    const locations = await client.definition(seedUri, { line, character });
    assert.equal(locations.length, 1);
    assert.equal(locations[0].uri, uriOf(nodePath.join(lib.roles, 'business-analyst.md')));
    const target = readFileSync(nodePath.join(lib.roles, 'business-analyst.md'), 'utf8').split('\n');
    assert.match(target[locations[0].range.start.line], /^# /);
  });

  test('deleting a named role turns the seed red at once; restoring it clears it', async () => {
    const hrPath = nodePath.join(lib.roles, 'hr-generalist.md');
    const aside = nodePath.join(lib.workspace, 'hr-generalist.md.bak');
    renameSync(hrPath, aside);
    let refreshed = client.nextRefresh();
    await client.filesChanged([{ uri: uriOf(hrPath), type: FileChangeType.Deleted }]);
    await refreshed;
    const ds = await client.diagnostics(seedUri);
    assert.deepEqual(codes(ds), ['unknown-role']);
    assert.equal(ds[0].message, "Unknown role 'hr-generalist'. No role file 'hr-generalist.md' exists in this library.");

    renameSync(aside, hrPath);
    refreshed = client.nextRefresh();
    await client.filesChanged([{ uri: uriOf(hrPath), type: FileChangeType.Created }]);
    await refreshed;
    assert.deepEqual(await client.diagnostics(seedUri), []);
  });

  test('an open buffer wins over the disk: deleting its file changes nothing', async () => {
    const pmPath = nodePath.join(lib.roles, 'project-manager.md');
    const pmUri = uriOf(pmPath);
    const pmText = readFileSync(pmPath, 'utf8');
    await client.open(pmUri, pmText);
    rmSync(pmPath);
    await client.filesChanged([{ uri: pmUri, type: FileChangeType.Deleted }]);
    assert.deepEqual(await client.diagnostics(seedUri), []);
    await client.close(pmUri);
    // Closed and gone from disk: now the reference is unknown.
    await client.nextRefresh();
    assert.deepEqual(codes(await client.diagnostics(seedUri)), ['unknown-role']);
    writeFileSync(pmPath, pmText);
    const refreshed = client.nextRefresh();
    await client.filesChanged([{ uri: pmUri, type: FileChangeType.Created }]);
    await refreshed;
    assert.deepEqual(await client.diagnostics(seedUri), []);
  });

  test('closing and at once reopening a file keeps the new buffer (no lost edit)', async () => {
    const baUri = uriOf(nodePath.join(lib.roles, 'business-analyst.md'));
    const baText = readFileSync(nodePath.join(lib.roles, 'business-analyst.md'), 'utf8');
    await client.open(baUri, baText);
    await client.close(baUri);
    await client.open(baUri, baText.replace('## Persona', '## Personae'));
    assert.deepEqual(codes(await client.diagnostics(baUri)), ['missing-section'], 'the reopened buffer, not the disk');
    await client.close(baUri);
    assert.deepEqual(await client.diagnostics(baUri), [], 'closed: the disk again');
  });

  test('a workspace pull with current result ids waits for a change, then reports only what changed', async () => {
    const first = await client.workspaceDiagnostics();
    const previous = first.items.map(i => ({ uri: i.uri, value: (i as { resultId?: string }).resultId ?? '' }));
    let settled = false;
    const held = client.workspaceDiagnostics(previous).then(r => {
      settled = true;
      return r;
    });
    await new Promise(r => setTimeout(r, 300));
    assert.equal(settled, false, 'nothing changed, so the request is held');
    const baPath = nodePath.join(lib.roles, 'business-analyst.md');
    const baText = readFileSync(baPath, 'utf8');
    writeFileSync(baPath, baText.replace(/## Persona/, '## Personas'));
    await client.filesChanged([{ uri: uriOf(baPath), type: FileChangeType.Changed }]);
    const report = await held;
    assert.deepEqual(
      report.items.map(i => i.uri),
      [uriOf(baPath)],
    );
    const item = report.items[0];
    assert.equal(item.kind, 'full');
    assert.deepEqual(item.kind === 'full' ? codes(item.items) : [], ['missing-section']);
    writeFileSync(baPath, baText);
    await client.filesChanged([{ uri: uriOf(baPath), type: FileChangeType.Changed }]);
  });

  test('a broken configuration is a diagnostic on its file, and the library goes on with the defaults; fixing it reloads', async () => {
    const configPath = nodePath.join(lib.roles, 'fleet-roles.json');
    const configUri = uriOf(configPath);
    const good = readFileSync(configPath, 'utf8');
    writeFileSync(configPath, '{\n  "domains": ["operations",\n  "roleFolder": []\n}\n');
    let refreshed = client.nextRefresh();
    await client.filesChanged([{ uri: configUri, type: FileChangeType.Changed }]);
    await refreshed;
    const problems = await client.diagnostics(configUri);
    assert.equal(problems.length > 0, true);
    assert.equal(problems[0].code, 'invalid-config');
    assert.match(problems[0].message, /^Invalid JSON: /);
    assert.equal(problems[0].range.start.line, 2);
    assert.deepEqual(await client.diagnostics(seedUri), [], 'role files are still checked, with the built-in domains');
    writeFileSync(configPath, good.replace('"operations",', ''));
    refreshed = client.nextRefresh();
    await client.filesChanged([{ uri: configUri, type: FileChangeType.Changed }]);
    await refreshed;
    assert.deepEqual(await client.diagnostics(configUri), []);
    assert.deepEqual(codes(await client.diagnostics(seedUri)), ['unknown-domain'], 'the new domains apply at once');
    writeFileSync(configPath, good);
    refreshed = client.nextRefresh();
    await client.filesChanged([{ uri: configUri, type: FileChangeType.Changed }]);
    await refreshed;
    assert.deepEqual(await client.diagnostics(seedUri), []);
  });

  test('a held workspace pull ends when the client cancels it', async () => {
    const first = await client.workspaceDiagnostics();
    const previous = first.items.map(i => ({ uri: i.uri, value: (i as { resultId?: string }).resultId ?? '' }));
    const source = new CancellationTokenSource();
    const held = client.workspaceDiagnostics(previous, source);
    source.cancel();
    await assert.rejects(held, /cancel/i);
    assert.deepEqual(await client.diagnostics(seedUri), [], 'the server still answers');
  });
});
