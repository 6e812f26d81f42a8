import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { makeTree, runCli } from '../support/runCli';
import { REPO_ROOT } from '../support/tempLibrary';

const role = (name: string, domain: string, boundaries: string[]) => `---
class: ${name}
domain: ${domain}
persistent_persona: false
---
# ${name} — fleet role definition

Lead.

## Mandate

1. Work.

## Boundaries

${boundaries.map(b => `- ${b}`).join('\n')}

## Persona

Calm.
`;

describe('fleet-roles check', () => {
  const tree = makeTree({
    'roles/alpha.md': role('alpha', 'operations', ["**Does NOT build** — that is **beta**'s lane."]),
    'roles/beta.md': role('beta', 'engineering', ['**Does NOT run** — **alpha** does.', 'Nobody in particular.']),
    'roles/gamma.md': role('gamma', 'opertions', ['**Does NOT hire** — **hr-genralist** does.']),
    'roles/README.md': '# About this library\n',
  });
  after(() => tree.dispose());

  test('the sample library checks clean and exits 0', () => {
    const result = runCli(['check', 'roles'], REPO_ROOT);
    assert.equal(result.status, 0, result.stderr + result.stdout);
    assert.match(result.stdout, /^\d+ files checked, \d+ roles indexed: 0 errors, 0 warnings\.\n$/);
  });

  test('json: exactly the documented shape, every role file listed, relative paths', () => {
    const result = runCli(['check', 'roles', '--format', 'json'], tree.dir);
    assert.equal(result.status, 1, result.stderr);
    const gammaText = readFileSync(nodePath.join(tree.dir, 'roles/gamma.md'), 'utf8').split('\n');
    const domainLine = gammaText.findIndex(l => l.startsWith('domain:'));
    const refLine = gammaText.findIndex(l => l.includes('**hr-genralist**'));
    const refChar = gammaText[refLine].indexOf('hr-genralist');
    const bulletLine = readFileSync(nodePath.join(tree.dir, 'roles/beta.md'), 'utf8').split('\n').indexOf('- Nobody in particular.');
    assert.deepEqual(JSON.parse(result.stdout), {
      version: 1,
      files: [
        { path: 'roles/alpha.md', diagnostics: [] },
        {
          path: 'roles/beta.md',
          diagnostics: [
            {
              code: 'boundary-without-role',
              severity: 'warning',
              message: 'This boundary names no role: say whose lane the work is, as **role-name**.',
              range: { start: { line: bulletLine, character: 0 }, end: { line: bulletLine, character: '- Nobody in particular.'.length } },
            },
          ],
        },
        {
          path: 'roles/gamma.md',
          diagnostics: [
            {
              code: 'unknown-domain',
              severity: 'error',
              message: "Unknown domain 'opertions'. Did you mean 'operations'?",
              range: { start: { line: domainLine, character: 8 }, end: { line: domainLine, character: 17 } },
            },
            {
              code: 'unknown-role',
              severity: 'error',
              message: "Unknown role 'hr-genralist'. No role file 'hr-genralist.md' exists in this library.",
              range: { start: { line: refLine, character: refChar }, end: { line: refLine, character: refChar + 'hr-genralist'.length } },
            },
          ],
        },
      ],
      summary: { files: 3, roles: 3, errors: 2, warnings: 1 },
    });
  });

  test('text: compiler-style lines, 1-based, then a summary', () => {
    const result = runCli(['check'], tree.dir);
    assert.equal(result.status, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0], /^roles\/beta\.md:\d+:1 warning boundary-without-role /);
    assert.match(lines[1], /^roles\/gamma\.md:3:9 error unknown-domain Unknown domain 'opertions'\. Did you mean 'operations'\?$/);
    assert.equal(lines[3], '3 files checked, 3 roles indexed: 2 errors, 1 warning.');
  });

  test('sarif: a SARIF 2.1.0 log with rules and 1-based regions', () => {
    const result = runCli(['check', '--format', 'sarif'], tree.dir);
    assert.equal(result.status, 1);
    const log = JSON.parse(result.stdout);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'fleet-roles');
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.ok(ruleIds.includes('unknown-role'));
    assert.equal(run.results.length, 3);
    const domain = run.results.find((r: { ruleId: string }) => r.ruleId === 'unknown-domain');
    assert.equal(domain.level, 'error');
    assert.equal(ruleIds[domain.ruleIndex], 'unknown-domain');
    // Each rule links to its code's page (SARIF's helpUri), as the editor's diagnostics do.
    assert.equal(run.tool.driver.rules[domain.ruleIndex].helpUri, 'https://github.com/fleet-roles/fleet-roles/blob/main/docs/diagnostics/unknown-domain.md');
    assert.deepEqual(domain.locations[0].physicalLocation.artifactLocation, { uri: 'roles/gamma.md', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(domain.locations[0].physicalLocation.region, { startLine: 3, startColumn: 9, endLine: 3, endColumn: 18 });
    assert.equal(run.results.find((r: { ruleId: string }) => r.ruleId === 'boundary-without-role').level, 'warning');
  });

  test('a single file is checked against its whole library', () => {
    const result = runCli(['check', 'roles/alpha.md', '--format', 'json'], tree.dir);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).files, [{ path: 'roles/alpha.md', diagnostics: [] }]);
  });

  test('a single agent file in a subfolder of .claude/agents is checked against its whole library', () => {
    const agent = (name: string, body: string) => `---\nname: ${name}\ndescription: Handles ${name} work.\n---\n\n${body}\n`;
    const agents = makeTree({
      '.claude/agents/design/brand-keeper.md': agent('brand-keeper', 'Delegate copy to `copy-writer`; hand off layout to `layout-helper`.'),
      '.claude/agents/content/copy-writer.md': agent('copy-writer', 'Write the copy.'),
    });
    try {
      const result = runCli(['check', '.claude/agents/design/brand-keeper.md', '--format', 'json'], agents.dir);
      const report = JSON.parse(result.stdout);
      assert.deepEqual(
        report.files.map((f: { path: string; diagnostics: Array<{ message: string }> }) => [
          f.path,
          f.diagnostics.map(d => /^Unknown role '[^']*'\./.exec(d.message)?.[0]),
        ]),
        [['.claude/agents/design/brand-keeper.md', ["Unknown role 'layout-helper'."]]],
      );
      assert.equal(report.summary.roles, 2);
    } finally {
      agents.dispose();
    }
  });

  test('warnings alone exit 0', () => {
    const result = runCli(['check', 'roles/beta.md'], tree.dir);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /1 warning/);
  });

  test('usage errors exit 2 with a message and no stack trace', () => {
    for (const args of [['check', 'nowhere'], ['check', '--format', 'xml'], ['frobnicate'], ['check', '--bogus'], []]) {
      const result = runCli(args, tree.dir);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^fleet-roles: |^Usage:/, args.join(' '));
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  test('a folder with no role library: "no role library found", exit 3', () => {
    const empty = makeTree({ 'docs/notes.md': '# Notes\n' });
    try {
      const result = runCli(['check'], empty.dir);
      assert.equal(result.status, 3);
      assert.match(result.stderr, /^fleet-roles: no role library found under \.: /);
    } finally {
      empty.dispose();
    }
  });

  test('an Ansible repository (roles/<name>/tasks, docs, README.md) gets no diagnostic: check and graph exit 3, nothing on stdout', () => {
    const ansible = makeTree({
      'site.yml': '- hosts: all\n  roles: [web]\n',
      'roles/web/tasks/main.yml': '- name: install nginx\n  apt: { name: nginx }\n',
      'roles/web/docs/usage.md': '# Usage\n\nSet `port: 8080` in the vars.\n',
      'roles/web/README.md': '# web\n\nInstalls nginx.\n',
    });
    try {
      for (const args of [['check'], ['check', 'roles'], ['check', '--format', 'json'], ['graph']]) {
        const result = runCli(args, ansible.dir);
        assert.equal(result.status, 3, `${args.join(' ')}: ${result.stderr}`);
        assert.equal(result.stdout, '', args.join(' '));
        assert.match(result.stderr, /^fleet-roles: no role library found under (\.|roles): [^\n]+\n$/, args.join(' '));
      }
    } finally {
      ansible.dispose();
    }
  });

  test('a broken configuration is reported with its file and line, exit 2', () => {
    const broken = makeTree({ 'roles/fleet-roles.json': '{\n  "domains": ["ops",\n}\n', 'roles/alpha.md': role('alpha', 'ops', ['**beta**']) });
    try {
      const result = runCli(['check'], broken.dir);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^roles\/fleet-roles\.json:3:1 error invalid-config Invalid JSON: /m);
    } finally {
      broken.dispose();
    }
  });

  test('an extension that is no Markdown ending is refused at its value, naming what is allowed, not reported later as "no role files"', () => {
    for (const extension of ['.agentmd', '.txt', 'md', '.agent.md.bak']) {
      const tree = makeTree({
        'lib/fleet-roles.json': `{\n  "format": { "extends": "copilot-agents", "extension": "${extension}" }\n}\n`,
        [`lib/roles/helper${extension}`]: '---\nname: helper\ndescription: Helps\n---\n# Helper\n',
      });
      try {
        const result = runCli(['check', 'lib'], tree.dir);
        assert.equal(result.status, 2, result.stderr);
        assert.equal(
          result.stderr,
          `lib/fleet-roles.json:2:57 error invalid-config Invalid configuration: 'format.extension' ('${extension}') is not a Markdown ending: ` +
            'it must be ".md" or ".mdc", alone or after a dotted word such as ".agent.md"; no file with another ending is read.\n' +
            'fleet-roles: the configuration is not valid; nothing was checked\n',
        );
        assert.equal(result.stdout, '');
      } finally {
        tree.dispose();
      }
    }
  });

  test('the Markdown endings a format may name are accepted: .md, .mdc, and either after dotted words', () => {
    for (const extension of ['.md', '.mdc', '.agent.md', '.Agent.MD', '.cursor.rule.mdc']) {
      const tree = makeTree({
        'lib/fleet-roles.json': `{\n  "format": { "extends": "copilot-agents", "extension": "${extension}" }\n}\n`,
        [`lib/.github/agents/helper${extension}`]: '---\nname: helper\ndescription: Helps\n---\n# Helper\n',
      });
      try {
        const result = runCli(['check', 'lib', '--format', 'json'], tree.dir);
        assert.equal(result.status, 0, `${extension}: ${result.stderr}`);
        assert.deepEqual(
          JSON.parse(result.stdout).files.map((f: { path: string }) => f.path),
          [`lib/.github/agents/helper${extension}`],
          extension,
        );
      } finally {
        tree.dispose();
      }
    }
  });

  test('a configuration whose role folders lead outside its folder is refused at each such value, and nothing there is read', () => {
    const tree = makeTree({
      'lib/fleet-roles.json': '{\n  "roleFolders": ["people", "/", "../../../../etc", "/proc", "../elsewhere"]\n}\n',
      'lib/people/alpha.md': role('alpha', 'ops', ['**beta**']),
      'elsewhere/broken.md': '# not a role\n',
    });
    try {
      const result = runCli(['check', 'lib', '--format', 'json'], tree.dir);
      assert.equal(result.status, 2, result.stderr);
      const lines = result.stderr.split('\n').filter(l => l.includes('invalid-config'));
      assert.deepEqual(
        lines.map(l => l.split(' ')[0]),
        ['lib/fleet-roles.json:2:29', 'lib/fleet-roles.json:2:34', 'lib/fleet-roles.json:2:53', 'lib/fleet-roles.json:2:62'],
      );
      assert.match(lines[1], /'roleFolders\.2' \('\.\.\/\.\.\/\.\.\/\.\.\/etc'\) leads outside the configuration's folder/);
      assert.equal(result.stdout, '');
    } finally {
      tree.dispose();
    }
  });

  test('--config names the configuration: its domains apply', () => {
    const withConfig = makeTree({
      'lib/fleet-roles.json': '{ "roleFolders": ["people"], "domains": ["ops"] }',
      'lib/people/alpha.md': role('alpha', 'ops', ['**beta**']),
      'lib/people/beta.md': role('beta', 'operations', ['**alpha**']),
    });
    try {
      const result = runCli(['check', '--config', 'lib/fleet-roles.json', 'lib', '--format', 'json'], withConfig.dir);
      assert.equal(result.status, 1, result.stderr);
      const report = JSON.parse(result.stdout);
      assert.deepEqual(
        report.files.map((f: { path: string; diagnostics: Array<{ code: string }> }) => [f.path, f.diagnostics.map(d => d.code)]),
        [
          ['lib/people/alpha.md', []],
          ['lib/people/beta.md', ['unknown-domain']],
        ],
      );
    } finally {
      withConfig.dispose();
    }
  });

  test('--version and --help', () => {
    assert.match(runCli(['--version'], tree.dir).stdout, /^\d+\.\d+\.\d+\n$/);
    const help = runCli(['--help'], tree.dir);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /fleet-roles check/);
  });
});
