import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { makeTree, runCli } from '../support/runCli';
import { REPO_ROOT } from '../support/tempLibrary';

/*
 * The table of usage errors in docs/cli.md, row by row: each command, run
 * in a folder with a copy of the sample library and a folder of notes,
 * gives exactly its line on stderr, nothing on stdout, and its exit code.
 * A row added to the page is a test; a message changed in the code and not
 * in the page fails here.
 */

const PAGE = readFileSync(nodePath.join(REPO_ROOT, 'docs', 'cli.md'), 'utf8');
const section = PAGE.slice(0, PAGE.indexOf('\n## Installing the CLI\n'));
const ROW = /^\| `fleet-roles((?: [^`]*)?)` \| `([^`]+)` \| (\d) \|$/gm;
const rows = [...section.matchAll(ROW)].map(([, command, stderr, exit]) => ({ command: command.trim(), stderr, exit: Number(exit) }));

/** The words of a command as a shell splits them, for the quoting the table uses ('' is an empty word). */
function words(command: string): string[] {
  return (command.match(/'[^']*'|\S+/g) ?? []).map(w => (w.startsWith("'") ? w.slice(1, -1) : w));
}

describe("docs/cli.md's usage errors", () => {
  const tree = makeTree({ 'docs/guide.md': '# Guide\n\nNotes, not roles.\n' });
  cpSync(nodePath.join(REPO_ROOT, 'roles'), nodePath.join(tree.dir, 'roles'), { recursive: true });
  after(() => tree.dispose());

  test('the table is there, with a row for each command', () => {
    assert.ok(rows.length >= 15, `${rows.length} rows`);
    for (const name of ['check', 'graph', 'new', 'init', 'server'])
      assert.ok(
        rows.some(r => r.command.startsWith(name)),
        name,
      );
  });

  for (const row of rows) {
    test(`fleet-roles ${row.command}`, () => {
      const result = runCli(words(row.command), tree.dir);
      assert.equal(result.stderr, `${row.stderr}\n`);
      assert.equal(result.stdout, '');
      assert.equal(result.status, row.exit);
    });
  }
});
