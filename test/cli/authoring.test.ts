import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { makeTree, runCli } from '../support/runCli';
import { REPO_ROOT } from '../support/tempLibrary';

describe('fleet-roles init and new', () => {
  for (const [format, folder, extension, index] of [
    ['fleet', 'roles', '.md', 'LIBRARY.md'],
    ['claude-code', '.claude/agents', '.md', 'README.md'],
    ['copilot-agents', '.github/agents', '.agent.md', 'README.md'],
  ] as const) {
    test(`init --format ${format} starts a library that checks clean, and new adds a role that checks clean, listed in the index`, () => {
      const tree = makeTree({});
      try {
        const init = runCli(['init', 'lib', '--format', format], tree.dir);
        assert.equal(init.status, 0, init.stderr);
        const root = nodePath.join(tree.dir, 'lib');
        const config = JSON.parse(readFileSync(nodePath.join(root, 'fleet-roles.json'), 'utf8')) as { $schema?: string; format: string };
        assert.equal(config.format, format);
        // Run from a clone (as after `npm link`), the schema's path is this machine's alone: none is written.
        assert.equal(config.$schema, undefined, `a path into the clone: ${config.$schema}`);
        const first = format === 'fleet' ? 'first-role' : 'first-agent';
        assert.ok(existsSync(nodePath.join(root, folder, `${first}${extension}`)));

        const created = runCli(['new', 'code-reviewer', 'lib'], tree.dir);
        assert.equal(created.status, 0, created.stderr);
        assert.equal(created.stdout, `created lib/${folder}/code-reviewer${extension}\nlisted it in lib/${folder}/${index}\n`);
        // Every agent format gets a description, required or not: it is what a model reads to choose the agent.
        if (format !== 'fleet')
          assert.match(
            readFileSync(nodePath.join(root, folder, `code-reviewer${extension}`), 'utf8'),
            /^---\n(?:[^\n]*\n)*?description: What the Code Reviewer does, and when to use it\.\n(?:[^\n]*\n)*?---\n\n/,
          );
        assert.match(
          readFileSync(nodePath.join(root, folder, index), 'utf8'),
          new RegExp(`\\[code-reviewer\\]\\(\\./code-reviewer${extension.replace(/\./g, '\\.')}\\) — Code Reviewer\\n?$`),
        );

        const check = runCli(['check', 'lib', '--format', 'json'], tree.dir);
        assert.equal(check.status, 0, check.stdout);
        const report = JSON.parse(check.stdout) as { files: Array<{ path: string; diagnostics: unknown[] }>; summary: { roles: number } };
        assert.equal(report.summary.roles, 2);
        assert.deepEqual(
          report.files.flatMap(f => f.diagnostics),
          [],
        );
      } finally {
        tree.dispose();
      }
    });
  }

  test('new refuses a taken name or a name that is no slug, and init refuses an existing library', () => {
    const tree = makeTree({});
    try {
      assert.equal(runCli(['init'], tree.dir).status, 0);
      const taken = runCli(['new', 'first-role'], tree.dir);
      assert.equal(taken.status, 2);
      assert.equal(taken.stderr, "fleet-roles: A role named 'first-role' already exists in this library.\n");
      assert.match(runCli(['new', 'Bad Name'], tree.dir).stderr, /'Bad Name' is not a role name/);
      const again = runCli(['init'], tree.dir);
      assert.equal(again.status, 2);
      assert.match(again.stderr, /fleet-roles\.json' exists already/);
      assert.match(runCli(['init', '--format', 'cursor'], tree.dir).stderr, /unknown format 'cursor': use fleet, claude-code, copilot-agents/);
    } finally {
      tree.dispose();
    }
  });
});

describe('fleet-roles init and new for skills', () => {
  for (const [format, folder] of [
    ['agent-skills', '.agents/skills'],
    ['claude-skills', '.claude/skills'],
  ] as const) {
    test(`init --format ${format} starts a skill as a folder with its SKILL.md, and new adds another; both check clean`, () => {
      const tree = makeTree({});
      try {
        const init = runCli(['init', 'lib', '--format', format], tree.dir);
        assert.equal(init.status, 0, init.stderr);
        assert.equal(init.stdout, `created lib/fleet-roles.json\ncreated lib/${folder}/first-skill/SKILL.md\n`);
        const created = runCli(['new', 'pdf-tools', 'lib'], tree.dir);
        assert.equal(created.status, 0, created.stderr);
        assert.equal(created.stdout, `created lib/${folder}/pdf-tools/SKILL.md\n`);
        const text = readFileSync(nodePath.join(tree.dir, 'lib', folder, 'pdf-tools', 'SKILL.md'), 'utf8');
        assert.match(text, /^---\nname: pdf-tools\ndescription: What the Pdf Tools does, and when to use it\.\n---\n/);
        const check = runCli(['check', 'lib', '--format', 'json'], tree.dir);
        assert.equal(check.status, 0, check.stdout);
        const report = JSON.parse(check.stdout) as { files: Array<{ diagnostics: unknown[] }>; summary: { roles: number } };
        assert.equal(report.summary.roles, 2);
        assert.deepEqual(
          report.files.flatMap(f => f.diagnostics),
          [],
        );
      } finally {
        tree.dispose();
      }
    });
  }
});

describe('fleet-roles check on skills, with no configuration', () => {
  test('the fixture library of three skills, in .agents/skills and .claude/skills, checks clean', () => {
    const result = runCli(['check', nodePath.join('test', 'fixtures', 'skills')], REPO_ROOT);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.equal(result.stdout, '3 files checked, 3 roles indexed: 0 errors, 0 warnings.\n');
  });
});

describe('fleet-roles check on a .claude/agents folder, with no configuration', () => {
  test('the fixture library of four subagents checks clean', () => {
    const result = runCli(['check', nodePath.join('test', 'fixtures', 'claude-code')], REPO_ROOT);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.equal(result.stdout, '4 files checked, 4 roles indexed: 0 errors, 0 warnings.\n');
  });
});

describe('fleet-roles check and graph on a .github/agents folder named by display names', () => {
  test('a reference that differs from a name by case is reported with did-you-mean; the graph names agents by name', () => {
    const tree = makeTree({
      '.github/agents/planner.agent.md': "---\nname: Planner\ndescription: Plans\nagents: ['researcher', 'Feature Builder']\n---\nPlan.\n",
      '.github/agents/researcher.agent.md': '---\nname: Researcher\ndescription: Finds facts\n---\nResearch.\n',
      '.github/agents/feature-builder.agent.md': '---\nname: Feature Builder\ndescription: Builds\n---\nBuild.\n',
    });
    try {
      const result = runCli(['check', '--format', 'json'], tree.dir);
      assert.equal(result.status, 1, result.stdout + result.stderr);
      const report = JSON.parse(result.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string; message: string }> }> };
      assert.deepEqual(
        report.files.flatMap(f => f.diagnostics.map(d => [f.path, d.code, d.message])),
        [['.github/agents/planner.agent.md', 'unknown-role', "Unknown role 'researcher'. Did you mean 'Researcher'?"]],
      );
      const graph = runCli(['graph', '--format', 'mermaid'], tree.dir);
      assert.match(graph.stdout, /Planner --> Feature_Builder/);
      assert.match(graph.stdout, /Feature_Builder\["Feature Builder"\]/);
    } finally {
      tree.dispose();
    }
  });
});
