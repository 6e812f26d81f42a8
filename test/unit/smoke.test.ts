import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../support/checkLibrary';
import { sampleLibrary, SEED_PATH } from '../support/seed';

test('the sample library, seed included, checks clean', async () => {
  const lib = await checkLibrary(sampleLibrary());
  const paths = lib.workspace.paths();
  assert.ok(paths.includes(SEED_PATH));
  for (const path of paths) assert.deepEqual(lib.diagnostics(path), [], path);
});
