import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { roleAtPosition } from '../../../server/src/core/features/roleAtPosition';
import { RoleWorkspace } from '../../../server/src/core/workspace/roleWorkspace';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { sampleLibrary, SEED_PATH } from '../../support/seed';
import { positionAt, rangeOf } from '../helpers';

async function seedFile() {
  const workspace = new RoleWorkspace(new MemoryFileSystem(sampleLibrary()), path => `file://${path}`);
  await workspace.load(['/ws']);
  return workspace.file(SEED_PATH)!;
}

describe('the role at a position', () => {
  test('on a reference: the reference itself, as the parse holds it', async () => {
    const file = await seedFile();
    const text = file.role.lines.text;
    const target = roleAtPosition(file, positionAt(text, '**hr-generalist**', 4));
    assert.equal(target?.kind, 'reference');
    assert.equal(target.name, 'hr-generalist');
    assert.deepEqual(target.range, rangeOf(text, 'hr-generalist'));
    assert.ok(file.role.references.includes(target.reference), "the parse's own reference, not a copy");
    assert.equal(text.slice(target.reference.start, target.reference.end), 'hr-generalist');
  });

  test("on the identity value: the identity key's declarations it was found in", async () => {
    const file = await seedFile();
    const text = file.role.lines.text;
    const target = roleAtPosition(file, positionAt(text, 'class: operations-manager', 9));
    assert.equal(target?.kind, 'identity');
    assert.equal(target.name, 'operations-manager');
    assert.equal(target.identity.primary?.value, 'operations-manager');
    assert.deepEqual(target.range, rangeOf(text, 'operations-manager', 1));
  });

  test("on the title: the file's own role; elsewhere: nothing", async () => {
    const file = await seedFile();
    assert.deepEqual(roleAtPosition(file, { line: 0, character: 3 }), { name: 'operations-manager', range: file.role.lines.lineRange(0), kind: 'title' });
    assert.equal(roleAtPosition(file, { line: 1, character: 0 }), undefined);
  });
});
