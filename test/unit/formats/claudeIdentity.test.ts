import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../../support/checkLibrary';
import { codes, positionAt, rangeOf, single } from '../helpers';
import { subagent } from './agentText';

const DIR = '/ws/.claude/agents';

/** A plugin's agents, named apart from their files as plugins name them. */
function plugin() {
  const lead = subagent(
    'payments-lead',
    ['tools: Read, Agent(payments-api-designer)'],
    ['Integration with other agents:', '- Hand the design to payments-api-designer'],
  );
  return {
    lead,
    files: {
      [`${DIR}/lead.md`]: lead,
      [`${DIR}/design/api-designer.md`]: subagent('payments-api-designer'),
    },
  };
}

describe("claude-code: an agent is its name:, whatever its file's name or folder", () => {
  test('a name that differs from its file is no problem', async () => {
    const { files } = plugin();
    const lib = await checkLibrary(files);
    for (const path of Object.keys(files)) assert.deepEqual(codes(lib.diagnostics(path)), [], path);
  });

  test('Agent(…) resolves by name; the file stem is not a name Claude Code knows', async () => {
    const { files, lead } = plugin();
    const lib = await checkLibrary(files);
    assert.deepEqual(
      lib.service.getDefinition(`${DIR}/lead.md`, positionAt(lead, 'payments-api-designer')).map(l => l.uri),
      [`file://${DIR}/design/api-designer.md`],
    );
    const stem = lead.replace('Agent(payments-api-designer)', 'Agent(api-designer)');
    const again = await checkLibrary({ ...files, [`${DIR}/lead.md`]: stem });
    const d = single(again.diagnostics(`${DIR}/lead.md`), 'unknown-role');
    assert.deepEqual(d.range, rangeOf(stem, 'api-designer'));
  });

  test('two files of one name are a duplicate, wherever they stand', async () => {
    const lib = await checkLibrary({ [`${DIR}/a/x.md`]: subagent('same-agent'), [`${DIR}/b/y.md`]: subagent('same-agent') });
    assert.deepEqual(codes(lib.diagnostics(`${DIR}/b/y.md`)), ['duplicate-name']);
  });

  test('rename edits name: and every reference, and moves no file', async () => {
    const { files, lead } = plugin();
    const lib = await checkLibrary(files);
    const edit = await lib.service.rename(`${DIR}/lead.md`, positionAt(lead, 'payments-api-designer', 2), 'billing-api-designer');
    assert.ok(!('error' in edit), JSON.stringify(edit));
    const changes = edit.documentChanges!;
    assert.equal(changes.filter(c => 'kind' in c).length, 0, 'no file is moved');
    const byUri = new Map(
      changes.map(c => c as { textDocument: { uri: string }; edits: Array<{ newText: string; range: unknown }> }).map(c => [c.textDocument.uri, c.edits]),
    );
    const designer = files[`${DIR}/design/api-designer.md`];
    assert.deepEqual(
      byUri.get(`file://${DIR}/design/api-designer.md`)!.map(e => [e.newText, e.range]),
      [['billing-api-designer', rangeOf(designer, 'payments-api-designer')]],
    );
    assert.deepEqual(
      byUri.get(`file://${DIR}/lead.md`)!.map(e => e.range),
      [rangeOf(lead, 'payments-api-designer', 0), rangeOf(lead, 'payments-api-designer', 1)],
    );
  });
});
