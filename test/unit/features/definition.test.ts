import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadService } from '../../support/loadService';
import { sampleLibrary, SEED_PATH } from '../../support/seed';
import { lineOf, lineRange } from '../helpers';

const PM = '/ws/roles/project-manager.md';
const seed = () => sampleLibrary()[SEED_PATH];

describe('definition', () => {
  test("from a bold reference to the target file's title line", async () => {
    const lib = await loadService(sampleLibrary());
    const text = seed();
    const line = lineOf(text, "**project-manager**'s lane; the ops manager owns the steady state.");
    const pmText = sampleLibrary()[PM];
    const expected = [{ uri: 'file:///ws/roles/project-manager.md', range: lineRange(pmText, lineOf(pmText, '# Project Manager — fleet role definition')) }];
    assert.equal(expected[0].range.start.line, 5);
    for (const character of [2, 10, 2 + 'project-manager'.length]) {
      assert.deepEqual(lib.service.getDefinition(SEED_PATH, { line, character }), expected, `column ${character}`);
    }
  });

  test("from a link reference to the target file's title line", async () => {
    const lib = await loadService(sampleLibrary());
    const pmText = sampleLibrary()[PM];
    const line = lineOf(pmText, '([financial-analyst](./financial-analyst.md)); the project reports against them.');
    const character = '([financial-analyst](./'.length + 3;
    const target = sampleLibrary()['/ws/roles/financial-analyst.md'];
    assert.deepEqual(lib.service.getDefinition(PM, { line, character }), [
      { uri: 'file:///ws/roles/financial-analyst.md', range: lineRange(target, lineOf(target, '# ', true)) },
    ]);
  });

  test('from a link in the library document LIBRARY.md', async () => {
    const lib = await loadService(sampleLibrary());
    const doc = sampleLibrary()['/ws/roles/LIBRARY.md'];
    const line = lineOf(doc, '- [operations-manager](./operations-manager.md) — day-to-day throughput owner');
    const locations = lib.service.getDefinition('/ws/roles/LIBRARY.md', { line, character: '- [operations-manager](./'.length + 1 });
    assert.deepEqual(locations, [{ uri: 'file:///ws/roles/operations-manager.md', range: lineRange(seed(), 0) }]);
  });

  test('outside a reference, on emphasis and on an unknown name there is no definition', async () => {
    const lib = await loadService(sampleLibrary());
    const text = seed();
    const plain = lineOf(text, 'A steady operator who reads dashboards like a pulse. Its value is reliability:');
    assert.deepEqual(lib.service.getDefinition(SEED_PATH, { line: plain, character: 5 }), []);
    const emphasis = lineOf(text, '- **Does NOT author the spec** — requirements and process design come from the');
    assert.deepEqual(lib.service.getDefinition(SEED_PATH, { line: emphasis, character: 6 }), []);
    const persistent = lineOf(text, 'It is a **persistent** role', true);
    assert.deepEqual(lib.service.getDefinition(SEED_PATH, { line: persistent, character: 12 }), []);
  });

  test('a reference outside Boundaries still goes to its role', async () => {
    const lib = await loadService(sampleLibrary());
    const text = seed();
    const line = lineOf(text, "The **operations-manager** is the system's **day-to-day throughput owner**");
    const locations = lib.service.getDefinition(SEED_PATH, { line, character: 8 });
    assert.deepEqual(
      locations.map(l => l.uri),
      ['file:///ws/roles/operations-manager.md'],
    );
  });

  test('a bold name inside a code span has no definition', async () => {
    const lib = await loadService(sampleLibrary());
    const text = seed().replace('see `LIBRARY.md`', 'see `**project-manager**`');
    lib.service.setDocument(SEED_PATH, text);
    const line = lineOf(text, '> Doctrine', true);
    assert.deepEqual(lib.service.getDefinition(SEED_PATH, { line, character: text.split('\n')[line].indexOf('project-manager') + 2 }), []);
  });
});
