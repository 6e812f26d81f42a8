import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { FIX_ALL_KIND } from '../../../server/src/core';
import { applyTextEdits, applyToMemory, firstTextEdits } from '../../support/applyEdit';
import { loadService, type LoadedService } from '../../support/loadService';
import { sampleLibrary, SEED_PATH } from '../../support/seed';

const BA = '/ws/roles/business-analyst.md';
const INDEX = '/ws/roles/LIBRARY.md';
const CONFIG = '/ws/roles/fleet-roles.json';

/** The library with one file's text as an editor holds it, and that file's one diagnostic. */
async function editing(path: string, text: string): Promise<{ lib: LoadedService; diagnostics: Diagnostic[] }> {
  const lib = await loadService(sampleLibrary());
  lib.service.setDocument(path, text);
  return { lib, diagnostics: lib.diagnostics(path) };
}

const fixesFor = (lib: LoadedService, path: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> =>
  lib.service.getCodeActions(path, diagnostic.range, only);

describe('quick fixes', () => {
  test('a misspelt role: the closest role, preferred', async () => {
    const text = sampleLibrary()[SEED_PATH];
    const broken = text.replace('**hr-generalist**', '**hr-generalst**');
    const {
      lib,
      diagnostics: [diagnostic],
    } = await editing(SEED_PATH, broken);
    assert.equal(diagnostic.code, 'unknown-role');
    const preferred = (await fixesFor(lib, SEED_PATH, diagnostic)).filter(a => a.isPreferred);
    assert.deepEqual(
      preferred.map(a => a.title),
      ["Replace with 'hr-generalist'"],
    );
    assert.equal(applyTextEdits(broken, firstTextEdits(preferred[0].edit)), text);
  });

  test('an unknown role with no close name: a new role file that checks clean', async () => {
    const broken = sampleLibrary()[SEED_PATH].replace('**hr-generalist**', '**talent-scout**');
    const {
      lib,
      diagnostics: [diagnostic],
    } = await editing(SEED_PATH, broken);
    const create = (await fixesFor(lib, SEED_PATH, diagnostic)).find(a => a.title === 'Create role file talent-scout.md');
    assert.ok(create);
    lib.fs.files.set(SEED_PATH, broken);
    applyToMemory(lib.fs.files, create.edit!);
    const after = await loadService(Object.fromEntries(lib.fs.files));
    assert.deepEqual(after.diagnostics('/ws/roles/talent-scout.md'), [], 'the new role file checks clean');
    assert.deepEqual(after.diagnostics(SEED_PATH), [], 'the reference resolves');
  });

  test('a missing domain is declared inline, beside the last inline declaration', async () => {
    const noDomain = sampleLibrary()[BA].replace(', `domain: business`', '');
    const {
      lib,
      diagnostics: [diagnostic],
    } = await editing(BA, noDomain);
    assert.equal(diagnostic.code, 'missing-domain');
    const declare = (await fixesFor(lib, BA, diagnostic)).find(a => a.title.startsWith('Declare domain'))!;
    const declared = applyTextEdits(noDomain, firstTextEdits(declare.edit));
    assert.match(declared, /`persistent_persona: false`, `domain: [a-z-]+`/);
    lib.service.setDocument(BA, declared);
    assert.deepEqual(lib.diagnostics(BA), []);
  });

  test('an unknown domain can be added to the configuration, which keeps its other domains', async () => {
    const {
      lib,
      diagnostics: [diagnostic],
    } = await editing(BA, sampleLibrary()[BA].replace('`domain: business`', '`domain: procurement`'));
    assert.equal(diagnostic.code, 'unknown-domain');
    const add = (await fixesFor(lib, BA, diagnostic)).find(a => a.title === "Add 'procurement' to the library's domains in fleet-roles.json")!;
    const change = add.edit!.documentChanges![0];
    assert.ok('textDocument' in change && change.textDocument.uri === `file://${CONFIG}`);
    const config = JSON.parse(applyTextEdits(sampleLibrary()[CONFIG], firstTextEdits(add.edit)));
    assert.ok(config.domains.includes('procurement') && config.domains.includes('operations'));
  });

  test("a role the index does not list is added in the index's own style", async () => {
    const index = sampleLibrary()[INDEX];
    const line = index.split('\n').find(l => l.includes('[recruiter]'))!;
    const without = index.replace(`${line}\n`, '');
    const {
      lib,
      diagnostics: [hint],
    } = await editing(INDEX, without);
    assert.equal(hint.message, "The role 'recruiter' is not listed in the index.");
    const [fix] = await fixesFor(lib, INDEX, hint);
    const added = applyTextEdits(without, firstTextEdits(fix.edit));
    assert.match(added, /^- \[recruiter\]\(\.\/recruiter\.md\) — .+$/m);
    lib.service.setDocument(INDEX, added);
    assert.deepEqual(lib.diagnostics(INDEX), []);
  });

  test('only the diagnostics in the range are fixed; a clean file has no actions', async () => {
    const { lib } = await editing(SEED_PATH, sampleLibrary()[SEED_PATH]);
    assert.deepEqual(await lib.service.getCodeActions(SEED_PATH, { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } }), []);
    assert.deepEqual(await lib.service.getCodeActions('/ws/roles/nowhere.md', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), []);
  });
});

describe('fix all', () => {
  test('source.fixAll fixes what needs no choice, in one edit; quick fixes are not offered with it', async () => {
    const text = sampleLibrary()[BA];
    const broken = text.replace('`domain: business`', '`domain: busines`').replace('`persistent_persona: false`', '`persistent_persona: "false"`');
    const { lib, diagnostics } = await editing(BA, broken);
    assert.deepEqual(diagnostics.map(d => d.code).sort(), ['invalid-persistence', 'unknown-domain']);
    const actions = await fixesFor(lib, BA, diagnostics[0], ['source.fixAll']);
    assert.deepEqual(
      actions.map(a => a.kind),
      [FIX_ALL_KIND],
    );
    assert.equal(applyTextEdits(broken, firstTextEdits(actions[0].edit)), text);
  });
});
