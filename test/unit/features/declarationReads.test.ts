/**
 * A guard on work, as the work-count tests are: how often one request reads
 * a role's declarations. A fix per diagnostic, or a rename that found the
 * identity and then looks for it again, each read the same file's anew.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadService } from '../../support/loadService';
import { sampleLibrary, SEED_PATH } from '../../support/seed';
import { positionAt } from '../helpers';

// The module's exports object, which the core calls through: wrapped to count, not replaced.
const declarations = require('../../../server/src/core/parse/declarations') as typeof import('../../../server/src/core/parse/declarations');

/** The roles whose declarations the work read, one entry per read. */
async function readsDuring(work: () => unknown): Promise<string[]> {
  const original = declarations.roleDeclarations;
  const reads: string[] = [];
  declarations.roleDeclarations = (role, keys) => {
    reads.push(role.path);
    return original(role, keys);
  };
  try {
    await work();
  } finally {
    declarations.roleDeclarations = original;
  }
  return reads;
}

const BA = '/ws/roles/business-analyst.md';

describe('declarations read per request', () => {
  test('code actions over a file with several declaration problems read its declarations once', async () => {
    const broken = sampleLibrary()
      [BA].replace('`domain: business`', '`domain: busines`')
      .replace('`persistent_persona: false`', '`persistent_persona: "false"`');
    const { service, diagnostics } = await loadService({ ...sampleLibrary(), [BA]: broken });
    assert.deepEqual(
      diagnostics(BA)
        .map(d => d.code)
        .sort(),
      ['invalid-persistence', 'unknown-domain'],
    );
    const whole = { start: { line: 0, character: 0 }, end: { line: broken.split('\n').length, character: 0 } };
    let titles: string[] = [];
    const reads = await readsDuring(async () => {
      titles = (await service.getCodeActions(BA, whole)).map(a => a.title);
    });
    assert.ok(titles.includes('Write false'), `the boolean's fix is offered: ${JSON.stringify(titles)}`);
    assert.deepEqual(reads, [BA]);
  });

  test("a rename from the identity value reads each role file's declarations once", async () => {
    const { service } = await loadService(sampleLibrary());
    const text = sampleLibrary()[SEED_PATH];
    const reads = await readsDuring(() => service.rename(SEED_PATH, positionAt(text, 'class: operations-manager', 9), 'operations-lead'));
    assert.deepEqual(reads, [SEED_PATH]);
  });
});
