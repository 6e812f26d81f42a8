import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import {
  DidChangeWatchedFilesNotification,
  type CodeAction,
  type DidChangeWatchedFilesRegistrationOptions,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { LspTestClient, uriOf } from '../support/lspClient';
import { makeTree } from '../support/runCli';

const PDF = [
  '---',
  'name: pdf-tool',
  'description: Extracts tables from PDF files; use it for PDFs.',
  'licence: MIT',
  'metadata:',
  '  version: 1.0',
  '',
  '---',
  '',
  'Read [the forms](references/forms.md) first, then [the chart](assets/chart.png).',
  '',
].join('\n');
const CSV = ['---', 'name: csv-tools', 'description: Reads CSV files.', 'context: fork', '', '---', '', 'Split on commas.', ''].join('\n');

describe('skills over JSON-RPC, with no configuration', () => {
  const tree = makeTree({
    '.agents/skills/pdf-tools/SKILL.md': PDF,
    '.agents/skills/pdf-tools/references/forms.md': '# Forms\n',
    '.claude/skills/csv-tools/SKILL.md': CSV,
  });
  const pdf = uriOf(nodePath.join(tree.dir, '.agents/skills/pdf-tools/SKILL.md'));
  const csv = uriOf(nodePath.join(tree.dir, '.claude/skills/csv-tools/SKILL.md'));
  const forms = uriOf(nodePath.join(tree.dir, '.agents/skills/pdf-tools/references/forms.md'));
  let client: LspTestClient;

  before(async () => {
    ({ client } = await LspTestClient.start([tree.dir]));
  });
  after(async () => {
    await client.stop();
    tree.dispose();
  });

  test("diagnostics: a name that is not the folder's, a misspelled key, metadata that is no text; the skill's other files unchecked", async () => {
    const diagnostics = await client.diagnostics(pdf);
    assert.deepEqual(
      diagnostics.map(d => [d.code, d.range.start.line]),
      [
        ['name-filename-mismatch', 1],
        ['unknown-key', 3],
        ['invalid-value', 5],
        ['broken-link', 9],
      ],
    );
    assert.deepEqual(await client.diagnostics(csv), []);
    const published = await client.allDiagnostics();
    assert.equal(published.get(forms)?.length ?? 0, 0);
  });

  test("the quick fixes of a name that is not the folder's", async () => {
    const [mismatch] = await client.diagnostics(pdf);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: pdf },
      range: mismatch.range,
      context: { diagnostics: [mismatch] },
    });
    const move = actions.find(a => a.title === 'Rename the folder to pdf-tool');
    assert.deepEqual(move?.edit?.documentChanges, [
      { kind: 'rename', oldUri: uriOf(nodePath.join(tree.dir, '.agents/skills/pdf-tools')), newUri: uriOf(nodePath.join(tree.dir, '.agents/skills/pdf-tool')) },
    ]);
    assert.ok(actions.some(a => a.title === "Change the name to 'pdf-tools'"));
  });

  test("completion of keys, with Claude Code's in .claude/skills only, and of a key's values", async () => {
    const plain = (await client.completion(pdf, { line: 6, character: 0 })).items.map(i => i.label);
    assert.ok(plain.includes('compatibility') && plain.includes('allowed-tools'), plain.join(', '));
    assert.ok(!plain.includes('disable-model-invocation'), plain.join(', '));
    const claude = (await client.completion(csv, { line: 4, character: 0 })).items.map(i => i.label);
    assert.ok(claude.includes('disable-model-invocation') && claude.includes('license'), claude.join(', '));
    const values = (await client.completion(csv, { line: 3, character: 'context: '.length })).items.map(i => i.label);
    assert.deepEqual(values, ['fork']);
  });

  test("a skill's link to a missing file, and the watch on a skill's files that keeps it current", async () => {
    const links = (await client.diagnostics(pdf)).filter(d => d.code === 'broken-link').map(d => d.message);
    assert.deepEqual(links, ["There is no 'assets/chart.png' in the skill's folder."], 'references/forms.md is there');
    const watchers = client.registered
      .filter(r => r.method === DidChangeWatchedFilesNotification.method)
      .flatMap(r => (r.registerOptions as DidChangeWatchedFilesRegistrationOptions).watchers.map(w => w.globPattern));
    assert.ok(watchers.includes('**/skills/**'), JSON.stringify(watchers));
  });

  test('New Skill writes a folder with its SKILL.md', async () => {
    const result = await client.request<{ uri: string; edit: WorkspaceEdit }>('fleetRoles/newRole', { name: 'xml-tools', near: pdf });
    assert.equal(result.uri, uriOf(nodePath.join(tree.dir, '.agents/skills/xml-tools/SKILL.md')));
  });
});
