import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkLibrary } from '../support/checkLibrary';
import { codes, lineOf, lineRange, peers, roleText } from './helpers';

const PATH = '/ws/roles/x-role.md';

async function check(text: string) {
  const lib = await checkLibrary(peers({ [PATH]: text }));
  return lib.diagnostics(PATH);
}

const FRONT = ['---', 'class: x-role', 'domain: operations', 'persistent_persona: false', '---'];
const MANDATE = ['## Mandate', '', '1. **Work** — daily.', ''];
const BOUNDARIES = ['## Boundaries', '', '- **Does NOT x** — the **peer-role**.', ''];
const PERSONA = ['## Persona', '', 'Calm.', ''];

describe('title', () => {
  test('text before the title is missing-title at the first line', async () => {
    const text = [...FRONT, 'Some words first.', '', '# X role', '', ...MANDATE, ...BOUNDARIES, ...PERSONA].join('\n');
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['missing-title']);
    const d = diagnostics[0];
    assert.deepEqual(d.range, lineRange(text, 5));
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(d.source, 'fleet-roles');
    assert.match(d.message, /# X role/);
  });

  test('a file with no # line at all is missing-title at the first line', async () => {
    const text = ['Words.', '', ...MANDATE, ...BOUNDARIES, ...PERSONA].join('\n');
    const lib = await checkLibrary(peers({ [PATH]: text.replace('Words.', 'Words (`class: x-role`, `domain: hr`, `persistent_persona: true`).') }));
    const diagnostics = lib.diagnostics(PATH);
    assert.deepEqual(codes(diagnostics), ['missing-title']);
    assert.equal(diagnostics[0].range.start.line, 0);
    assert.equal(diagnostics[0].message, "The role file has no title: start it with a '# Title' line.");
  });

  test('a ## heading first is no title', async () => {
    const text = [...FRONT, ...MANDATE, ...BOUNDARIES, ...PERSONA].join('\n');
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['missing-title']);
    assert.deepEqual(diagnostics[0].range, lineRange(text, 5));
  });

  test('blank lines between the frontmatter and the title are fine', async () => {
    const text = [...FRONT, '', '', '# X role', '', ...MANDATE, ...BOUNDARIES, ...PERSONA].join('\n');
    assert.deepEqual(await check(text), []);
  });

  test('a # line inside a fenced code block is no title', async () => {
    const text = [...FRONT, '```', '# Not a title', '```', '# X role', ...MANDATE, ...BOUNDARIES, ...PERSONA].join('\n');
    assert.deepEqual(codes(await check(text)), ['missing-title']);
  });
});

describe('sections', () => {
  test('one missing-section per missing section, each at the title line', async () => {
    const text = [...FRONT, '# X role', '', ...BOUNDARIES].join('\n');
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['missing-section', 'missing-section']);
    const title = lineRange(text, lineOf(text, '# X role'));
    assert.deepEqual(
      diagnostics.map(d => d.range),
      [title, title],
    );
    assert.deepEqual(diagnostics.map(d => d.message).sort(), ["The role has no '## Mandate' section.", "The role has no '## Persona' section."]);
    assert.ok(diagnostics.every(d => d.severity === DiagnosticSeverity.Warning));
  });

  test('a role with no sections at all gets three missing-section warnings', async () => {
    const text = [...FRONT, '# X role', '', 'Nothing else.'].join('\n');
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['missing-section', 'missing-section', 'missing-section']);
  });

  test('a ### heading is not a required section', async () => {
    const text = [...FRONT, '# X role', '', ...MANDATE, ...BOUNDARIES, '### Persona', '', 'Calm.'].join('\n');
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['missing-section']);
    assert.equal(diagnostics[0].message, "The role has no '## Persona' section.");
  });

  test('a ## heading inside a fenced code block is not a section', async () => {
    const text = [...FRONT, '# X role', '', ...MANDATE, ...BOUNDARIES, '```', '## Persona', '```'].join('\n');
    assert.deepEqual(codes(await check(text)), ['missing-section']);
  });

  test('closing hashes and case do not change a section name', async () => {
    const text = [
      ...FRONT,
      '# X role',
      '',
      '## Mandate ##',
      '',
      'Work.',
      '',
      '## boundaries',
      '',
      '- **Does NOT x** — the **peer-role**.',
      '',
      '## PERSONA',
      '',
      'Calm.',
    ].join('\n');
    assert.deepEqual(await check(text), []);
  });

  test('a section appearing twice is duplicate-section at the second heading', async () => {
    const text = [...FRONT, '# X role', '', ...MANDATE, ...BOUNDARIES, ...PERSONA, ...MANDATE].join('\n');
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['duplicate-section']);
    const second = text.split('\n').lastIndexOf('## Mandate');
    assert.deepEqual(diagnostics[0].range, lineRange(text, second));
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Warning);
    assert.ok(diagnostics[0].message.includes(`line ${lineOf(text, '## Mandate') + 1}`), diagnostics[0].message);
  });

  test('a section appearing three times gives two duplicate-section warnings', async () => {
    const text = [...FRONT, '# X role', '', ...MANDATE, ...BOUNDARIES, ...PERSONA, ...PERSONA, ...PERSONA].join('\n');
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['duplicate-section', 'duplicate-section']);
    const lines = text
      .split('\n')
      .map((l, i) => (l === '## Persona' ? i : -1))
      .filter(i => i >= 0);
    assert.deepEqual(
      diagnostics.map(d => d.range.start.line),
      lines.slice(1),
    );
  });

  test('roleText builds a clean role (guard for the helpers)', async () => {
    assert.deepEqual(await check(roleText('x-role', { boundaries: ['- **Does NOT x** — the **peer-role**.'] })), []);
  });
});
