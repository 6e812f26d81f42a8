/**
 * A role file and a configuration are data, never code. Frontmatter in any
 * language but YAML, YAML tags that construct objects, and prototype keys in
 * frontmatter and in fleet-roles.json: each gives a diagnostic, runs
 * nothing (a payload would write a marker file), and pollutes no object.
 * Through the core, the language server and the CLI binary.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import * as nodePath from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { checkLibrary } from '../support/checkLibrary';
import { makeTree, runCli } from '../support/runCli';
import type { LspTestClient } from '../support/lspClient';
import {
  assertNoStackTrace,
  assertNotPolluted,
  assertWellFormed,
  markerPath,
  sampleFiles,
  startServer,
  stopServer,
  tempWorkspace,
  uriOf,
  within,
} from './support';

const ROLE = '/ws/roles/x-role.md';
const CONFIG = '/ws/roles/fleet-roles.json';
const FLAG = '__fleetRolesPwned';

/** The body of a clean role x-role of the sample library (its Boundaries name a real role). */
const BODY = [
  '# X Role — fleet role definition',
  '',
  'The **x-role** works.',
  '',
  '## Mandate',
  '',
  '1. **Work** — daily.',
  '',
  '## Boundaries',
  '',
  "- **Does NOT hire** — that is the **hr-generalist**'s lane.",
  '',
  '## Persona',
  '',
  'Calm.',
  '',
];
const DECLARATIONS = ['class: x-role', 'domain: operations', 'persistent_persona: false'];
const withFrontmatter = (open: string, block: string[], close = '---') => [open, ...block, close, ...BODY].join('\n');

/** What a payload does if anything runs it: writes the marker, sets a global, pollutes Object.prototype. */
function jsPayload(target: string): string[] {
  return [
    `require('fs').writeFileSync(${JSON.stringify(target)}, 'ran');`,
    `globalThis.${FLAG} = 1;`,
    'Object.prototype.polluted = true;',
    'module.exports = { class: "x-role", domain: "operations", persistent_persona: false };',
    '({ class: "x-role", domain: "operations", persistent_persona: false })',
  ];
}
function coffeePayload(target: string): string[] {
  return [
    `require('fs').writeFileSync ${JSON.stringify(target)}, 'ran'`,
    `globalThis.${FLAG} = 1`,
    'Object.prototype.polluted = true',
    'class: "x-role"',
    'domain: "operations"',
    'persistent_persona: false',
  ];
}
function jsonPayload(): string[] {
  return [
    '{ "class": "x-role", "domain": "operations", "persistent_persona": false,',
    '  "__proto__": { "polluted": true }, "constructor": { "prototype": { "polluted": true } } }',
  ];
}

/** Every language opening the issue names, and a few more an engine table could look up. */
const OPENINGS: Array<{ open: string; payload: (target: string) => string[] }> = [
  { open: '---js', payload: jsPayload },
  { open: '---javascript', payload: jsPayload },
  { open: '---coffee', payload: coffeePayload },
  { open: '---coffeescript', payload: coffeePayload },
  { open: '---cson', payload: coffeePayload },
  { open: '---json', payload: jsonPayload },
  { open: '---constructor', payload: jsPayload },
  { open: '---__proto__', payload: jsPayload },
  { open: '---toString', payload: jsPayload },
  { open: '---hasOwnProperty', payload: jsPayload },
  { open: '--- js', payload: jsPayload },
  { open: '---JS', payload: jsPayload },
  { open: '---js   ', payload: jsPayload },
  { open: '\uFEFF---js', payload: jsPayload },
];

const codesOf = (ds: Diagnostic[]) => ds.map(d => String(d.code));
const g = globalThis as Record<string, unknown>;

/** Asks every feature of the core about the file, so that no feature parses it another way. */
async function touchEveryFeature(lib: Awaited<ReturnType<typeof checkLibrary>>, path: string): Promise<void> {
  for (let line = 0; line < 6; line++) {
    for (const character of [0, 2, 5]) {
      const p = { line, character };
      lib.service.getCompletions(path, p);
      lib.service.getHover(path, p);
      lib.service.getDefinition(path, p);
      lib.service.getReferences(path, p, true);
      lib.service.prepareRename(path, p);
    }
  }
  lib.service.getDocumentSymbols(path);
  lib.service.getSemanticTokens(path);
  lib.service.getDocumentLinks(path);
  lib.service.getCodeLenses(path);
  lib.service.getWorkspaceSymbols('x');
  lib.service.getRoleGraphs();
  await lib.service.getCodeActions(path, { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } });
}

function assertNothingRan(target: string): void {
  assert.equal(existsSync(target), false, `the payload ran: ${target} exists`);
  assert.equal(g[FLAG], undefined, 'the payload ran: the global flag is set');
  assertNotPolluted();
}

describe('the sanity of the attack file', () => {
  test('x-role with YAML frontmatter checks clean in the sample library', async () => {
    const lib = await checkLibrary({ ...sampleFiles(), [ROLE]: withFrontmatter('---', DECLARATIONS) });
    assert.deepEqual(codesOf(lib.diagnostics(ROLE)), []);
  });
});

describe('frontmatter in another language is refused, and nothing in it runs (core)', () => {
  for (const { open, payload } of OPENINGS) {
    test(`${JSON.stringify(open)} frontmatter`, async () => {
      const target = markerPath();
      const text = withFrontmatter(open, payload(target));
      const lib = await checkLibrary({ ...sampleFiles(), [ROLE]: text });
      const ds = lib.diagnostics(ROLE);
      assertWellFormed(text, ds, open);
      const refused = ds.filter(d => d.code === 'invalid-frontmatter');
      assert.equal(refused.length, 1, JSON.stringify(codesOf(ds)));
      assert.equal(refused[0].range.start.line, 0);
      assert.equal(refused[0].severity, DiagnosticSeverity.Error);
      // Nothing from the block counts: it was never parsed, in any language.
      for (const code of ['missing-class', 'missing-domain', 'missing-persistence']) assert.ok(codesOf(ds).includes(code), `${code} in ${codesOf(ds)}`);
      await touchEveryFeature(lib, ROLE);
      // Arriving from an editor's buffer, too.
      lib.service.setDocument(ROLE, text.replace('x-role', 'x-role '));
      lib.diagnostics(ROLE);
      assertNothingRan(target);
    });
  }
});

/** YAML tags that construct functions, regular expressions or objects of any class: each a YAML error at its line. */
/** `line`: where the error may point, from the tag to just past its node (js-yaml reports an unknown tag after reading the node). */
const TAGS: Array<{ name: string; block: (target: string) => string[]; line: number | [number, number] }> = [
  {
    name: '!!js/function (quoted)',
    line: 1,
    block: t => [
      `class: !!js/function "function () { require('fs').writeFileSync(${JSON.stringify(t).replace(/"/g, "'")}, 'x'); return 'x-role'; }"`,
      'domain: operations',
      'persistent_persona: false',
    ],
  },
  {
    name: '!!js/function (block)',
    line: [1, 3],
    block: t => [
      'class: !!js/function >',
      `  function () { require('fs').writeFileSync('${t}', 'x'); return 'x-role'; }`,
      'domain: operations',
      'persistent_persona: false',
    ],
  },
  {
    name: '!!js/function on a key of a nested map',
    line: 5,
    block: t => [...DECLARATIONS, 'meta:', `  run: !!js/function "function () { require('fs').writeFileSync('${t}', 'x'); }"`],
  },
  {
    name: '!!js/function as a complex key',
    line: 4,
    block: t => [...DECLARATIONS, `? !!js/function "function () { require('fs').writeFileSync('${t}', 'x'); }"`, ': x'],
  },
  {
    name: '!!js/function named toString',
    line: 4,
    block: t => [...DECLARATIONS, `toString: !!js/function "function () { require('fs').writeFileSync('${t}', 'x'); return 'x'; }"`],
  },
  { name: '!!js/regexp', line: 2, block: () => ['class: x-role', 'domain: !!js/regexp /(a+)+$/', 'persistent_persona: false'] },
  { name: '!!js/undefined', line: 3, block: () => ['class: x-role', 'domain: operations', 'persistent_persona: !!js/undefined ""'] },
  {
    name: 'a verbatim js/function tag',
    line: 1,
    block: t => [
      `class: !<tag:yaml.org,2002:js/function> "function () { require('fs').writeFileSync('${t}', 'x'); }"`,
      'domain: operations',
      'persistent_persona: false',
    ],
  },
  { name: 'a custom local tag', line: 1, block: () => ['class: !exec x-role', 'domain: operations', 'persistent_persona: false'] },
  { name: 'a custom global tag', line: 4, block: t => [...DECLARATIONS, `payload: !<tag:evil.example,2024:exec> "touch ${t}"`] },
  { name: 'an undeclared tag handle (!e!exec)', line: 1, block: t => [`run: !e!exec "touch ${t}"`, ...DECLARATIONS] },
  { name: 'a python object tag', line: 4, block: t => [...DECLARATIONS, `x: !!python/object/apply:os.system ["touch ${t}"]`] },
];

describe('YAML tags that would construct objects are invalid-frontmatter, and nothing runs (core)', () => {
  for (const { name, block, line } of TAGS) {
    test(name, async () => {
      const target = markerPath();
      const text = withFrontmatter('---', block(target));
      const lib = await checkLibrary({ ...sampleFiles(), [ROLE]: text });
      const ds = lib.diagnostics(ROLE);
      assertWellFormed(text, ds, name);
      const bad = ds.filter(d => d.code === 'invalid-frontmatter');
      assert.equal(bad.length, 1, JSON.stringify(ds.map(d => [d.code, d.message])));
      const [first, last] = typeof line === 'number' ? [line, line] : line;
      assert.ok(bad[0].range.start.line >= first && bad[0].range.start.line <= last, `line ${bad[0].range.start.line}: ${bad[0].message}`);
      await touchEveryFeature(lib, ROLE);
      assertNothingRan(target);
    });
  }
});

/** YAML the safe schema reads: odd values, huge expansions, deep nesting. No crash, no hang, no pollution. */
const ODD_YAML: Array<{ name: string; block: string[] }> = [
  {
    name: 'a billion-laughs alias bomb',
    block: (() => {
      const names = 'abcdefghi';
      const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < names.length; i++)
        lines.push(
          `${names[i]}: &${names[i]} [${Array(9)
            .fill(`*${names[i - 1]}`)
            .join(',')}]`,
        );
      return [...lines, 'class: *i', 'domain: *i', 'persistent_persona: *i', 'Class: *i'];
    })(),
  },
  {
    name: 'binary, set, omap, pairs and timestamp values',
    block: [
      'class: !!binary eC1yb2xl',
      'domain: !!set { operations }',
      'persistent_persona: !!timestamp 2001-12-14',
      'o: !!omap [ a: 1 ]',
      'p: !!pairs [ a: 1 ]',
    ],
  },
  { name: 'a flow sequence nested 5,000 deep', block: [...DECLARATIONS, `deep: ${'['.repeat(5000)}${']'.repeat(5000)}`] },
  { name: 'a flow map nested 5,000 deep', block: [...DECLARATIONS, `deep: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`] },
  { name: 'a block map nested 2,000 deep', block: [...DECLARATIONS, ...Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`)] },
  { name: 'a merge key from an anchor', block: ['base: &b { class: x-role, domain: operations, persistent_persona: false }', '<<: *b'] },
  { name: 'a key of 100,000 characters', block: [...DECLARATIONS, `${'k'.repeat(100000)}: v`] },
  {
    name: 'values that look like numbers, nulls and booleans',
    block: ['class: 0x1F', 'domain: ~', 'persistent_persona: Yes', 'Class: .inf', 'persistant_persona: NaN'],
  },
];

describe('odd YAML the safe schema reads: no throw, no hang, nothing polluted (core)', () => {
  for (const { name, block } of ODD_YAML) {
    test(name, async () => {
      const text = withFrontmatter('---', block);
      const started = Date.now();
      const lib = await checkLibrary({ ...sampleFiles(), [ROLE]: text });
      const ds = lib.diagnostics(ROLE);
      await touchEveryFeature(lib, ROLE);
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
      assertWellFormed(text, ds, name);
      assertNotPolluted();
    });
  }
});

/** Prototype keys in YAML frontmatter (and in inline declarations). */
const PROTO_KEYS: Array<{ name: string; block: string[]; keyLine: number }> = [
  { name: '__proto__ with a nested map', keyLine: 4, block: [...DECLARATIONS, '__proto__:', '  polluted: yes', '  class: evil-role'] },
  { name: 'a quoted "__proto__" flow map', keyLine: 4, block: [...DECLARATIONS, '"__proto__": { polluted: yes, domain: evil }'] },
  { name: 'constructor.prototype', keyLine: 4, block: [...DECLARATIONS, 'constructor:', '  prototype:', '    polluted: yes'] },
  { name: 'prototype', keyLine: 4, block: [...DECLARATIONS, 'prototype:', '  polluted: yes'] },
  { name: '__proto__ through a merge key', keyLine: 4, block: [...DECLARATIONS, '<<: { __proto__: { polluted: yes } }'] },
  { name: '__proto__ through an anchor and alias', keyLine: 4, block: [...DECLARATIONS, '__proto__: &p { polluted: yes }', 'other: *p'] },
];

describe('prototype keys in frontmatter (core)', () => {
  for (const { name, block, keyLine } of PROTO_KEYS) {
    test(`${name}: pollutes nothing, and the real declarations still count`, async () => {
      const text = withFrontmatter('---', block);
      const lib = await checkLibrary({ ...sampleFiles(), [ROLE]: text });
      const ds = lib.diagnostics(ROLE);
      await touchEveryFeature(lib, ROLE);
      assertWellFormed(text, ds, name);
      assertNotPolluted();
      for (const code of ['missing-class', 'missing-domain', 'missing-persistence', 'class-filename-mismatch', 'unknown-domain']) {
        assert.ok(!codesOf(ds).includes(code), `${code}: the block's own declarations were lost or replaced: ${codesOf(ds)}`);
      }
    });

    test(`${name}: gives a diagnostic at the key`, async () => {
      const text = withFrontmatter('---', block);
      const lib = await checkLibrary({ ...sampleFiles(), [ROLE]: text });
      const ds = lib.diagnostics(ROLE).filter(d => d.code === 'invalid-frontmatter');
      assert.equal(ds.length, 1, JSON.stringify(lib.diagnostics(ROLE).map(d => [d.code, d.message])));
      assert.equal(ds[0].range.start.line, keyLine);
    });
  }

  test('inline declarations named __proto__, constructor and prototype change nothing', async () => {
    const text = [
      '# X Role — fleet role definition',
      '',
      'The **x-role** (`class: x-role`, `domain: operations`, `persistent_persona: false`, `__proto__: polluted`, `constructor: x`, `prototype: y`) works.',
      ...BODY.slice(3),
    ].join('\n');
    const lib = await checkLibrary({ ...sampleFiles(), [ROLE]: text });
    assert.deepEqual(codesOf(lib.diagnostics(ROLE)), []);
    await touchEveryFeature(lib, ROLE);
    assertNotPolluted();
  });
});

/** Prototype keys in fleet-roles.json: each an invalid-config, and the library goes on with the defaults. */
const CONFIGS: Array<{ name: string; json: string }> = [
  { name: 'a top-level __proto__', json: '{ "__proto__": { "polluted": true, "domains": ["evil"] } }' },
  { name: 'a top-level constructor.prototype', json: '{ "constructor": { "prototype": { "polluted": true } } }' },
  { name: 'a top-level prototype', json: '{ "prototype": { "polluted": true } }' },
  { name: 'a __proto__ beside valid keys', json: '{ "domains": ["operations", "hr", "delivery", "business"], "__proto__": { "domains": ["evil"] } }' },
  { name: 'a __proto__ inside severity', json: '{ "severity": { "__proto__": "off" } }' },
  { name: 'a __proto__ map inside severity', json: '{ "severity": { "__proto__": { "polluted": true } } }' },
  { name: 'a constructor inside severity', json: '{ "severity": { "constructor": "off" } }' },
  { name: 'a prototype inside severity', json: '{ "severity": { "prototype": "off" } }' },
  { name: 'a __proto__ inside domains', json: '{ "domains": ["operations", "__proto__"] }' },
];

describe('prototype keys in fleet-roles.json (core)', () => {
  for (const { name, json } of CONFIGS) {
    test(`${name}: an invalid-config problem, nothing polluted, defaults apply`, async () => {
      const lib = await checkLibrary({ ...sampleFiles(), [CONFIG]: json, [ROLE]: withFrontmatter('---', DECLARATIONS) });
      const library = lib.workspace.libraryOf(ROLE)!;
      assertNotPolluted();
      assert.ok(!library.domains.includes('evil'), 'the payload set the domains');
      assert.equal(Object.getPrototypeOf(library.severity), Object.prototype, 'severity has another prototype');
      assert.ok(library.problems.length > 0, `no problem reported for ${json}`);
      for (const p of library.problems) {
        assert.equal(p.path, CONFIG);
        assert.match(p.message, /configuration|JSON/i);
      }
      // The roles are still checked, with the defaults.
      assertWellFormed(withFrontmatter('---', DECLARATIONS), lib.diagnostics(ROLE));
    });
  }

  test('a constructor key inside severity is reported in words that say what is wrong', async () => {
    const lib = await checkLibrary({ ...sampleFiles(), [CONFIG]: '{ "severity": { "constructor": "off" } }' });
    const problems = lib.workspace.libraryOf(`/ws/roles/${'operations-manager.md'}`)!.problems;
    assert.equal(problems.length, 1);
    assert.doesNotMatch(problems[0].message, /received undefined/);
    assert.match(problems[0].message, /constructor/);
  });
});

describe('the language server runs nothing from an opened buffer', () => {
  const ws = tempWorkspace();
  let client: LspTestClient;
  before(async () => {
    client = await startServer([ws.workspace]);
    // Indexed first: a buffer opened while the server indexes is another test's subject (edits.test.ts).
    await client.diagnostics(uriOf(nodePath.join(ws.roles, 'operations-manager.md')));
  });
  after(async () => {
    await stopServer(client);
    ws.dispose();
  });

  test('every refused language, opened and edited, is one invalid-frontmatter and writes no marker', async () => {
    const uri = uriOf(nodePath.join(ws.roles, 'x-role.md'));
    const targets: string[] = [];
    let first = true;
    for (const { open, payload } of OPENINGS) {
      const target = markerPath();
      targets.push(target);
      const text = withFrontmatter(open, payload(target));
      if (first) await client.open(uri, text);
      else await client.change(uri, text);
      first = false;
      const ds = await within(client.diagnostics(uri), 10000, open);
      assertWellFormed(text, ds, open);
      assert.equal(ds.filter(d => d.code === 'invalid-frontmatter').length, 1, `${open}: ${codesOf(ds)}`);
      await client.completion(uri, { line: 1, character: 2 });
      await client.definition(uri, { line: 1, character: 2 });
    }
    for (const { name, block } of TAGS) {
      const target = markerPath();
      targets.push(target);
      const text = withFrontmatter('---', block(target));
      await client.change(uri, text);
      const ds = await within(client.diagnostics(uri), 10000, name);
      assert.equal(ds.filter(d => d.code === 'invalid-frontmatter').length, 1, `${name}: ${codesOf(ds)}`);
    }
    await client.close(uri);
    for (const t of targets) assert.equal(existsSync(t), false, `the payload ran: ${t}`);
  });
});

describe('the CLI binary runs nothing from role files or configuration', () => {
  const targets: string[] = [];
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(sampleFiles('roles'))) files[path] = text;
  OPENINGS.forEach(({ open, payload }, i) => {
    const target = markerPath();
    targets.push(target);
    files[`roles/lang-${i}.md`] = withFrontmatter(open, payload(target)).replace(/x-role/g, `lang-${i}`);
  });
  TAGS.forEach(({ block }, i) => {
    const target = markerPath();
    targets.push(target);
    files[`roles/tag-${i}.md`] = withFrontmatter('---', block(target)).replace(/x-role/g, `tag-${i}`);
  });
  PROTO_KEYS.forEach(({ block }, i) => {
    files[`roles/proto-${i}.md`] = withFrontmatter('---', block).replace(/x-role/g, `proto-${i}`);
  });
  const tree = makeTree(files);
  after(() => {
    tree.dispose();
    for (const t of targets) rmSync(t, { force: true });
  });

  test('check: every refused block and tag is an invalid-frontmatter, exit 1, no marker, no stack trace', () => {
    const result = runCli(['check', 'roles', '--format', 'json'], tree.dir);
    assert.equal(result.status, 1, result.stderr);
    assertNoStackTrace(result.stderr + result.stdout);
    const report = JSON.parse(result.stdout) as { files: Array<{ path: string; diagnostics: Diagnostic[] }> };
    const byPath = new Map(report.files.map(f => [f.path, f.diagnostics]));
    OPENINGS.forEach(({ open }, i) => {
      const ds = byPath.get(`roles/lang-${i}.md`);
      assert.ok(ds, `roles/lang-${i}.md (${open}) not reported`);
      assert.equal(ds.filter(d => d.code === 'invalid-frontmatter').length, 1, `${open}: ${codesOf(ds)}`);
      assert.ok(codesOf(ds).includes('missing-class'), `${open}: the block counted`);
    });
    TAGS.forEach(({ name }, i) => {
      const ds = byPath.get(`roles/tag-${i}.md`)!;
      assert.equal(ds.filter(d => d.code === 'invalid-frontmatter').length, 1, `${name}: ${codesOf(ds)}`);
    });
    PROTO_KEYS.forEach(({ name }, i) => {
      const ds = byPath.get(`roles/proto-${i}.md`)!;
      assert.ok(!codesOf(ds).some(c => c.startsWith('missing-')), `${name}: ${codesOf(ds)}`);
    });
    for (const t of targets) assert.equal(existsSync(t), false, `the payload ran: ${t}`);
  });

  test('graph and the sarif format read the same files and run nothing either', () => {
    for (const args of [
      ['graph', 'roles', '--format', 'json'],
      ['check', 'roles', '--format', 'sarif'],
    ]) {
      const result = runCli(args, tree.dir);
      assert.ok(result.status === 0 || result.status === 1, `${args.join(' ')}: exit ${result.status}: ${result.stderr}`);
      assertNoStackTrace(result.stderr, args.join(' '));
      JSON.parse(result.stdout);
    }
    for (const t of targets) assert.equal(existsSync(t), false, `the payload ran: ${t}`);
  });

  for (const { name, json } of CONFIGS) {
    test(`a configuration with ${name}: invalid-config on stderr, exit 2, no stack trace`, () => {
      const cfgTree = makeTree({ ...sampleFiles('roles'), 'roles/fleet-roles.json': json });
      try {
        const result = runCli(['check', 'roles'], cfgTree.dir);
        assertNoStackTrace(result.stderr + result.stdout, name);
        assert.equal(result.status, 2, `${name}: exit ${result.status}\n${result.stdout}${result.stderr}`);
        assert.match(result.stderr, /^roles\/fleet-roles\.json:\d+:\d+ error invalid-config /m);
        assert.equal(result.stdout, '');
      } finally {
        cfgTree.dispose();
      }
    });
  }
});
