import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkLibrary } from '../support/checkLibrary';
import { codes, inlineRoleText, lineOf, lineRange, only, peers, rangeOf, roleText, single } from './helpers';

const PATH = '/ws/roles/x-role.md';

async function check(text: string, extra: Record<string, string> = {}) {
  const lib = await checkLibrary(peers({ [PATH]: text, ...extra }));
  return lib.diagnostics(PATH);
}

describe('declaration forms', () => {
  test('YAML frontmatter declarations check clean', async () => {
    assert.deepEqual(await check(roleText('x-role')), []);
  });

  test('inline code-span declarations in the lead check clean', async () => {
    assert.deepEqual(await check(inlineRoleText('x-role')), []);
  });

  test('inline declarations spread over several lead paragraphs check clean', async () => {
    const text = roleText('x-role', {
      frontmatter: null,
      lead: ['The **x-role** (`class: x-role`, `domain: operations`) works.', '', 'It is not persistent (`persistent_persona: false`).'],
    });
    assert.deepEqual(await check(text), []);
  });

  test('a quoted YAML class is a plain string and checks clean', async () => {
    const text = roleText('x-role', { frontmatter: ['class: "x-role"', "domain: 'operations'", 'persistent_persona: true'] });
    assert.deepEqual(await check(text), []);
  });

  test('other frontmatter keys may stand beside the three declarations', async () => {
    const text = roleText('x-role', {
      frontmatter: ['class: x-role', 'title: The X role', 'domain: operations', 'tags: [a, b]', 'persistent_persona: false', 'owner: someone'],
    });
    assert.deepEqual(await check(text), []);
  });

  test('frontmatter and inline declarations that agree check clean', async () => {
    const text = roleText('x-role', { lead: ['The **x-role** (`class: x-role`, `domain: operations`, `persistent_persona: false`).'] });
    assert.deepEqual(await check(text), []);
  });

  test('an inline value that disagrees with the frontmatter is a conflicting-declaration at the inline value', async () => {
    const text = roleText('x-role', { lead: ['The **x-role** (`class: x-role`, `domain: delivery`, `persistent_persona: false`).'] });
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['conflicting-declaration']);
    const d = diagnostics[0];
    assert.deepEqual(d.range, rangeOf(text, 'delivery'));
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(d.source, 'fleet-roles');
    assert.match(d.message, /domain 'delivery'/);
    assert.match(d.message, /frontmatter domain 'operations'/);
  });

  test('an inline persistence flag that disagrees with the frontmatter conflicts', async () => {
    const text = roleText('x-role', { lead: ['It is persistent (`persistent_persona: true`).'] });
    const d = single(await check(text), 'conflicting-declaration');
    assert.deepEqual(d.range, rangeOf(text, 'true'));
  });

  test('two inline declarations that disagree: the second conflicts with the first', async () => {
    const text = inlineRoleText('x-role', { declarations: '(`class: x-role`, `domain: operations`, `persistent_persona: false`, `domain: finance`)' });
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['conflicting-declaration']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'finance'));
  });

  test('declarations in code spans after the first ## heading are ignored', async () => {
    const text = roleText('x-role', {
      frontmatter: null,
      lead: ['The **x-role** works.'],
      mandate: ['1. **Declare late** — `class: x-role`, `domain: operations`, `persistent_persona: false`.'],
    });
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['missing-class', 'missing-domain', 'missing-persistence']);
  });
});

describe('missing declarations', () => {
  test('missing-class in a frontmatter file points at the title line and names the fix', async () => {
    const text = roleText('x-role', { frontmatter: ['domain: operations', 'persistent_persona: false'] });
    const d = single(await check(text), 'missing-class');
    assert.deepEqual(d.range, lineRange(text, lineOf(text, '# x-role — fleet role definition')));
    assert.equal(d.range.start.line, 4);
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(d.message, /class: x-role/);
    assert.deepEqual(codes(await check(text)), ['missing-class']);
  });

  test('missing-domain in an inline file points at the title line', async () => {
    const text = inlineRoleText('x-role', { declarations: '(`class: x-role`, `persistent_persona: true`)' });
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['missing-domain']);
    assert.deepEqual(diagnostics[0].range, lineRange(text, 0));
    assert.match(diagnostics[0].message, /domain/);
  });

  test('missing-persistence points at the title line', async () => {
    const text = roleText('x-role', { frontmatter: ['class: x-role', 'domain: operations'] });
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['missing-persistence']);
    assert.deepEqual(diagnostics[0].range, lineRange(text, 4));
    assert.equal(text.split('\n')[4], '# x-role — fleet role definition');
    assert.match(diagnostics[0].message, /persistent_persona/);
  });

  test('with no title, the missing declarations point at the first line', async () => {
    const text = roleText('x-role', { frontmatter: null, title: null, lead: ['Just some words.'] });
    const diagnostics = await check(text);
    for (const code of ['missing-class', 'missing-domain', 'missing-persistence']) {
      assert.deepEqual(single(diagnostics, code).range, lineRange(text, 1), code);
    }
  });
});

describe('declaration values', () => {
  test('invalid-class points at the value and suggests a slug', async () => {
    const text = roleText('x-role', { frontmatter: ['class: X_Role', 'domain: operations', 'persistent_persona: false'] });
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['invalid-class']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'X_Role'));
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Error);
    assert.match(diagnostics[0].message, /'x-role'/);
  });

  test('an inline invalid class points at the inline value', async () => {
    const text = inlineRoleText('x-role', { declarations: '(`class: XRole`, `domain: operations`, `persistent_persona: false`)' });
    const d = single(await check(text), 'invalid-class');
    assert.deepEqual(d.range, rangeOf(text, 'XRole'));
  });

  test('class-filename-mismatch points at the value and names both fixes', async () => {
    const text = roleText('x-role', { frontmatter: ['class: y-role', 'domain: operations', 'persistent_persona: false'] });
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['class-filename-mismatch']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'y-role'));
    assert.equal(diagnostics[0].message, "Class 'y-role' does not match the file name 'x-role.md': rename the class to 'x-role' or the file to 'y-role.md'.");
  });

  test('duplicate-class: two role files of one library with the same class', async () => {
    const a = '/ws/roles/a/dup-role.md';
    const b = '/ws/roles/b/dup-role.md';
    const text = roleText('dup-role');
    const lib = await checkLibrary(peers({ [a]: text, [b]: text }));
    for (const [self, other] of [
      [a, b],
      [b, a],
    ]) {
      const diagnostics = lib.diagnostics(self);
      assert.deepEqual(codes(diagnostics), ['duplicate-class'], self);
      const d = diagnostics[0];
      assert.deepEqual(d.range, rangeOf(text, 'dup-role', 0), self);
      assert.equal(d.severity, DiagnosticSeverity.Error);
      assert.ok(d.message.includes(other.slice('/ws/'.length)), d.message);
      assert.equal(d.relatedInformation?.length, 1);
      assert.equal(d.relatedInformation?.[0].location.uri, `file://${other}`);
    }
  });

  test('the same class in two separate libraries is no duplicate', async () => {
    const lib = await checkLibrary({
      ...peers(),
      '/ws/one/fleet-roles.json': '{}',
      '/ws/one/roles/dup-role.md': roleText('dup-role', { boundaries: ['- **Does NOT x** — the **solo-role**.'] }),
      '/ws/one/roles/solo-role.md': roleText('solo-role', { boundaries: ['- **Does NOT x** — the **dup-role**.'] }),
      '/ws/roles/dup-role.md': roleText('dup-role'),
    });
    assert.deepEqual(lib.diagnostics('/ws/one/roles/dup-role.md'), []);
    assert.deepEqual(lib.diagnostics('/ws/roles/dup-role.md'), []);
  });

  test('unknown-domain with a near miss suggests the domain', async () => {
    const text = roleText('x-role', { domain: 'operatons' });
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['unknown-domain']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'operatons'));
    assert.equal(diagnostics[0].message, "Unknown domain 'operatons'. Did you mean 'operations'?");
  });

  test('unknown-domain with no near miss lists the known domains', async () => {
    const text = inlineRoleText('x-role', { domain: 'zzzzzz' });
    const d = single(await check(text), 'unknown-domain');
    assert.deepEqual(d.range, rangeOf(text, 'zzzzzz'));
    assert.match(d.message, /^Unknown domain 'zzzzzz'\. Known domains: .*operations/);
  });

  test('the built-in domains cover the common organisational domains', async () => {
    const required = [
      'operations',
      'delivery',
      'business',
      'hr',
      'engineering',
      'product',
      'design',
      'finance',
      'legal',
      'sales',
      'marketing',
      'support',
      'security',
      'data',
      'research',
      'executive',
    ];
    for (const domain of required) {
      assert.deepEqual(codes(await check(roleText('x-role', { domain }))), [], domain);
    }
  });

  for (const [label, value] of [
    ['quoted "true"', '"true"'],
    ['yes', 'yes'],
    ['1', '1'],
    ["quoted 'false'", "'false'"],
    ['on', 'on'],
  ]) {
    test(`invalid-persistence for ${label} in the frontmatter, at the value`, async () => {
      const text = roleText('x-role', { frontmatter: ['class: x-role', 'domain: operations', `persistent_persona: ${value}`] });
      const diagnostics = await check(text);
      assert.deepEqual(codes(diagnostics), ['invalid-persistence']);
      const column = 'persistent_persona: '.length;
      assert.deepEqual(diagnostics[0].range, { start: { line: 3, character: column }, end: { line: 3, character: column + value.length } });
      assert.equal(diagnostics[0].severity, DiagnosticSeverity.Error);
      assert.ok(diagnostics[0].message.includes(value), diagnostics[0].message);
    });
  }

  test('invalid-persistence for an inline yes, at the value', async () => {
    const text = inlineRoleText('x-role', { declarations: '(`class: x-role`, `domain: operations`, `persistent_persona: yes`)' });
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['invalid-persistence']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'yes'));
  });

  test('invalid-persistence for an inline "true" in quotes', async () => {
    const text = inlineRoleText('x-role', { declarations: '(`class: x-role`, `domain: operations`, `persistent_persona: "true"`)' });
    const d = single(await check(text), 'invalid-persistence');
    assert.deepEqual(d.range, rangeOf(text, '"true"'));
  });
});

describe('where a value stands', () => {
  test('a value after a trailing YAML comment is placed without the comment', async () => {
    const text = roleText('x-role', { frontmatter: ['class: x-role', 'domain: operatons   # a typo', 'persistent_persona: false'] });
    const d = single(await check(text), 'unknown-domain');
    assert.deepEqual(d.range, rangeOf(text, 'operatons'));
  });

  test('a quoted value holding " #" is placed whole', async () => {
    const text = roleText('x-role', { frontmatter: ['class: x-role', 'domain: "opera #tions"', 'persistent_persona: false'] });
    const d = single(await check(text), 'unknown-domain');
    assert.deepEqual(d.range, rangeOf(text, '"opera #tions"'));
  });

  test('a value written on the line below its key is placed at the value', async () => {
    const text = roleText('x-role', { frontmatter: ['class: x-role', 'domain:', '  operatons', 'persistent_persona: false'] });
    const d = single(await check(text), 'unknown-domain');
    assert.deepEqual(d.range, rangeOf(text, 'operatons'));
  });

  test('a folded block scalar class is placed at its text', async () => {
    const text = roleText('x-role', { frontmatter: ['class: >-', '  y-role', 'domain: operations', 'persistent_persona: false'] });
    const d = single(await check(text), 'class-filename-mismatch');
    assert.deepEqual(d.range, rangeOf(text, 'y-role'));
  });

  test('an empty `class:` is reported without inventing the value null', async () => {
    const text = roleText('x-role', { frontmatter: ['class:', 'domain: operations', 'persistent_persona:'] });
    const diagnostics = await check(text);
    assert.equal(diagnostics.length, 2, JSON.stringify(codes(diagnostics)));
    for (const d of diagnostics) assert.ok(!d.message.includes("'null'"), d.message);
  });

  test('a non-string class is invalid-class at the value', async () => {
    const text = roleText('x-role', { frontmatter: ['class: 42', 'domain: operations', 'persistent_persona: false'] });
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics), ['invalid-class']);
    assert.deepEqual(diagnostics[0].range, { start: { line: 1, character: 7 }, end: { line: 1, character: 9 } });
    assert.match(diagnostics[0].message, /^Invalid class '42'/);
  });
});

describe('unknown keys', () => {
  test('persistant_persona earns a hint at the key with the fix', async () => {
    const text = roleText('x-role', { frontmatter: ['class: x-role', 'domain: operations', 'persistant_persona: false'] });
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics).sort(), ['missing-persistence', 'unknown-key']);
    const d = single(diagnostics, 'unknown-key');
    assert.deepEqual(d.range, rangeOf(text, 'persistant_persona'));
    assert.equal(d.severity, DiagnosticSeverity.Hint);
    assert.equal(d.message, "Unknown key 'persistant_persona'. Did you mean 'persistent_persona'?");
  });

  test('Class (capitalised) earns a hint with the fix', async () => {
    const text = roleText('x-role', { frontmatter: ['Class: x-role', 'domain: operations', 'persistent_persona: false'] });
    const diagnostics = await check(text);
    const d = single(diagnostics, 'unknown-key');
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } });
    assert.equal(d.message, "Unknown key 'Class'. Did you mean 'class'?");
    assert.equal(only(diagnostics, 'missing-class').length, 1);
  });

  test('an unrelated extra key earns no hint', async () => {
    const text = roleText('x-role', { frontmatter: ['class: x-role', 'domain: operations', 'persistent_persona: false', 'description: anything'] });
    assert.deepEqual(await check(text), []);
  });
});
