import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { ClientCapabilities, Diagnostic } from 'vscode-languageserver-protocol';
import { generateLibrary, writeLibrary } from '../../bench/generate';
import { FULL_CAPABILITIES, LITTLE_CAPABILITIES, LspTestClient, uriOf } from '../support/lspClient';

/** Enough roles that parsing them outlasts the names phase many times over, on any machine. */
const ROLES = 4000;

/**
 * A library of the bench's generator, and one role of it as an editor
 * opens it: a reference to no role (known from the names alone) and the
 * class of another role (a duplicate that shows only once that other file
 * is parsed; the mismatch with its file's name shows at once).
 */
function openedRole(): { root: string; uri: string; text: string } {
  const library = generateLibrary({ roles: ROLES });
  const root = writeLibrary(library);
  const [, name, other] = library.roles;
  const original = library.files.get(`roles/${name}.md`)!;
  const text = original
    .replace(`class: ${name}`, `class: ${other}`)
    .replace('## Boundaries\n\n', '## Boundaries\n\n- **Does NOT guess** — open questions go to the **nobody-by-this-name-at-all**.\n');
  assert.notEqual(text, original);
  return { root, uri: uriOf(nodePath.join(root, 'roles', `${name}.md`)), text };
}

const loaded = (client: LspTestClient) => client.messages.some(m => /indexed .* files?/.test(m.message));
const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => String(d.code));
const key = (d: Diagnostic) => JSON.stringify({ code: d.code, range: d.range, message: d.message });

function assertPartOf(first: Diagnostic[], final: Diagnostic[]): void {
  const finalKeys = new Set(final.map(key));
  assert.deepEqual(
    first.filter(d => !finalKeys.has(key(d))),
    [],
    'a diagnostic of the first answer that the final one lacks',
  );
}

const WITHOUT_REFRESH: ClientCapabilities = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, diagnostics: undefined } };

describe('the opened file is answered from the names while the library loads', () => {
  let library: { root: string; uri: string; text: string };
  before(() => {
    library = openedRole();
  });
  after(() => rmSync(library.root, { recursive: true, force: true }));

  test('a client that pulls and refreshes gets a first answer before the load ends, then the whole one', async () => {
    const { client } = await LspTestClient.start([library.root]);
    try {
      const refreshed = client.nextRefresh();
      await client.open(library.uri, library.text);
      const first = await client.diagnostics(library.uri);
      assert.equal(loaded(client), false, 'the first answer came after the load');
      assert.equal(client.refreshes, 0);
      await refreshed;
      const final = await client.diagnostics(library.uri);
      assert.ok(loaded(client));
      assertPartOf(first, final);
      assert.ok(codes(first).includes('class-filename-mismatch'), JSON.stringify(codes(first)));
      assert.ok(codes(first).includes('unknown-role'), JSON.stringify(codes(first)));
      assert.ok(!codes(first).includes('duplicate-class'), 'a duplicate reported before its other file is parsed');
      assert.ok(codes(final).includes('duplicate-class'), JSON.stringify(codes(final)));
      assert.deepEqual(client.errors(), []);
    } finally {
      await client.stop();
    }
  });

  test('a client that only takes pushed diagnostics is pushed a first answer before the load ends, then the whole one', async () => {
    const { client } = await LspTestClient.start([library.root], { capabilities: LITTLE_CAPABILITIES, rootOnly: true });
    try {
      await client.open(library.uri, library.text);
      let first: Diagnostic[] | undefined;
      let firstBeforeLoad = false;
      await client.publishedUntil(published => {
        if (first === undefined && published.has(library.uri)) {
          first = published.get(library.uri)!;
          firstBeforeLoad = !loaded(client);
        }
        return codes(published.get(library.uri) ?? []).includes('duplicate-class');
      });
      assert.ok(firstBeforeLoad, 'the first publication came after the load');
      assertPartOf(first!, client.published.get(library.uri)!);
      assert.ok(!codes(first!).includes('duplicate-class'));
      assert.ok(codes(first!).includes('unknown-role'), JSON.stringify(codes(first!)));
      assert.deepEqual(client.errors(), []);
    } finally {
      await client.stop();
    }
  });

  test('a client that pulls but cannot be asked to pull again gets the whole answer the first time', async () => {
    const { client } = await LspTestClient.start([library.root], { capabilities: WITHOUT_REFRESH });
    try {
      await client.open(library.uri, library.text);
      const first = await client.diagnostics(library.uri);
      assert.ok(loaded(client), 'an answer before the load ends, to a client that would keep it');
      assert.ok(codes(first).includes('duplicate-class'), JSON.stringify(codes(first)));
      assert.deepEqual(
        client.serverRequests.filter(m => m === 'workspace/diagnostic/refresh'),
        [],
      );
    } finally {
      await client.stop();
    }
  });
});
