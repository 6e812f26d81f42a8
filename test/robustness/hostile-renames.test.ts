/**
 * Renames of Copilot agents named by their `name:` (issue 23, item 11): a
 * new name that YAML would read as a number, a boolean, null or a date is
 * written quoted, so a clean library stays clean and every reference still
 * reaches the agent; a name YAML holds over two lines is not half replaced.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RenameFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { applyTextEdits } from '../support/applyEdit';
import { checkLibrary } from '../support/checkLibrary';
import { agentText } from '../unit/formats/agentText';

const DIR = '/ws/.github/agents';
const at = (name: string) => `${DIR}/${name}.agent.md`;

const coordinator = agentText([
  'description: Coordinates the work',
  'agents: [Researcher, Feature Builder, scribe]',
  'handoffs:',
  '  - label: Build it',
  '    agent: Feature Builder',
  '  - label: Research it',
  "    agent: 'Researcher'",
]);
const files = {
  [at('coordinator')]: coordinator,
  [at('researcher')]: agentText(['name: "Researcher"', 'description: Finds facts']),
  [at('feature-builder')]: agentText(['name: Feature Builder', 'description: Builds features']),
  [at('scribe')]: agentText(['description: Writes notes, named by its file']),
};

/** The files with a rename's edits applied: its text edits, then its file moves (a slug such as `true` moves the file named by it). */
function applied(before: Record<string, string>, edit: WorkspaceEdit): Record<string, string> {
  const after = { ...before };
  const pathOf = (uri: string) => uri.replace(/^file:\/\//, '');
  for (const change of edit.documentChanges as Array<TextDocumentEdit | RenameFile>) {
    if ('textDocument' in change) after[pathOf(change.textDocument.uri)] = applyTextEdits(after[pathOf(change.textDocument.uri)], change.edits);
  }
  for (const change of edit.documentChanges as Array<TextDocumentEdit | RenameFile>) {
    if ('kind' in change && change.kind === 'rename') {
      after[pathOf(change.newUri)] = after[pathOf(change.oldUri)];
      delete after[pathOf(change.oldUri)];
    }
  }
  return after;
}

async function renamed(before: Record<string, string>, from: string, fromText: string, newName: string): Promise<Record<string, string>> {
  const lib = await checkLibrary(before);
  const edit = await lib.service.rename(
    at('coordinator'),
    {
      line: coordinator.split('\n').findIndex(l => l.includes('agents:')),
      character: coordinator
        .split('\n')
        .find(l => l.includes('agents:'))!
        .indexOf(fromText),
    },
    newName,
  );
  assert.ok(!('error' in edit), `${from} → ${newName}: ${JSON.stringify(edit)}`);
  return applied(before, edit);
}

describe('a Copilot rename writes names YAML would retype quoted', () => {
  for (const newName of ['123', 'true', 'null', '2024-01-01', '1.5', 'True', '0x1F']) {
    for (const [agent, text] of [
      ['feature-builder', 'Feature Builder'],
      ['researcher', 'Researcher'],
      ['scribe', 'scribe'],
    ] as const) {
      test(`${text} → ${newName}: the library stays clean, and every reference reaches the agent`, async () => {
        const after = await renamed(files, agent, text, newName);
        const lib = await checkLibrary(after);
        assert.deepEqual(lib.workspace.paths(), Object.keys(after).sort());
        for (const path of lib.workspace.paths()) assert.deepEqual(lib.diagnostics(path), [], `${path}:\n${after[path]}`);
        // Where the agent's name is written: its name:, or the file's own name once it moved.
        const file = after[at(agent)] === undefined ? at(newName) : at(agent);
        const lines = after[file].split('\n');
        const line = lines.findIndex(l => l.startsWith('name:'));
        const refs =
          line < 0
            ? lib.service.getReferences(at('coordinator'), { line: 2, character: after[at('coordinator')].split('\n')[2].indexOf(newName) }, false)
            : lib.service.getReferences(file, { line, character: lines[line].indexOf(newName) }, false);
        assert.equal(refs.length, text === 'scribe' ? 1 : 2, `references to ${newName}:\n${after[at('coordinator')]}`);
      });
    }
  }

  test('a plain name stays plain, and quotes already there are kept', async () => {
    const after = await renamed(files, 'researcher', 'Researcher', 'Fact Finder');
    assert.match(after[at('coordinator')], /agents: \[Fact Finder, Feature Builder, scribe\]/);
    assert.match(after[at('coordinator')], /agent: 'Fact Finder'/);
    assert.match(after[at('researcher')], /^name: "Fact Finder"$/m);
  });

  test('a name written over two lines is refused, not half replaced', async () => {
    const folded = { ...files, [at('feature-builder')]: agentText(['name: Feature', '  Builder', 'description: Builds features']) };
    const lib = await checkLibrary(folded);
    const edit = await lib.service.rename(at('coordinator'), { line: 2, character: coordinator.split('\n')[2].indexOf('Feature Builder') }, 'Feature Maker');
    if ('error' in edit) {
      assert.match(edit.error, /over several lines/);
      return;
    }
    // A reader that places the whole folded value may give an edit: then it must leave the name whole.
    const after = applied(folded, edit);
    const check = await checkLibrary(after);
    assert.deepEqual(check.workspace.paths(), Object.keys(after).sort());
    for (const path of check.workspace.paths()) assert.deepEqual(check.diagnostics(path), [], `${path}:\n${after[path]}`);
    assert.ok(!after[at('feature-builder')].includes('Builder\n'), after[at('feature-builder')]);
  });
});
