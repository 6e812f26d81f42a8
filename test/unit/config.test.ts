import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { CONFIGURABLE_CODES } from '../../server/src/core/config/severityKeys';
import { REPO_ROOT } from '../support/tempLibrary';
import { checkLibrary } from '../support/checkLibrary';
import { sampleLibrary } from '../support/seed';
import { codes, peers, rangeOf, roleChecks, roleText, single } from './helpers';

const X = '/ws/roles/x-role.md';
const CONFIG = '/ws/fleet-roles.json';

function xRole(domain = 'operations'): string {
  return roleText('x-role', { domain, boundaries: ["- **Does NOT x** — the **peer-role**'s lane."] });
}

describe('domains', () => {
  test('a configuration with domains restricts the known domains', async () => {
    const lib = await checkLibrary(peers({ [CONFIG]: '{ "domains": ["alpha", "beta"] }', [X]: xRole('operations') }));
    const diagnostics = lib.diagnostics(X);
    assert.deepEqual(codes(diagnostics), ['unknown-domain']);
    assert.equal(diagnostics[0].message, "Unknown domain 'operations'. Known domains: alpha, beta.");
    assert.deepEqual(
      lib.workspace.libraries.map(l => [...l.domains]),
      [['alpha', 'beta']],
    );
  });

  test('a configured domain is accepted and suggested', async () => {
    const lib = await checkLibrary({
      [CONFIG]: '{ "domains": ["customer-care", "beta"] }',
      '/ws/roles/a-role.md': roleText('a-role', { domain: 'customer-care', boundaries: ['- **Does NOT x** — the **b-role**.'] }),
      '/ws/roles/b-role.md': roleText('b-role', { domain: 'customer-car', boundaries: ['- **Does NOT x** — the **a-role**.'] }),
    });
    assert.deepEqual(lib.diagnostics('/ws/roles/a-role.md'), []);
    assert.equal(single(lib.diagnostics('/ws/roles/b-role.md'), 'unknown-domain').message, "Unknown domain 'customer-car'. Did you mean 'customer-care'?");
  });

  test('JSON with comments and trailing commas is accepted', async () => {
    const lib = await checkLibrary(peers({ [CONFIG]: '// the library\n{\n  "domains": ["alpha", "operations",], /* two */\n}\n', [X]: xRole() }));
    assert.deepEqual(lib.workspace.libraries[0].problems, []);
    assert.deepEqual([...lib.workspace.libraries[0].domains], ['alpha', 'operations']);
    assert.deepEqual(lib.diagnostics(X), []);
  });

  test("the nearest configuration decides a file's domains", async () => {
    const lib = await checkLibrary({
      [CONFIG]: '{ "domains": ["alpha"] }',
      '/ws/roles/a-role.md': roleText('a-role', { domain: 'alpha', boundaries: ['- **Does NOT x** — the **a-peer**.'] }),
      '/ws/roles/a-peer.md': roleText('a-peer', { domain: 'alpha', boundaries: ['- **Does NOT x** — the **a-role**.'] }),
      '/ws/team/fleet-roles.json': '{ "domains": ["beta"] }',
      '/ws/team/roles/b-role.md': roleText('b-role', { domain: 'beta', boundaries: ['- **Does NOT x** — the **b-peer**.'] }),
      '/ws/team/roles/b-peer.md': roleText('b-peer', { domain: 'alpha', boundaries: ['- **Does NOT x** — the **b-role**.'] }),
    });
    assert.deepEqual(lib.diagnostics('/ws/roles/a-role.md'), []);
    assert.deepEqual(lib.diagnostics('/ws/team/roles/b-role.md'), []);
    assert.deepEqual(codes(lib.diagnostics('/ws/team/roles/b-peer.md')), ['unknown-domain']);
  });

  test('a configuration above the workspace root applies', async () => {
    const lib = await checkLibrary(
      {
        [CONFIG]: '{ "domains": ["alpha"], "roleFolders": ["project/roles"] }',
        '/ws/project/roles/a-role.md': roleText('a-role', { domain: 'operations', boundaries: ['- **Does NOT x** — the **a-peer**.'] }),
        '/ws/project/roles/a-peer.md': roleText('a-peer', { domain: 'alpha', boundaries: ['- **Does NOT x** — the **a-role**.'] }),
      },
      '/ws/project',
    );
    assert.deepEqual(codes(lib.diagnostics('/ws/project/roles/a-role.md')), ['unknown-domain']);
    assert.deepEqual(lib.diagnostics('/ws/project/roles/a-peer.md'), []);
  });

  test("the sample library's own configuration is read", async () => {
    const lib = await checkLibrary(sampleLibrary());
    const [library] = lib.workspace.libraries;
    assert.equal(library.configPath, '/ws/roles/fleet-roles.json');
    assert.deepEqual(library.problems, []);
    assert.equal(library.domains.length, 16);
  });
});

describe('configuration problems', () => {
  test('invalid JSON is a problem of the library with its line', async () => {
    const text = '{\n  "domains": ["alpha",\n  ]\n  "exclude": []\n}\n';
    const lib = await checkLibrary(peers({ [CONFIG]: text, [X]: xRole() }));
    const [library] = lib.workspace.libraries;
    assert.equal(library.problems.length, 1);
    const problem = library.problems[0];
    assert.equal(problem.path, CONFIG);
    assert.match(problem.message, /^Invalid JSON: /);
    assert.equal(problem.range.start.line, 3);
    // The library still works, with the built-in domains.
    assert.deepEqual(lib.diagnostics(X), []);
  });

  test('a configuration nested 100,000 deep is one problem at the level past the limit, and the library goes on', async () => {
    const text = `{\n  "domains": ${'['.repeat(100_000)}${']'.repeat(100_000)}\n}`;
    const lib = await checkLibrary(peers({ [CONFIG]: text, [X]: xRole() }));
    const problems = lib.workspace.libraries[0].problems;
    assert.equal(problems.length, 1);
    assert.equal(problems[0].message, 'Invalid JSON: nested more than 64 levels deep; the configuration was not read.');
    // The braces are level 1, so the 64th '[' is level 65.
    assert.deepEqual(problems[0].range.start, { line: 1, character: '  "domains": '.length + 63 });
    assert.deepEqual(lib.diagnostics(X), []);
  });

  test('brackets in strings and comments do not count as nesting', async () => {
    const deep = '['.repeat(100);
    const lib = await checkLibrary(peers({ [CONFIG]: `// ${deep}\n{ "$schema": "${deep}", "domains": ["operations"] }`, [X]: xRole() }));
    assert.deepEqual(lib.workspace.libraries[0].problems, []);
  });

  test('an empty configuration file is a problem', async () => {
    const lib = await checkLibrary(peers({ [CONFIG]: '', [X]: xRole() }));
    assert.equal(lib.workspace.libraries[0].problems.length, 1);
  });

  test('a misspelt key (roleFolder) is a problem naming it', async () => {
    const lib = await checkLibrary(peers({ [CONFIG]: '{\n  "roleFolder": ["roles"]\n}\n', [X]: xRole() }));
    const problems = lib.workspace.libraries[0].problems;
    assert.equal(problems.length, 1);
    assert.ok(problems[0].message.includes("'roleFolder'"), problems[0].message);
    assert.match(problems[0].message, /^Invalid configuration: /);
  });

  test('each unknown key is a problem at the key itself, not at 1:1, nested ones named by their path', async () => {
    const text = '{\n  "domains": ["operations"],\n  "domian": 1,\n  "format": { "extends": "fleet", "titel": "required" }\n}\n';
    const lib = await checkLibrary(peers({ [CONFIG]: text, [X]: xRole() }));
    const problems = lib.workspace.libraries[0].problems;
    const lines = text.split('\n');
    assert.deepEqual(problems.map(p => [p.message, lines[p.range.start.line].slice(p.range.start.character, p.range.end.character)]).sort(), [
      ["Invalid configuration: unknown key 'domian'.", '"domian"'],
      ["Invalid configuration: unknown key 'format.titel'.", '"titel"'],
    ]);
  });

  test('an empty domain list is a problem at the list', async () => {
    const text = '{ "domains": [] }';
    const lib = await checkLibrary(peers({ [CONFIG]: text, [X]: xRole() }));
    const [problem] = lib.workspace.libraries[0].problems;
    assert.deepEqual(problem.range, rangeOf(text, '[]'));
    assert.match(problem.message, /'domains'/);
  });

  test('a domain that is not a slug is a problem at that value', async () => {
    const text = '{\n  "domains": ["alpha", "Customer Care"]\n}';
    const lib = await checkLibrary(peers({ [CONFIG]: text, [X]: xRole() }));
    const problems = lib.workspace.libraries[0].problems;
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0].range, rangeOf(text, '"Customer Care"'));
    assert.match(problems[0].message, /'domains\.1'/);
  });

  test('a severity key that is no diagnostic code is a problem at the key, with the closest code', async () => {
    const text = '{ "severity": { "unknown-rol": "off", "self-reference": "hint" } }';
    const lib = await checkLibrary(peers({ [CONFIG]: text, [X]: xRole() }));
    const problems = lib.workspace.libraries[0].problems;
    assert.deepEqual(
      problems.map(p => p.message),
      ["Invalid configuration: 'unknown-rol' in 'severity' is not a diagnostic code. Did you mean 'unknown-role'?"],
    );
    assert.deepEqual(problems[0].range, rangeOf(text, '"unknown-rol"'));
  });

  for (const key of ['__proto__', 'constructor', 'prototype', 'toString']) {
    test(`a severity key '${key}' is named as no diagnostic code, with the codes there are`, async () => {
      const lib = await checkLibrary(peers({ [CONFIG]: `{ "severity": { "${key}": "off" } }`, [X]: xRole() }));
      const [library] = lib.workspace.libraries;
      assert.equal(library.problems.length, 1);
      assert.match(
        library.problems[0].message,
        new RegExp(`^Invalid configuration: '${key}' in 'severity' is not a diagnostic code\\. Known codes: invalid-frontmatter, .*unknown-role`),
      );
      assert.deepEqual({ ...library.severity }, {});
      assert.equal(Object.getPrototypeOf(library.severity), Object.prototype);
    });
  }

  test('invalid-config cannot be given a severity: it reports the configuration itself', async () => {
    const lib = await checkLibrary(peers({ [CONFIG]: '{ "severity": { "invalid-config": "off" } }', [X]: xRole() }));
    assert.deepEqual(
      lib.workspace.libraries[0].problems.map(p => p.message),
      ["Invalid configuration: 'invalid-config' in 'severity' cannot be set: it reports the configuration itself."],
    );
  });

  test('the JSON schema allows a severity for exactly the codes the checker does', () => {
    const schema = JSON.parse(readFileSync(nodePath.join(REPO_ROOT, 'schemas', 'fleet-roles.schema.json'), 'utf8')) as {
      properties: { severity: { propertyNames: { enum: string[] } } };
    };
    assert.deepEqual([...schema.properties.severity.propertyNames.enum].sort(), [...CONFIGURABLE_CODES].sort());
  });

  test('a __proto__ key in the configuration is a problem and pollutes nothing', async () => {
    const lib = await checkLibrary(peers({ [CONFIG]: '{ "__proto__": { "domains": ["evil"], "polluted": true } }', [X]: xRole() }));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(({} as Record<string, unknown>).domains, undefined);
    const [library] = lib.workspace.libraries;
    assert.ok(!library.domains.includes('evil'));
    assert.equal(library.problems.length, 1);
  });
});

describe('which files are roles', () => {
  test('exclude globs drop files from the library', async () => {
    const lib = await checkLibrary(
      peers({
        [CONFIG]: '{ "exclude": ["roles/drafts/**", "**/*.draft.md"] }',
        '/ws/roles/drafts/d-role.md': 'not a role at all',
        '/ws/roles/sub/e-role.draft.md': 'not a role either',
        [X]: roleText('x-role', { boundaries: ['- **Does NOT x** — the **d-role**.'] }),
      }),
    );
    assert.deepEqual(lib.workspace.paths(), ['/ws/roles/other-role.md', '/ws/roles/peer-role.md', X]);
    assert.equal(lib.service.getDiagnostics('/ws/roles/drafts/d-role.md'), undefined);
    assert.equal(lib.service.getDiagnostics('/ws/roles/sub/e-role.draft.md'), undefined);
    assert.deepEqual(codes(lib.diagnostics(X)), ['unknown-role']);
  });

  test('roleFolders may name a folder that is not called roles', async () => {
    const lib = await checkLibrary({
      [CONFIG]: '{ "roleFolders": ["personas"] }',
      '/ws/personas/a-role.md': roleText('a-role', { boundaries: ['- **Does NOT x** — the **b-role**.'] }),
      '/ws/personas/team/b-role.md': roleText('b-role', { boundaries: ['- **Does NOT x** — the **a-role**.'] }),
      '/ws/roles/c-role.md': 'not in the configured folders',
      '/ws/notes/d-role.md': 'not a role folder',
    });
    assert.deepEqual(lib.workspace.paths(), ['/ws/personas/a-role.md', '/ws/personas/team/b-role.md']);
    assert.deepEqual(lib.diagnostics('/ws/personas/a-role.md'), []);
    assert.deepEqual(lib.diagnostics('/ws/personas/team/b-role.md'), []);
  });

  test('class names are unique across all role folders of one configuration', async () => {
    const lib = await checkLibrary({
      [CONFIG]: '{ "roleFolders": ["team-a", "team-b"] }',
      '/ws/team-a/dup-role.md': roleText('dup-role', { boundaries: ['- **Does NOT x** — the **solo-role**.'] }),
      '/ws/team-b/dup-role.md': roleText('dup-role', { boundaries: ['- **Does NOT x** — the **solo-role**.'] }),
      '/ws/team-b/solo-role.md': roleText('solo-role', { boundaries: ['- **Does NOT x** — the **dup-role**.'] }),
    });
    const d = single(lib.diagnostics('/ws/team-a/dup-role.md'), 'duplicate-class');
    assert.equal(d.relatedInformation?.[0].location.uri, 'file:///ws/team-b/dup-role.md');
    assert.ok(d.message.includes('team-b/dup-role.md'), d.message);
    assert.deepEqual(lib.diagnostics('/ws/team-b/solo-role.md'), []);
  });

  test('with no configuration every folder named roles forms one library', async () => {
    const lib = await checkLibrary({
      '/ws/a/roles/a-role.md': roleText('a-role', { boundaries: ['- **Does NOT x** — the **b-role**.'] }),
      '/ws/b/deep/roles/b-role.md': roleText('b-role', { boundaries: ['- **Does NOT x** — the **a-role**.'] }),
      '/ws/docs/c-role.md': 'not in a roles folder',
      '/ws/rolesx/d-role.md': 'not a roles folder',
      '/ws/node_modules/pkg/roles/e-role.md': 'skipped',
    });
    assert.deepEqual(lib.workspace.paths(), ['/ws/a/roles/a-role.md', '/ws/b/deep/roles/b-role.md']);
    assert.deepEqual(lib.diagnostics('/ws/a/roles/a-role.md'), []);
    assert.deepEqual(lib.diagnostics('/ws/b/deep/roles/b-role.md'), []);
    assert.equal(lib.workspace.libraries.length, 1);
    assert.deepEqual([...lib.workspace.libraries[0].roleFolders].sort(), ['/ws/a/roles', '/ws/b/deep/roles']);
  });

  test('upper-case documents are not checked but their references are indexed', async () => {
    const readme = ['# Read me', '', '## Boundaries', '', '- nothing here', '- see **no-such-role**', '', 'The [x](./x-role.md) and **peer-role**.'].join('\n');
    const lib = await checkLibrary(
      peers({
        [X]: xRole(),
        '/ws/roles/README.md': readme,
        '/ws/roles/LIBRARY.md': 'no title, no sections, **x-role**',
        '/ws/roles/CHANGELOG.md': '---\nclass: [broken\n---\n',
      }),
    );
    for (const doc of ['/ws/roles/README.md', '/ws/roles/LIBRARY.md', '/ws/roles/CHANGELOG.md']) {
      assert.ok(lib.workspace.paths().includes(doc), doc);
      assert.deepEqual(roleChecks(lib.diagnostics(doc)), [], doc);
    }
    const library = lib.workspace.libraries[0];
    const index = lib.workspace.index;
    assert.deepEqual(index.referrersOf(library, 'x-role').sort(), ['/ws/roles/LIBRARY.md', '/ws/roles/README.md', X]);
    assert.deepEqual(index.referrersOf(library, 'peer-role').sort(), ['/ws/roles/README.md', '/ws/roles/other-role.md', '/ws/roles/peer-role.md', X]);
    assert.ok(![...index.roleNames(library)].includes('README'));
    // A document's name is no role: a reference to it is unknown.
    lib.service.setDocument(X, roleText('x-role', { boundaries: ['- **Does NOT x** — see [r](./README.md).'] }));
    assert.deepEqual(codes(lib.diagnostics(X)), ['boundary-without-role']);
  });

  test("the sample library's LIBRARY.md is read for references but not checked", async () => {
    const lib = await checkLibrary(sampleLibrary());
    const library = lib.workspace.libraries[0];
    assert.deepEqual(roleChecks(lib.diagnostics('/ws/roles/LIBRARY.md')), []);
    assert.ok(lib.workspace.index.referrersOf(library, 'chief-executive').includes('/ws/roles/LIBRARY.md'));
  });
});

describe('configurations built to slip past the checks (found in review)', () => {
  test('stray closers before deep nesting: a problem, not a stack overflow', async () => {
    const { parseConfigText } = await import('../../server/src/core/config/configFile');
    const text = `{"a":1,${']'.repeat(200000)},"b":${'['.repeat(200000)}`;
    const result = parseConfigText(CONFIG, text);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.problems[0].message, /nested too deep/);
  });

  test('a repeated key is reported, so a second severity cannot hide an unknown code', async () => {
    const { parseConfigText } = await import('../../server/src/core/config/configFile');
    for (const text of [
      '{"severity":{},"severity":{"bogus":"error"}}',
      '{"severity":{"invalid-config":"off"},"severity":{}}',
      '{"domains":["hr"],"domains":["hr"]}',
    ]) {
      const result = parseConfigText(CONFIG, text);
      assert.equal(result.ok, false, text);
      assert.match(result.ok ? '' : result.problems[0].message, /^The key '(severity|domains)' is given twice/, text);
    }
  });
});
