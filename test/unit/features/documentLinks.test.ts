import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadService } from '../../support/loadService';
import { sampleLibrary, SEED_PATH } from '../../support/seed';
import { rangeOf } from '../helpers';

describe('document links', () => {
  test('each bold reference to an existing role links to its file; emphasis, unknown names and Markdown links do not', async () => {
    const text = `${sampleLibrary()[SEED_PATH].replace('**business-analyst**', '**business-ghost**')}\nSee [the project manager](./project-manager.md).\n`;
    const { service } = await loadService({ ...sampleLibrary(), [SEED_PATH]: text });
    const links = service.getDocumentLinks(SEED_PATH);
    assert.deepEqual(links, [
      { range: rangeOf(text, 'operations-manager'), target: 'file:///ws/roles/operations-manager.md', tooltip: 'Open role operations-manager' },
      { range: rangeOf(text, 'project-manager'), target: 'file:///ws/roles/project-manager.md', tooltip: 'Open role project-manager' },
      { range: rangeOf(text, 'hr-generalist'), target: 'file:///ws/roles/hr-generalist.md', tooltip: 'Open role hr-generalist' },
    ]);
  });

  test('an unknown file has none', async () => {
    const { service } = await loadService(sampleLibrary());
    assert.deepEqual(service.getDocumentLinks('/ws/roles/nowhere.md'), []);
  });
});
