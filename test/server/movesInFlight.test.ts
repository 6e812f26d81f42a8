import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MovesInFlight } from '../../server/src/lsp/movesInFlight';

test('a move the editor announced is leaving until it is reported done', () => {
  const moves = new MovesInFlight(() => assert.fail('settled moves do not expire'), 50);
  moves.expect('/lib/roles/a.md');
  assert.equal(moves.isLeaving('/lib/roles/a.md'), true);
  assert.equal(moves.isLeaving('/lib/roles/b.md'), false);
  moves.settle('/lib/roles/a.md');
  assert.equal(moves.isLeaving('/lib/roles/a.md'), false);
});

test('a move never completed expires, and its old path is handed back to be read again', async () => {
  const expired: string[] = [];
  const moves = new MovesInFlight(from => expired.push(from), 20);
  moves.expect('/lib/roles/a.md');
  await new Promise(resolve => setTimeout(resolve, 80));
  assert.deepEqual(expired, ['/lib/roles/a.md']);
  assert.equal(moves.isLeaving('/lib/roles/a.md'), false);
});
