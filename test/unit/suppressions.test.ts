import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../support/checkLibrary';
import { peers, roleText } from './helpers';

/*
 * The `fleet-roles-disable` comments a role file may hold: for the whole
 * file, for the next line, or for the line they stand on; with codes, only
 * those codes are silenced, without, every code.
 */

const PATH = '/ws/roles/x-role.md';
const FIRST = "- **Does NOT do a** — that is the **ghost-one**'s lane.";
const SECOND = "- **Does NOT do b** — that is the **ghost-two**'s lane.";

/** The unknown roles still reported once the file holds these lines (its Boundaries) and this persona. */
async function unknownRoles(boundaries: string[], persona: string[] = ['A steady worker.']): Promise<string[]> {
  const lib = await checkLibrary(peers({ [PATH]: roleText('x-role', { boundaries, persona }) }));
  return lib
    .diagnostics(PATH)
    .filter(d => d.code === 'unknown-role')
    .map(d => d.message.slice(0, d.message.indexOf('.')));
}

describe('fleet-roles-disable comments', () => {
  test('without them, both unknown roles are reported', async () => {
    assert.deepEqual(await unknownRoles([FIRST, SECOND]), ["Unknown role 'ghost-one'", "Unknown role 'ghost-two'"]);
  });

  test('fleet-roles-disable with no code silences every code of the file, with or without spaces inside the comment', async () => {
    for (const comment of ['<!-- fleet-roles-disable -->', '<!--fleet-roles-disable-->', '<!--   fleet-roles-disable   -->']) {
      const lib = await checkLibrary(peers({ [PATH]: roleText('x-role', { title: null, boundaries: [FIRST, SECOND], persona: [comment] }) }));
      assert.deepEqual(lib.diagnostics(PATH), [], comment);
    }
  });

  test('fleet-roles-disable with codes silences those codes only', async () => {
    assert.deepEqual(await unknownRoles([FIRST, SECOND], ['<!-- fleet-roles-disable missing-title -->']), [
      "Unknown role 'ghost-one'",
      "Unknown role 'ghost-two'",
    ]);
    assert.deepEqual(await unknownRoles([FIRST, SECOND], ['<!-- fleet-roles-disable missing-title, unknown-role -->']), []);
  });

  test('-next-line silences the line after the comment only, not the file nor the line before', async () => {
    assert.deepEqual(await unknownRoles([FIRST, '<!-- fleet-roles-disable-next-line unknown-role -->', SECOND]), ["Unknown role 'ghost-one'"]);
  });

  test('-line silences the line it stands on only', async () => {
    assert.deepEqual(await unknownRoles([FIRST, `${SECOND} <!-- fleet-roles-disable-line unknown-role -->`]), ["Unknown role 'ghost-one'"]);
    assert.deepEqual(await unknownRoles([`${FIRST} <!-- fleet-roles-disable-line unknown-role -->`, SECOND]), ["Unknown role 'ghost-two'"]);
  });

  test('of two comments for one line, the one that names the code silences it', async () => {
    const line = `${SECOND} <!-- fleet-roles-disable-line missing-title --> <!-- fleet-roles-disable-line unknown-role -->`;
    assert.deepEqual(await unknownRoles([FIRST, line]), ["Unknown role 'ghost-one'"]);
  });
});
