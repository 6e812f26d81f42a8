import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { isRefusal } from '../../../server/src/core';
import { applyToMemory } from '../../support/applyEdit';
import { loadService } from '../../support/loadService';
import { sampleLibrary, SEED_PATH } from '../../support/seed';
import { positionAt, rangeOf } from '../helpers';

const PM = '/ws/roles/project-manager.md';
const seed = () => `${sampleLibrary()[SEED_PATH]}\nSee also [the project manager](./project-manager.md#mandate).\n`;
const library = () => ({ ...sampleLibrary(), [SEED_PATH]: seed() });

describe('prepare rename', () => {
  test("on a reference, the class or the title: the role's name and what stands there", async () => {
    const { service } = await loadService(library());
    const text = seed();
    assert.deepEqual(service.prepareRename(SEED_PATH, positionAt(text, '**project-manager**', 4)), {
      range: rangeOf(text, 'project-manager'),
      placeholder: 'project-manager',
      movedFiles: [PM],
    });
    assert.deepEqual(service.prepareRename(SEED_PATH, positionAt(text, 'class: operations-manager', 9)), {
      range: rangeOf(text, 'operations-manager', 1),
      placeholder: 'operations-manager',
      movedFiles: [SEED_PATH],
    });
    assert.equal((service.prepareRename(SEED_PATH, { line: 0, character: 5 }) as { placeholder: string }).placeholder, 'operations-manager');
  });

  test('an agent named by its key: no file that every rename moves (whether one moves depends on the new name)', async () => {
    const lead = '---\nname: lead\ndescription: Leads.\ntools: Agent(payments-designer)\n---\n\nLead.\n';
    const { service } = await loadService({
      '/ws/.claude/agents/designer.md': '---\nname: payments-designer\ndescription: Designs.\n---\n\nDesign.\n',
      '/ws/.claude/agents/lead.md': lead,
    });
    assert.deepEqual(service.prepareRename('/ws/.claude/agents/lead.md', positionAt(lead, 'payments-designer', 2)), {
      range: rangeOf(lead, 'payments-designer'),
      placeholder: 'payments-designer',
      movedFiles: [],
    });
  });

  test('refuses what is not a role, and a role that does not exist', async () => {
    const text = seed().replace('**hr-generalist**', '**hr-ghost**');
    const { service } = await loadService({ ...library(), [SEED_PATH]: text });
    assert.match((service.prepareRename(SEED_PATH, positionAt(text, 'keeping the machine', 2)) as { error: string }).error, /^Only a role can be renamed here/);
    assert.deepEqual(service.prepareRename(SEED_PATH, positionAt(text, 'hr-ghost', 2)), { error: "There is no role 'hr-ghost' to rename." });
  });
});

describe('rename', () => {
  test('changes bold references, possessives, links, the class and the file; the library stays clean', async () => {
    const { service, fs } = await loadService(library());
    const edit = (await service.rename(SEED_PATH, positionAt(seed(), '**project-manager**', 4), 'delivery-lead')) as WorkspaceEdit;
    assert.ok(!isRefusal(edit));
    const renames = edit.documentChanges!.filter(c => 'kind' in c);
    assert.deepEqual(renames, [{ kind: 'rename', oldUri: `file://${PM}`, newUri: 'file:///ws/roles/delivery-lead.md' }], 'the move comes after the text edits');
    assert.ok('kind' in edit.documentChanges![edit.documentChanges!.length - 1]);
    applyToMemory(fs.files, edit);
    const moved = fs.files.get('/ws/roles/delivery-lead.md')!;
    assert.match(moved, /class: delivery-lead/);
    const ops = fs.files.get(SEED_PATH)!;
    assert.match(ops, /\*\*delivery-lead\*\*'s lane/);
    assert.match(ops, /\[the project manager\]\(\.\/delivery-lead\.md#mandate\)/);
    assert.doesNotMatch(ops, /project-manager/);
    assert.match(
      fs.files.get('/ws/roles/LIBRARY.md')!,
      /\[project-manager\]\(\.\/delivery-lead\.md\)/,
      "the index's link text is prose: only the destination is a reference",
    );
    const after = await loadService(Object.fromEntries(fs.files));
    for (const path of fs.files.keys()) assert.deepEqual(after.diagnostics(path), [], path);
  });

  test('the title line is prose: left as written', async () => {
    const { service } = await loadService(library());
    const edit = (await service.rename(
      PM,
      { line: positionAt(sampleLibrary()[PM], '# Project Manager').line, character: 3 },
      'delivery-lead',
    )) as WorkspaceEdit;
    const own = edit.documentChanges!.find(c => 'textDocument' in c && c.textDocument.uri === `file://${PM}`);
    assert.ok(own && 'edits' in own && own.edits.length > 0, 'the class in its frontmatter is renamed');
    assert.ok(own.edits.every(e => e.newText === 'delivery-lead' && e.range.start.line !== positionAt(sampleLibrary()[PM], '# Project Manager').line));
  });

  test('refuses a taken name and a name that is no slug; the same name changes nothing', async () => {
    const { service } = await loadService(library());
    const at = positionAt(seed(), '**project-manager**', 4);
    assert.deepEqual(await service.rename(SEED_PATH, at, 'hr-generalist'), { error: "A role named 'hr-generalist' already exists in this library." });
    assert.deepEqual(await service.rename(SEED_PATH, at, 'Delivery Lead'), {
      error: "'Delivery Lead' is not a role name: use a kebab-case slug such as 'project-manager'.",
    });
    assert.deepEqual(await service.rename(SEED_PATH, at, 'project-manager'), { documentChanges: [] });
  });

  test('a format whose identity key is not among its declarations: the rename moves the file and edits the references', async () => {
    const role = (name: string, other: string) =>
      `---\nclass: ${name}\ndomain: operations\npersistent_persona: false\nhandle: ${name}\n---\n# ${name}\n\n## Mandate\n\n## Boundaries\n\n- **Does NOT x** — the **${other}**.\n\n## Persona\n`;
    const { service } = await loadService({
      '/ws/fleet-roles.json': JSON.stringify({ format: { extends: 'fleet', identity: { key: 'handle', matchFile: false } } }),
      '/ws/roles/a-role.md': role('a-role', 'b-role'),
      '/ws/roles/b-role.md': role('b-role', 'a-role'),
    });
    const edit = (await service.rename('/ws/roles/a-role.md', { line: 6, character: 3 }, 'c-role')) as WorkspaceEdit;
    assert.deepEqual(edit.documentChanges, [
      {
        textDocument: { uri: 'file:///ws/roles/b-role.md', version: null },
        edits: [{ range: rangeOf(role('b-role', 'a-role'), 'a-role'), newText: 'c-role' }],
      },
      { kind: 'rename', oldUri: 'file:///ws/roles/a-role.md', newUri: 'file:///ws/roles/c-role.md' },
    ]);
  });
});

describe('rename from the explorer (willRenameFiles)', () => {
  test('a role file moved to a free slug: the same text edits, and no move (the editor moves the file itself)', async () => {
    const { service } = await loadService(library());
    const edit = service.willRenameFiles([{ from: PM, to: '/ws/roles/delivery-lead.md' }])!;
    assert.ok(!edit.documentChanges!.some(c => 'kind' in c));
    const fromRename = (await service.rename(SEED_PATH, positionAt(seed(), '**project-manager**', 4), 'delivery-lead')) as WorkspaceEdit;
    assert.deepEqual(
      edit.documentChanges,
      fromRename.documentChanges!.filter(c => !('kind' in c)),
    );
  });

  test('a move to a name that is no slug, or that is taken, or of a document, has no edits', async () => {
    const { service } = await loadService(library());
    assert.equal(service.willRenameFiles([{ from: PM, to: '/ws/roles/Project Manager.md' }]), undefined);
    assert.equal(service.willRenameFiles([{ from: PM, to: '/ws/roles/hr-generalist.md' }]), undefined);
    assert.equal(service.willRenameFiles([{ from: '/ws/roles/LIBRARY.md', to: '/ws/roles/INDEX.md' }]), undefined);
  });
});
