import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, Location, Position, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { serve } from '../support/servedTree';

/** Where `needle` starts in `text`, moved `shift` characters on. */
function positionIn(text: string, needle: string, shift = 0): Position {
  const lines = text.split('\n');
  const line = lines.findIndex(l => l.includes(needle));
  return { line, character: lines[line].indexOf(needle) + shift };
}

const lines = (...all: string[]) => `${all.join('\n')}\n`;

describe('an opencode library over JSON-RPC, with no configuration', () => {
  const LEAD = lines(
    '---',
    'description: Leads the release',
    'mode: primary',
    'permission:',
    '  edit: ask',
    '---',
    '',
    'Hand off to @docs-writer for the notes.',
  );
  const WRITER = lines('---', 'description: Writes the notes', 'mode: subagnt', '---', '', 'Write them.');
  const served = serve({ '.opencode/agents/lead.md': LEAD, '.opencode/agents/team/docs-writer.md': WRITER, '.opencode/agents/docs-writer.md': WRITER });
  const lead = served.uri('.opencode/agents/lead.md');
  const writer = served.uri('.opencode/agents/docs-writer.md');

  test('diagnostics: a deprecated key with what replaces it, an unknown mode with did-you-mean', async () => {
    const client = served.client();
    assert.deepEqual(
      (await client.diagnostics(lead)).map(d => [d.code, d.message]),
      [['deprecated-key', "'permission' is deprecated: OpenCode 2 reads `permissions`, an ordered list of rules (action, resource, effect)."]],
    );
    assert.deepEqual(
      (await client.diagnostics(writer)).map(d => [d.code, d.message]),
      [['unknown-value', "Unknown mode 'subagnt'. Did you mean 'subagent'?"]],
    );
  });

  test('definition, hover and references reach the agent named by its path, not the one of the same file name in a folder', async () => {
    const client = served.client();
    const at = positionIn(LEAD, 'docs-writer', 2);
    assert.deepEqual(
      (await client.definition(lead, at)).map(l => l.uri),
      [writer],
    );
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: lead }, position: at });
    assert.match((hover.contents as { value: string }).value, /docs-writer/);
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: lead },
      position: at,
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      refs.map(r => r.uri),
      [lead],
    );
  });

  test('completion of the values of mode', async () => {
    const items = await served.client().completion(writer, { line: 2, character: 'mode: '.length });
    assert.deepEqual(
      items.items.map(i => i.label),
      ['primary', 'subagent', 'all'],
    );
  });

  test('fleetRoles/newRole answers an agent file that OpenCode names by its path', async () => {
    const result = await served.client().request<{ uri: string; edit: WorkspaceEdit }>('fleetRoles/newRole', { name: 'tester', near: lead });
    assert.equal(result.uri, served.uri('.opencode/agents/tester.md'));
    const insert = result.edit.documentChanges![1] as { edits: Array<{ newText: string }> };
    assert.equal(
      insert.edits[0].newText,
      lines('---', 'description: What the Tester does, and when to use it.', '---', '', 'You are the Tester: say here what you own, and how you work.'),
    );
  });
});

describe('a gemini-cli library over JSON-RPC, with no configuration', () => {
  const LEAD = lines(
    '---',
    'name: release_lead',
    'description: Leads the release',
    'tools: [read_file, notes-writer]',
    'author: me',
    '---',
    '',
    'Hand off to `notes-writer` for the notes.',
  );
  const WRITER = lines('---', 'name: notes-writer', 'description: Writes the notes', 'kind: local', '---', '', 'Write them.');
  const served = serve({ '.gemini/agents/lead.md': LEAD, '.gemini/agents/writer.md': WRITER });
  const lead = served.uri('.gemini/agents/lead.md');
  const writer = served.uri('.gemini/agents/writer.md');

  test('diagnostics: a key the loader refuses', async () => {
    const diagnostics = await served.client().diagnostics(lead);
    assert.deepEqual(
      diagnostics.map(d => d.code),
      ['unknown-key'],
    );
    assert.deepEqual(await served.client().diagnostics(writer), []);
  });

  test('definition from the body, and rename by name: edits the key and the reference, and moves no file', async () => {
    const client = served.client();
    assert.deepEqual(
      (await client.definition(lead, positionIn(LEAD, '`notes-writer`', 3))).map(l => l.uri),
      [writer],
    );
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: writer },
      position: positionIn(WRITER, 'notes-writer', 2),
      newName: 'release-notes-writer',
    });
    assert.deepEqual(
      edit.documentChanges!.filter(c => 'kind' in c),
      [],
    );
    assert.deepEqual(edit.documentChanges!.flatMap(c => ('textDocument' in c ? [c.textDocument.uri] : [])).sort(), [lead, writer].sort());
  });

  test('completion of the values of kind', async () => {
    const items = await served.client().completion(writer, { line: 3, character: 'kind: '.length });
    assert.deepEqual(
      items.items.map(i => i.label),
      ['local', 'remote'],
    );
  });
});

describe('a cursor-agents library over JSON-RPC, with no configuration', () => {
  const VERIFIER = lines(
    '---',
    'name: verifier',
    'description: Checks finished work',
    'readonly: yes',
    '---',
    '',
    'Delegate to `bug-hunter` when a test fails.',
  );
  const HUNTER = lines('---', 'description: Finds the cause of a failure', 'model: inherit', '---', '', 'Find it.');
  const served = serve({ '.cursor/agents/verifier.md': VERIFIER, '.cursor/agents/bug-hunter.md': HUNTER });
  const verifier = served.uri('.cursor/agents/verifier.md');
  const hunter = served.uri('.cursor/agents/bug-hunter.md');

  test('diagnostics: a flag written as a word', async () => {
    assert.deepEqual(
      (await served.client().diagnostics(verifier)).map(d => [d.code, d.message]),
      [['invalid-value', "Invalid readonly 'yes': the flag is true or false, unquoted."]],
    );
    assert.deepEqual(await served.client().diagnostics(hunter), []);
  });

  test('definition of an agent with no name: by its file, and completion of the flags', async () => {
    const client = served.client();
    assert.deepEqual(
      (await client.definition(verifier, positionIn(VERIFIER, '`bug-hunter`', 3))).map(l => l.uri),
      [hunter],
    );
    const items = await client.completion(verifier, { line: 3, character: 'readonly: '.length });
    assert.deepEqual(
      items.items.map(i => i.label),
      ['true', 'false'],
    );
  });
});
