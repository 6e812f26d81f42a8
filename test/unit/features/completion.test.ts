import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Position } from 'vscode-languageserver-types';
import { loadService } from '../../support/loadService';
import { sampleLibrary, SEED_PATH } from '../../support/seed';
import { lineOf, peers, roleText } from '../helpers';

const PM = '/ws/roles/project-manager.md';
const SAMPLE_DOMAINS = [
  'business',
  'data',
  'delivery',
  'design',
  'engineering',
  'executive',
  'finance',
  'hr',
  'legal',
  'marketing',
  'operations',
  'product',
  'research',
  'sales',
  'security',
  'support',
];

/** Splits a text at its '|' cursor marker. */
function cursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf('|');
  assert.ok(at >= 0 && marked.indexOf('|', at + 1) < 0, 'one cursor marker');
  const before = marked.slice(0, at);
  const line = before.split('\n').length - 1;
  return { text: marked.slice(0, at) + marked.slice(at + 1), position: { line, character: at - before.lastIndexOf('\n') - 1 } };
}

/** The sample library with the seed's text replaced by `marked` (cursor removed), and completions at the cursor. */
async function completeInSeed(marked: string, path = SEED_PATH) {
  const { text, position } = cursor(marked);
  const lib = await loadService(sampleLibrary());
  lib.service.setDocument(path, text);
  return { lib, position, list: lib.service.getCompletions(path, position) };
}

const seed = () => sampleLibrary()[SEED_PATH];

describe('role completion', () => {
  test('inside **pro on a Boundaries line: role names with domain and title', async () => {
    const marked = seed().replace('belong to the **hr-generalist**, even', 'belong to the **pro|');
    const { list, position } = await completeInSeed(marked);
    const labels = list.items.map(i => i.label);
    assert.ok(labels.includes('project-manager'), labels.join());
    assert.ok(labels.includes('product-manager'));
    assert.ok(!labels.includes('hr-generalist'), 'filtered by what was typed');
    assert.ok(!labels.includes('operations-manager'), 'not the file itself');
    const pm = list.items.find(i => i.label === 'project-manager')!;
    assert.ok(pm.detail?.includes('delivery'), pm.detail);
    assert.ok(pm.detail?.includes('Project Manager — fleet role definition'), pm.detail);
    assert.deepEqual(pm.textEdit, {
      range: { start: { line: position.line, character: position.character - '**pro'.length }, end: position },
      newText: '**project-manager**',
    });
    assert.equal(pm.filterText, '**project-manager', 'filtered by the text in the range, asterisks and all');
    assert.equal(pm.insertText, '**project-manager**');
  });

  test('inside an already closed **pro|** the name is replaced without adding asterisks', async () => {
    const marked = seed().replace('**hr-generalist**', '**hr-gen|eralist**');
    const { list, position } = await completeInSeed(marked);
    const hr = list.items.find(i => i.label === 'hr-generalist');
    assert.ok(hr, list.items.map(i => i.label).join());
    assert.deepEqual(hr.textEdit, {
      range: {
        start: { line: position.line, character: position.character - '**hr-gen'.length },
        end: { line: position.line, character: position.character + 'eralist'.length },
      },
      newText: '**hr-generalist',
    });
  });

  test('right after ** every other role of the library is offered', async () => {
    const marked = seed().replace('belong to the **hr-generalist**, even', 'belong to the **|');
    const { list } = await completeInSeed(marked);
    const expected = Object.keys(sampleLibrary())
      .map(p => p.slice('/ws/roles/'.length))
      .filter(n => n.endsWith('.md') && n !== 'LIBRARY.md' && n !== 'operations-manager.md')
      .map(n => n.slice(0, -3))
      .sort();
    assert.deepEqual(list.items.map(i => i.label).sort(), expected);
  });

  test('after ](./ role files are offered as relative paths', async () => {
    const marked = seed().replace('belong to the **hr-generalist**, even', 'belong to the [hr](./|');
    const { list, position } = await completeInSeed(marked);
    const hr = list.items.find(i => i.label === 'hr-generalist');
    assert.ok(hr, list.items.map(i => i.label).join());
    assert.deepEqual(hr.textEdit, {
      range: { start: { line: position.line, character: position.character - 2 }, end: position },
      newText: './hr-generalist.md',
    });
    assert.ok(list.items.every(i => i.textEdit && 'newText' in i.textEdit && /^\.\/[a-z-]+\.md$/.test(i.textEdit.newText)));
  });

  test('link completion gives paths relative to the file, across folders', async () => {
    const lib = await loadService(
      peers({
        '/ws/roles/sub/z-role.md': roleText('z-role', { boundaries: ['- **Does NOT x** — the [peer]().'] }),
      }),
    );
    const text = lib.fs.files.get('/ws/roles/sub/z-role.md')!;
    const line = lineOf(text, '- **Does NOT x** — the [peer]().');
    const list = lib.service.getCompletions('/ws/roles/sub/z-role.md', { line, character: '- **Does NOT x** — the [peer]('.length });
    const byLabel = new Map(list.items.map(i => [i.label, i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : undefined]));
    assert.equal(byLabel.get('peer-role'), '../peer-role.md');
    assert.equal(byLabel.get('other-role'), '../other-role.md');
    assert.ok(!byLabel.has('z-role'));
  });

  test('no role completion inside an inline code span', async () => {
    const marked = seed().replace('belong to the **hr-generalist**, even', 'belong to the `**pro|');
    const { list } = await completeInSeed(marked);
    assert.deepEqual(list.items, []);
  });

  test('no role completion inside a fenced code block', async () => {
    const marked = seed().replace('## Persona', '```\n- **Does NOT x** — **pro|\n```\n\n## Persona');
    const { list } = await completeInSeed(marked);
    assert.deepEqual(list.items, []);
  });

  test('no role completion inside a ~~~ fenced code block', async () => {
    const marked = seed().replace('## Persona', '~~~\n[x](./|\n~~~\n\n## Persona');
    const { list } = await completeInSeed(marked);
    assert.deepEqual(list.items, []);
  });

  test('plain text offers nothing', async () => {
    const marked = seed().replace('A steady operator', 'A stea|dy operator');
    const { list } = await completeInSeed(marked);
    assert.deepEqual(list.items, []);
  });
});

describe('domain completion', () => {
  test("after domain: in the frontmatter the library's domains are offered", async () => {
    const marked = sampleLibrary()[PM].replace('domain: delivery', 'domain: |');
    const { list, position } = await completeInSeed(marked, PM);
    assert.deepEqual(
      list.items.map(i => i.label),
      SAMPLE_DOMAINS,
    );
    const ops = list.items.find(i => i.label === 'operations')!;
    assert.deepEqual(ops.textEdit, { range: { start: position, end: position }, newText: 'operations' });
  });

  test('a partly typed frontmatter domain is replaced from its start', async () => {
    const marked = sampleLibrary()[PM].replace('domain: delivery', 'domain: deli|');
    const { list, position } = await completeInSeed(marked, PM);
    const delivery = list.items.find(i => i.label === 'delivery')!;
    assert.deepEqual(delivery.textEdit, { range: { start: { line: position.line, character: 8 }, end: position }, newText: 'delivery' });
  });

  test("inside an inline `domain: ` code span the library's domains are offered", async () => {
    const marked = seed().replace('`domain: operations`', '`domain: |`');
    const { list } = await completeInSeed(marked);
    assert.deepEqual(
      list.items.map(i => i.label),
      SAMPLE_DOMAINS,
    );
  });

  test('domain completion follows the configuration, not the built-in list', async () => {
    const lib = await loadService({
      '/ws/fleet-roles.json': '{ "domains": ["alpha", "beta-team"] }',
      '/ws/roles/x-role.md': roleText('x-role', { frontmatter: ['class: x-role', 'domain: ', 'persistent_persona: false'] }),
    });
    const list = lib.service.getCompletions('/ws/roles/x-role.md', { line: 2, character: 8 });
    assert.deepEqual(
      list.items.map(i => i.label),
      ['alpha', 'beta-team'],
    );
  });
});
