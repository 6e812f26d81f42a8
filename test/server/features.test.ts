import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type {
  CodeAction,
  CodeLens,
  DocumentLink,
  DocumentSymbol,
  Hover,
  Location,
  SemanticTokens,
  WorkspaceEdit,
  WorkspaceSymbol,
} from 'vscode-languageserver-protocol';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { applyTextEdits, applyWorkspaceEdit, firstTextEdits } from '../support/applyEdit';
import { LspTestClient, uriOf } from '../support/lspClient';
import { copySampleLibrary } from '../support/tempLibrary';

const SEE_ALSO = '\nSee also [the project manager](./project-manager.md) for one-off work.\n';

describe('editor features over JSON-RPC', () => {
  const lib = copySampleLibrary();
  const file = (name: string) => nodePath.join(lib.roles, name);
  const seedPath = file('operations-manager.md');
  const seedUri = uriOf(seedPath);
  let client: LspTestClient;

  /** 0-based position of the `nth` occurrence of `needle` in a file, plus `shift` characters. */
  const positionOf = (path: string, needle: string, shift = 0) => {
    const lines = readFileSync(path, 'utf8').split('\n');
    const line = lines.findIndex(l => l.includes(needle));
    assert.ok(line >= 0, `${needle} not in ${path}`);
    return { line, character: lines[line].indexOf(needle) + shift };
  };

  before(async () => {
    // The seed refers to project-manager in bold with a possessive; a link to it is added.
    writeFileSync(seedPath, readFileSync(seedPath, 'utf8') + SEE_ALSO);
    ({ client } = await LspTestClient.start([lib.workspace]));
    await client.diagnostics(seedUri);
  });
  after(async () => {
    await client.stop();
    lib.dispose();
  });

  test('hover on a reference shows the role: title, declarations, Mandate, referrers', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: seedUri }, position: positionOf(seedPath, '**hr-generalist**', 4) });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /HR Generalist/);
    assert.match(value, /class `hr-generalist`/);
    assert.match(value, /domain `hr`/);
    assert.match(value, /Mandate:/);
    assert.match(value, /\d+ roles? refers? to this role\./);
  });

  test('find references lists bold references, links and the index', async () => {
    const locations = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: seedUri },
      position: positionOf(seedPath, '**project-manager**', 3),
      context: { includeDeclaration: false },
    });
    const uris = locations.map(l => l.uri);
    assert.equal(uris.filter(u => u === seedUri).length, 2, 'the bold reference and the link in the seed');
    assert.ok(uris.includes(uriOf(file('LIBRARY.md'))), 'the index');
    const withDeclaration = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: seedUri },
      position: positionOf(seedPath, '**project-manager**', 3),
      context: { includeDeclaration: true },
    });
    assert.equal(withDeclaration.length, locations.length + 1);
    assert.ok(withDeclaration.some(l => l.uri === uriOf(file('project-manager.md'))));
  });

  test('a code lens on the title counts the roles that refer to it', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(file('hr-generalist.md')) } });
    assert.equal(lenses.length, 1);
    assert.match(lenses[0].command?.title ?? '', /^\d+ roles? refers? to this role$/);
    assert.equal(lenses[0].command?.command, 'fleetRoles.showReferences');
  });

  test('document symbols: the title, its sections, and each boundary', async () => {
    const [title] = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: seedUri } });
    assert.equal(title.name, 'Operations Manager — fleet role definition');
    assert.deepEqual(
      title.children?.map(c => c.name),
      ['Mandate', 'Boundaries', 'Persona'],
    );
    const boundaries = title.children![1].children!;
    assert.equal(boundaries.length, 3);
    assert.deepEqual(
      boundaries.map(b => b.detail),
      ['project-manager', 'business-analyst', 'hr-generalist'],
    );
  });

  test('workspace symbols find roles by fuzzy name', async () => {
    const symbols = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'opsmgr' });
    assert.equal(symbols[0]?.name, 'operations-manager');
    const byTitle = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'HR Generalist' });
    assert.ok(byTitle.some(s => s.name === 'hr-generalist'));
  });

  test('document links make bold references clickable', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: seedUri } });
    // The lead's **operations-manager** names the role itself; **persistent** names no role and is emphasis.
    assert.deepEqual(links.map(l => l.target?.split('/').pop()).sort(), [
      'business-analyst.md',
      'hr-generalist.md',
      'operations-manager.md',
      'project-manager.md',
    ]);
  });

  test('semantic tokens tell existing references from unknown ones', async () => {
    const text = readFileSync(seedPath, 'utf8');
    await client.open(seedUri, text);
    try {
      await client.change(seedUri, text.replace('**hr-generalist**', '**hr-ghost**'));
      const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: seedUri } });
      const modifiers = [];
      for (let i = 4; i < tokens.data.length; i += 5) modifiers.push(tokens.data[i]);
      // The lead's self-reference, three in Boundaries, the link; **persistent** is emphasis, not a token.
      assert.equal(modifiers.length, 5);
      assert.equal(modifiers.filter(m => m === 1).length, 1, 'exactly one unknown');
    } finally {
      await client.change(seedUri, text);
      await client.close(seedUri);
    }
  });

  test('quick fixes for an unknown role: the closest role, or a new role file that checks clean', async () => {
    const text = readFileSync(seedPath, 'utf8');
    await client.open(seedUri, text);
    await client.change(seedUri, text.replace('**hr-generalist**', '**talent-scout**'));
    const [diagnostic] = await client.diagnostics(seedUri);
    assert.equal(diagnostic.code, 'unknown-role');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: seedUri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const create = actions.find(a => a.title === 'Create role file talent-scout.md');
    assert.ok(create, actions.map(a => a.title).join(', '));
    await client.close(seedUri);
    writeFileSync(seedPath, text.replace('**hr-generalist**', '**talent-scout**'));
    const events = applyWorkspaceEdit(create.edit!);
    const refreshed = client.nextRefresh();
    await client.filesChanged([...events, { uri: seedUri, type: FileChangeType.Changed }]);
    await refreshed;
    assert.ok(existsSync(file('talent-scout.md')));
    assert.deepEqual(await client.diagnostics(uriOf(file('talent-scout.md'))), [], 'the new role file checks clean');
    assert.deepEqual(await client.diagnostics(seedUri), [], 'the reference now resolves');
    writeFileSync(seedPath, text);
    rmSync(file('talent-scout.md'));
    await client.filesChanged([
      { uri: seedUri, type: FileChangeType.Changed },
      { uri: uriOf(file('talent-scout.md')), type: FileChangeType.Deleted },
    ]);
  });

  test('quick fix for a misspelled role replaces it with the closest role', async () => {
    const text = readFileSync(seedPath, 'utf8');
    await client.open(seedUri, text);
    const broken = text.replace('**hr-generalist**', '**hr-generalst**');
    await client.change(seedUri, broken);
    const [diagnostic] = await client.diagnostics(seedUri);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: seedUri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const replace = actions.find(a => a.isPreferred)!;
    assert.equal(replace.title, "Replace with 'hr-generalist'");
    assert.equal(applyTextEdits(broken, firstTextEdits(replace.edit)), text);
    await client.change(seedUri, text);
    await client.close(seedUri);
  });

  test('quick fixes for declarations: missing domain inline, unknown domain added to the configuration, fix-all', async () => {
    const baPath = file('business-analyst.md');
    const baUri = uriOf(baPath);
    const text = readFileSync(baPath, 'utf8');
    const fixFor = async (diagnostic: { range: unknown }, only?: string[]) =>
      client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: baUri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only },
      });
    const editsOf = (action: CodeAction) => firstTextEdits(action.edit);
    await client.open(baUri, text);
    try {
      const noDomain = text.replace(', `domain: business`', '');
      await client.change(baUri, noDomain);
      let [diagnostic] = await client.diagnostics(baUri);
      assert.equal(diagnostic.code, 'missing-domain');
      const declare = (await fixFor(diagnostic)).find(a => a.title.startsWith('Declare domain'))!;
      const declared = applyTextEdits(noDomain, editsOf(declare));
      assert.match(declared, /`persistent_persona: false`, `domain: [a-z-]+`/, 'inline, beside the last inline declaration');
      await client.change(baUri, declared);
      assert.deepEqual(await client.diagnostics(baUri), []);

      await client.change(baUri, text.replace('`domain: business`', '`domain: procurement`'));
      [diagnostic] = await client.diagnostics(baUri);
      assert.equal(diagnostic.code, 'unknown-domain');
      const addToConfig = (await fixFor(diagnostic)).find(a => a.title.startsWith("Add 'procurement' to the library's domains"))!;
      const configChange = addToConfig.edit!.documentChanges![0];
      assert.ok('textDocument' in configChange && configChange.textDocument.uri === uriOf(file('fleet-roles.json')));
      const config = JSON.parse(applyTextEdits(readFileSync(file('fleet-roles.json'), 'utf8'), firstTextEdits(addToConfig.edit)));
      assert.ok(config.domains.includes('procurement') && config.domains.includes('operations'));

      const broken = text.replace('`domain: business`', '`domain: busines`').replace('`persistent_persona: false`', '`persistent_persona: "false"`');
      await client.change(baUri, broken);
      const all = await client.diagnostics(baUri);
      assert.deepEqual(all.map(d => d.code).sort(), ['invalid-persistence', 'unknown-domain']);
      const [fixAll] = await fixFor(all[0], ['source.fixAll']);
      assert.equal(fixAll.kind, 'source.fixAll.fleet-roles');
      assert.equal(applyTextEdits(broken, editsOf(fixAll)), text);
    } finally {
      await client.change(baUri, text);
      await client.close(baUri);
    }
  });

  test("the index is checked: an unlisted role is a hint with a fix in the index's style", async () => {
    const indexPath = file('LIBRARY.md');
    const text = readFileSync(indexPath, 'utf8');
    const line = text.split('\n').find(l => l.includes('[recruiter]'))!;
    await client.open(uriOf(indexPath), text);
    try {
      const without = text.replace(`${line}\n`, '');
      await client.change(uriOf(indexPath), without);
      const [hint] = await client.diagnostics(uriOf(indexPath));
      assert.equal(hint.code, 'index-missing-role');
      assert.equal(hint.message, "The role 'recruiter' is not listed in the index.");
      const [fix] = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: uriOf(indexPath) },
        range: hint.range,
        context: { diagnostics: [hint] },
      });
      const added = applyTextEdits(without, firstTextEdits(fix.edit));
      assert.match(added, /^- \[recruiter\]\(\.\/recruiter\.md\) — .+$/m);
      await client.change(uriOf(indexPath), added);
      assert.deepEqual(await client.diagnostics(uriOf(indexPath)), []);
    } finally {
      await client.change(uriOf(indexPath), text);
      await client.close(uriOf(indexPath));
    }
  });

  test('inline comments silence a code for a line, and for the file', async () => {
    const text = readFileSync(seedPath, 'utf8');
    const broken = text.replace(
      'belong to the **hr-generalist**, even when ops feels the headcount gap.',
      'belong to the **hr-ghost**, even when ops feels the headcount gap.',
    );
    await client.open(seedUri, text);
    try {
      await client.change(seedUri, broken);
      assert.deepEqual(
        (await client.diagnostics(seedUri)).map(d => d.code),
        ['unknown-role'],
      );
      await client.change(seedUri, broken.replace('headcount gap.', 'headcount gap. <!-- fleet-roles-disable-line unknown-role -->'));
      assert.deepEqual(await client.diagnostics(seedUri), []);
      await client.change(
        seedUri,
        broken.replace('- **Does NOT own staffing policy**', '<!-- fleet-roles-disable-next-line unknown-role -->\n- **Does NOT own staffing policy**'),
      );
      assert.deepEqual(
        (await client.diagnostics(seedUri)).map(d => d.code),
        ['unknown-role'],
        "the reference is on the bullet's second line, not the next one",
      );
      await client.change(seedUri, `${broken}\n<!-- fleet-roles-disable unknown-role -->\n`);
      assert.deepEqual(await client.diagnostics(seedUri), []);
      await client.change(seedUri, `${broken}\n<!-- fleet-roles-disable self-reference -->\n`);
      assert.deepEqual(
        (await client.diagnostics(seedUri)).map(d => d.code),
        ['unknown-role'],
        'only the codes named are silenced',
      );
    } finally {
      await client.change(seedUri, text);
      await client.close(seedUri);
    }
  });

  test('prepareRename refuses what is not a role; rename refuses a taken name or a non-slug', async () => {
    const lead = positionOf(seedPath, 'keeping the machine moving', 2);
    await assert.rejects(client.request('textDocument/prepareRename', { textDocument: { uri: seedUri }, position: lead }), /Only a role can be renamed/);
    const at = positionOf(seedPath, '**project-manager**', 4);
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: seedUri }, position: at });
    assert.equal(prepared.placeholder, 'project-manager');
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: seedUri }, position: at, newName: 'hr-generalist' }), /already exists/);
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: seedUri }, position: at, newName: 'Delivery Lead' }), /not a role name/);
  });

  test('rename changes bold references, possessives, links, the class and the file, and the library stays clean', async () => {
    const at = positionOf(seedPath, '**project-manager**', 4);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: seedUri }, position: at, newName: 'delivery-lead' });
    const renames = edit.documentChanges!.filter(c => 'kind' in c);
    assert.deepEqual(renames, [{ kind: 'rename', oldUri: uriOf(file('project-manager.md')), newUri: uriOf(file('delivery-lead.md')) }]);
    const asked = await client.request('workspace/willRenameFiles', {
      files: [{ oldUri: uriOf(file('project-manager.md')), newUri: uriOf(file('delivery-lead.md')) }],
    });
    assert.equal(asked, null, 'the move the rename asked for brings no second copy of its edits');
    const events = applyWorkspaceEdit(edit);
    const seed = readFileSync(seedPath, 'utf8');
    assert.match(seed, /\*\*delivery-lead\*\*'s lane/);
    assert.match(seed, /\[the project manager\]\(\.\/delivery-lead\.md\)/);
    assert.doesNotMatch(seed, /project-manager/);
    assert.match(readFileSync(file('delivery-lead.md'), 'utf8'), /class: delivery-lead/);
    assert.match(readFileSync(file('LIBRARY.md'), 'utf8'), /\(\.\/delivery-lead\.md\)/);
    const refreshed = client.nextRefresh();
    await client.filesChanged(events);
    await refreshed;
    const all = await client.allDiagnostics();
    for (const uri of [seedUri, uriOf(file('delivery-lead.md')), uriOf(file('LIBRARY.md'))])
      assert.ok(all.has(uri), `${uri} is not checked: ${[...all.keys()].join(', ')}`);
    for (const [uri, ds] of all) assert.deepEqual(ds, [], uri);
  });

  test('renaming a file in the explorer offers the same updates (willRenameFiles)', async () => {
    const edit = await client.request<WorkspaceEdit>('workspace/willRenameFiles', {
      files: [{ oldUri: uriOf(file('hr-generalist.md')), newUri: uriOf(file('people-partner.md')) }],
    });
    const touched = edit.documentChanges!.map(c => ('textDocument' in c ? c.textDocument.uri.split('/').pop() : 'op'));
    assert.ok(touched.includes('operations-manager.md'));
    assert.ok(touched.includes('hr-generalist.md'), 'its own class, before the move');
    assert.ok(!edit.documentChanges!.some(c => 'kind' in c), 'the editor moves the file itself');
    const none = await client.request<WorkspaceEdit | null>('workspace/willRenameFiles', {
      files: [{ oldUri: uriOf(file('hr-generalist.md')), newUri: uriOf(file('HR Generalist.md')) }],
    });
    assert.equal(none, null, 'a name that is not a slug: no edits');
  });

  test('the graph request gives nodes by domain and edges from Boundaries', async () => {
    const [graph] =
      await client.request<Array<{ nodes: Array<{ id: string; domain?: string }>; edges: Array<{ from: string; to: string }> }>>('fleetRoles/graph');
    assert.ok(graph.nodes.some(n => n.id === 'operations-manager' && n.domain === 'operations'));
    assert.ok(graph.edges.some(e => e.from === 'operations-manager' && e.to === 'hr-generalist'));
    const ids = new Set(graph.nodes.map(n => n.id));
    for (const e of graph.edges) assert.ok(ids.has(e.from) && ids.has(e.to));
  });
});
