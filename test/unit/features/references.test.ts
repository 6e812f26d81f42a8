import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadService } from '../../support/loadService';
import { sampleLibrary, SEED_PATH } from '../../support/seed';
import { lineOf, lineRange, positionAt, rangeOf } from '../helpers';
import { sampleReferrers } from './sampleOracle';

const PM = '/ws/roles/project-manager.md';
const INDEX = '/ws/roles/LIBRARY.md';
const uri = (path: string) => `file://${path}`;
const seed = () => `${sampleLibrary()[SEED_PATH]}\nSee also [the project manager](./project-manager.md).\n`;

describe('find references', () => {
  test('from a bold reference: every bold reference and link to the role, the index included, in path order', async () => {
    const text = seed();
    const { service } = await loadService({ ...sampleLibrary(), [SEED_PATH]: text });
    const locations = service.getReferences(SEED_PATH, positionAt(text, '**project-manager**', 3), false);
    const inSeed = locations.filter(l => l.uri === uri(SEED_PATH)).map(l => l.range);
    assert.deepEqual(inSeed, [rangeOf(text, 'project-manager', 0), rangeOf(text, 'project-manager', 1)], "the bold name and the link's file name");
    const index = sampleLibrary()[INDEX];
    assert.deepEqual(
      locations.filter(l => l.uri === uri(INDEX)).map(l => l.range),
      [rangeOf(index, 'project-manager', 1)],
    );
    const files = [...new Set(locations.map(l => l.uri))];
    assert.deepEqual(files, [...files].sort(), 'in path order');
    const roleFiles = files.filter(u => u !== uri(INDEX));
    assert.deepEqual(roleFiles, sampleReferrers('project-manager', true).map(uri), 'its own file names it too');
  });

  test("with the declaration: the role file's title line comes first", async () => {
    const text = seed();
    const { service } = await loadService({ ...sampleLibrary(), [SEED_PATH]: text });
    const at = positionAt(text, '**project-manager**', 3);
    const without = service.getReferences(SEED_PATH, at, false);
    const withDeclaration = service.getReferences(SEED_PATH, at, true);
    const pm = sampleLibrary()[PM];
    assert.deepEqual(withDeclaration, [{ uri: uri(PM), range: lineRange(pm, lineOf(pm, '# ', true)) }, ...without]);
  });

  test('from the title or the class of a role file: the references to that role', async () => {
    const { service } = await loadService(sampleLibrary());
    const hr = '/ws/roles/hr-generalist.md';
    const fromTitle = service.getReferences(hr, { line: lineOf(sampleLibrary()[hr], '# ', true), character: 3 }, false);
    const fromSeed = service.getReferences(SEED_PATH, positionAt(sampleLibrary()[SEED_PATH], '**hr-generalist**', 3), false);
    assert.ok(fromTitle.length > 0);
    assert.deepEqual(fromTitle, fromSeed);
  });

  test('plain text and an unknown file have no references', async () => {
    const { service } = await loadService(sampleLibrary());
    assert.deepEqual(service.getReferences(SEED_PATH, positionAt(sampleLibrary()[SEED_PATH], 'keeping the machine', 2), true), []);
    assert.deepEqual(service.getReferences('/ws/roles/nowhere.md', { line: 0, character: 0 }, true), []);
  });
});
