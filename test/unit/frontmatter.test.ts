import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkLibrary } from '../support/checkLibrary';
import { codes, lineRange, only, peers, rangeOf, roleChecks, roleText, single } from './helpers';

const PATH = '/ws/roles/x-role.md';

async function check(text: string) {
  const lib = await checkLibrary(peers({ [PATH]: text }));
  return lib.diagnostics(PATH);
}

const BODY_LINES = roleText('x-role', { frontmatter: null }).split('\n');

/** A role file whose frontmatter block is exactly `block` (delimiters included). */
function withBlock(block: string[]): string {
  return [...block, ...BODY_LINES].join('\n');
}

const markers: string[] = [];
function marker(): string {
  const path = `/tmp/fleet-roles-pwned-${randomBytes(8).toString('hex')}`;
  markers.push(path);
  return path;
}
after(() => {
  for (const path of markers) rmSync(path, { force: true });
});

describe('YAML problems', () => {
  test('a YAML syntax error is invalid-frontmatter at the error line', async () => {
    const text = withBlock(['---', 'class: x-role', '  domain: operations', 'persistent_persona: false', '---']);
    const diagnostics = await check(text);
    const d = single(diagnostics, 'invalid-frontmatter');
    assert.equal(d.range.start.line, 2);
    assert.equal(d.range.end.line, 2);
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(d.source, 'fleet-roles');
    assert.match(d.message, /^Invalid YAML frontmatter: /);
  });

  test('a key followed by a second colon is reported on its own line', async () => {
    const text = withBlock(['---', 'class: x-role', 'domain: operations', 'persistent_persona: false: no', '---']);
    const d = single(await check(text), 'invalid-frontmatter');
    assert.equal(d.range.start.line, 3);
    assert.match(d.message, /^Invalid YAML frontmatter: /);
  });

  test('a duplicated key is invalid-frontmatter at the second key', async () => {
    const text = withBlock(['---', 'class: x-role', 'domain: operations', 'class: x-role', 'persistent_persona: false', '---']);
    const d = single(await check(text), 'invalid-frontmatter');
    assert.equal(d.range.start.line, 3);
  });

  test('an unclosed frontmatter is invalid-frontmatter on the opening line', async () => {
    const text = ['---', 'class: x-role', 'domain: operations', 'persistent_persona: false', ...BODY_LINES].join('\n');
    const d = single(await check(text), 'invalid-frontmatter');
    assert.deepEqual(d.range, lineRange(text, 0));
    assert.match(d.message, /not closed/);
  });

  test('frontmatter that is a list, not a mapping, is invalid-frontmatter', async () => {
    const text = withBlock(['---', '- class', '- domain', '---']);
    const d = single(await check(text), 'invalid-frontmatter');
    assert.equal(d.range.start.line, 0);
    assert.match(d.message, /mapping/);
  });

  test('an explicit ---yaml opening line is read as YAML', async () => {
    const text = withBlock(['---yaml', 'class: x-role', 'domain: operations', 'persistent_persona: false', '---']);
    assert.deepEqual(await check(text), []);
  });

  test('"..." closes a YAML frontmatter block as well', async () => {
    const text = withBlock(['---', 'class: x-role', 'domain: operations', 'persistent_persona: false', '...']);
    assert.deepEqual(await check(text), []);
  });
});

describe('a role file is data, never code', () => {
  for (const opening of ['---js', '---javascript', '---coffee', '--- js', '---JS']) {
    test(`'${opening}' frontmatter is refused and nothing in it runs`, async () => {
      const target = marker();
      const g = globalThis as Record<string, unknown>;
      const flag = `__fleetRolesPwned_${randomBytes(4).toString('hex')}`;
      const code = opening.includes('coffee')
        ? [`require('fs').writeFileSync '${target}', 'x'`, `globalThis.${flag} = 1`]
        : [
            `require('fs').writeFileSync('${target}', 'x');`,
            `globalThis.${flag} = 1;`,
            'module.exports = { class: "x-role", domain: "operations", persistent_persona: false };',
            '({ class: "x-role", domain: "operations", persistent_persona: false })',
          ];
      const text = withBlock([opening, ...code, '---']);
      const lib = await checkLibrary(peers({ [PATH]: text }));
      const diagnostics = lib.diagnostics(PATH);
      const d = single(diagnostics, 'invalid-frontmatter');
      assert.equal(d.range.start.line, 0);
      assert.equal(d.severity, DiagnosticSeverity.Error);
      // Nothing from the block counts as a declaration.
      assert.equal(only(diagnostics, 'missing-class').length, 1);
      lib.service.getCompletions(PATH, { line: 1, character: 3 });
      lib.service.getDefinition(PATH, { line: 1, character: 3 });
      assert.equal(existsSync(target), false, 'the frontmatter code ran');
      assert.equal(g[flag], undefined, 'the frontmatter code ran');
    });
  }

  test('JavaScript frontmatter in a library document (LIBRARY.md) is not run either', async () => {
    const target = marker();
    const lib = await checkLibrary(
      peers({
        '/ws/roles/LIBRARY.md': withBlock(['---js', `require('fs').writeFileSync('${target}', 'x')`, '---']),
        '/ws/roles/README.md': withBlock(['---javascript', `require('fs').writeFileSync('${target}', 'x')`, '---']),
      }),
    );
    assert.deepEqual(roleChecks(lib.diagnostics('/ws/roles/README.md')), []);
    lib.diagnostics('/ws/roles/LIBRARY.md');
    assert.equal(existsSync(target), false);
  });

  test('JavaScript frontmatter arriving through an editor overlay is not run', async () => {
    const target = marker();
    const lib = await checkLibrary(peers({ [PATH]: roleText('x-role') }));
    lib.service.setDocument(PATH, withBlock(['---js', `require('fs').writeFileSync('${target}', 'x')`, '---']));
    assert.equal(single(lib.diagnostics(PATH), 'invalid-frontmatter').range.start.line, 0);
    assert.equal(existsSync(target), false);
  });

  test('a YAML !!js/function tag is invalid-frontmatter and nothing runs', async () => {
    const target = marker();
    const fn = `function () { require('fs').writeFileSync('${target}', 'x'); return 'x-role'; }`;
    const text = withBlock(['---', `class: !!js/function "${fn}"`, 'domain: operations', 'persistent_persona: false', '---']);
    const diagnostics = await check(text);
    const d = single(diagnostics, 'invalid-frontmatter');
    assert.equal(d.range.start.line, 1);
    assert.equal(existsSync(target), false);
  });

  for (const tag of ['!!js/undefined ""', '!!js/regexp /x/g']) {
    test(`a YAML ${tag.split(' ')[0]} tag is invalid-frontmatter`, async () => {
      const text = withBlock(['---', 'class: x-role', `domain: ${tag}`, 'persistent_persona: false', '---']);
      assert.equal(single(await check(text), 'invalid-frontmatter').range.start.line, 2);
    });
  }

  test('a __proto__ key pollutes nothing and is an invalid-frontmatter at the key', async () => {
    const text = withBlock([
      '---',
      '__proto__:',
      '  polluted: yes',
      '  class: x-role',
      'class: x-role',
      'domain: operations',
      'persistent_persona: false',
      '---',
    ]);
    const diagnostics = await check(text);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.hasOwn(Object.prototype, 'polluted'), false);
    const d = single(diagnostics, 'invalid-frontmatter');
    assert.deepEqual(codes(diagnostics), ['invalid-frontmatter']);
    assert.deepEqual(d.range, rangeOf(text, '__proto__'));
    assert.equal(d.message, "The frontmatter key '__proto__' is refused: it names a JavaScript object's prototype. It is ignored; remove it.");
  });

  for (const key of ['constructor', 'prototype']) {
    test(`a ${key} key is an invalid-frontmatter at the key too`, async () => {
      const text = withBlock(['---', 'class: x-role', `${key}: { polluted: yes }`, 'domain: operations', 'persistent_persona: false', '---']);
      const diagnostics = await check(text);
      assert.deepEqual(codes(diagnostics), ['invalid-frontmatter']);
      assert.deepEqual(single(diagnostics, 'invalid-frontmatter').range, rangeOf(text, key));
    });
  }

  test('a __proto__ brought in by a merge key is reported at the merge key', async () => {
    const text = withBlock(['---', 'class: x-role', '<<: { __proto__: { polluted: yes } }', 'domain: operations', 'persistent_persona: false', '---']);
    assert.deepEqual(single(await check(text), 'invalid-frontmatter').range, rangeOf(text, '<<'));
  });

  test("declarations under __proto__ do not count as the role's own", async () => {
    const text = withBlock(['---', '__proto__: { class: x-role }', 'domain: operations', 'persistent_persona: false', '---']);
    const diagnostics = await check(text);
    assert.deepEqual(codes(diagnostics).sort(), ['invalid-frontmatter', 'missing-class']);
    assert.equal(({} as Record<string, unknown>).class, undefined);
  });
});
