import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver-types';
import { loadService } from '../../support/loadService';
import { sampleLibrary, SEED_PATH } from '../../support/seed';
import { lineOf, lineRange, rangeOf } from '../helpers';

const seed = () => sampleLibrary()[SEED_PATH];

describe('document symbols', () => {
  test('the title over the whole file, its sections, and one symbol per Boundaries bullet with the roles it names', async () => {
    const { service } = await loadService(sampleLibrary());
    const text = seed();
    const [title, ...rest] = service.getDocumentSymbols(SEED_PATH);
    assert.deepEqual(rest, []);
    assert.equal(title.name, 'Operations Manager — fleet role definition');
    assert.equal(title.detail, 'operations-manager · operations');
    assert.equal(title.kind, SymbolKind.Class);
    assert.deepEqual(title.selectionRange, rangeOf(text, '# Operations Manager — fleet role definition'));
    assert.deepEqual(title.range.start, { line: 0, character: 0 });
    assert.deepEqual(
      title.children?.map(c => [c.name, c.kind]),
      [
        ['Mandate', SymbolKind.Namespace],
        ['Boundaries', SymbolKind.Namespace],
        ['Persona', SymbolKind.Namespace],
      ],
    );
    const boundaries = title.children![1].children!;
    assert.deepEqual(
      boundaries.map(b => b.detail),
      ['project-manager', 'business-analyst', 'hr-generalist'],
    );
    assert.deepEqual(
      boundaries.map(b => b.kind),
      [SymbolKind.Field, SymbolKind.Field, SymbolKind.Field],
    );
    assert.equal(boundaries[0].name, '**Does NOT run one-off initiatives** — bounded, time-boxed change is the **proj…', 'one line, cut at 80 characters');
    assert.deepEqual(boundaries[0].selectionRange, lineRange(text, lineOf(text, '- **Does NOT run one-off initiatives**', true)));
  });

  test('a document is a File symbol without a class; a file without a title gives its sections', async () => {
    const { service } = await loadService(sampleLibrary());
    const [index] = service.getDocumentSymbols('/ws/roles/LIBRARY.md');
    assert.equal(index.kind, SymbolKind.File);
    const untitled = seed().replace('# Operations Manager — fleet role definition\n', '');
    service.setDocument(SEED_PATH, untitled);
    assert.deepEqual(
      service.getDocumentSymbols(SEED_PATH).map(s => s.name),
      ['Mandate', 'Boundaries', 'Persona'],
    );
    assert.deepEqual(service.getDocumentSymbols('/ws/roles/nowhere.md'), []);
  });
});

describe('workspace symbols', () => {
  test('roles by fuzzy name or title, the tightest match first, at their title line', async () => {
    const { service } = await loadService(sampleLibrary());
    const [first] = service.getWorkspaceSymbols('opsmgr');
    assert.deepEqual(first, {
      name: 'operations-manager',
      kind: SymbolKind.Class,
      containerName: 'operations · Operations Manager — fleet role definition',
      location: { uri: `file://${SEED_PATH}`, range: lineRange(seed(), 0) },
    });
    assert.ok(
      service.getWorkspaceSymbols('HR Generalist').some(s => s.name === 'hr-generalist'),
      'by title, spaces ignored',
    );
    assert.deepEqual(service.getWorkspaceSymbols('zzzz'), []);
  });

  test('an empty query lists every role, never a document', async () => {
    const { service } = await loadService(sampleLibrary());
    const names = service
      .getWorkspaceSymbols('')
      .map(s => s.name)
      .sort();
    const roles = Object.keys(sampleLibrary())
      .map(p => p.slice(p.lastIndexOf('/') + 1))
      .filter(n => /^[a-z0-9-]+\.md$/.test(n))
      .map(n => n.slice(0, -3))
      .sort();
    assert.deepEqual(names, roles);
  });
});
