import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { discoverLayout } from '../../server/src/core/library/discovery';
import { readNameSets } from '../../server/src/core/workspace/nameSet';
import { RoleWorkspace } from '../../server/src/core/workspace/roleWorkspace';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { REPO_ROOT } from '../support/tempLibrary';

/** A folder of the repository as an in-memory library under /ws. */
function libraryFrom(folder: string, under = ''): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = nodePath.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[`/ws/${under}${nodePath.relative(folder, full).split(nodePath.sep).join('/')}`] = readFileSync(full, 'utf8');
    }
  };
  walk(nodePath.join(REPO_ROOT, folder));
  return files;
}

const agent = (frontmatter: string, body = '# Agent\n\nDoes its work.\n') => `---\n${frontmatter}\n---\n\n${body}`;

/**
 * Where the names phase can go wrong: names by key (absent, not a string,
 * in an unclosed or indented frontmatter, on a file that is no text, on a
 * document), by file (with a duplicate class only the other file shows),
 * by path (OpenCode's nested folders), by folder (a skill's SKILL.md), an open buffer of a file not on
 * disk, and a key a format lets stand in
 * the body too.
 */
const EDGES: Record<string, Record<string, string>> = {
  'names by key': {
    '/ws/.claude/agents/reviewer.md': agent('name: code-reviewer\ndescription: Reviews code.\ntools: Agent(planer, code-reviewer)'),
    '/ws/.claude/agents/planner.md': agent('name: planner\ndescription: Plans.', '# Planner\n\nHands off to the **code-reviewr**.\n'),
    '/ws/.claude/agents/twin.md': agent('name: planner\ndescription: A second planner.'),
    '/ws/.claude/agents/numbered.md': agent('name: 42\ndescription: A name that is no string.'),
    '/ws/.claude/agents/bare.md': '# Bare\n\nNo frontmatter at all.\n',
    '/ws/.claude/agents/unclosed.md': '---\nname: never-closed\ndescription: The frontmatter never ends.\n',
    '/ws/.claude/agents/indented.md': '  ---\n  name: indented\n  ---\n\n# Indented\n',
    '/ws/.claude/agents/binary.md': 'name: x\u0000',
    '/ws/.claude/agents/README.md': agent('name: not-a-role'),
  },
  'names by file': {
    '/ws/roles/alpha.md': '---\nclass: alpha\n---\n\n# Alpha\n\n## Boundaries\n\n- **betta** decides.\n',
    '/ws/roles/beta.md': '---\nclass: alpha\n---\n\n# Beta\n\n## Boundaries\n\n- **alpha** decides.\n',
    '/ws/roles/LIBRARY.md': '# Library\n\n- [alpha](./alpha.md)\n',
  },
  // OpenCode names an agent by its path below the folder: a listing holds the names, but not its stems alone.
  'names by path': {
    '/ws/.opencode/agents/team/reviewer.md': agent('description: Reviews.', '# Reviewer\n\nHands off to @team/planer.\n'),
    '/ws/.opencode/agents/team/planner.md': agent('description: Plans.'),
    '/ws/.opencode/agents/reviewer.md': agent('description: A reviewer at the top, apart from the team.'),
  },
  // A skill is named by its folder: every role file is a SKILL.md.
  'names by folder': {
    '/ws/.agents/skills/pdf-forms/SKILL.md': agent('name: pdf-forms\ndescription: Fills PDF forms.'),
    '/ws/.agents/skills/csv-tables/SKILL.md': agent('name: csv-table\ndescription: Reads CSV tables.'),
    '/ws/.agents/skills/csv-tables/references/layout.md': '# Layout\n',
  },
  'a key that may stand in the body': {
    '/ws/fleet-roles.json': JSON.stringify({
      format: { extends: 'claude-code', name: 'inline-names', declarations: [{ key: 'name', in: 'both' }] },
    }),
    '/ws/.claude/agents/lead.md': agent('description: Leads.', '# Lead\n\n`name: team-lead`\n\nAsks the **team-leed**.\n'),
    '/ws/.claude/agents/helper.md': agent('name: helper\ndescription: Helps the **team-lead**.'),
  },
};

const LIBRARIES: Array<[string, Record<string, string>]> = [
  ['the fleet sample', libraryFrom('roles', 'roles/')],
  ['the Claude Code fixture', libraryFrom('test/fixtures/claude-code')],
  ['the agent libraries fixture', libraryFrom('test/fixtures/agent-libraries')],
  ...Object.entries(EDGES),
];

/**
 * The key-named edge library with the planner open: its reference to
 * 'code-reviewr' is a near miss of the reviewer's name, and the name the
 * reviewer gets in `misnamed`.
 */
function plannerOpen() {
  const files = EDGES['names by key'];
  const workspace = new RoleWorkspace(new MemoryFileSystem(files), p => `file://${p}`);
  const planner = '/ws/.claude/agents/planner.md';
  const reviewer = '/ws/.claude/agents/reviewer.md';
  workspace.setOverlay(planner, files[planner]);
  return { workspace, planner, reviewer, misnamed: files[reviewer].replace('name: code-reviewer', 'name: code-reviewr') };
}

const DUPLICATE_CODES = new Set(['duplicate-class', 'duplicate-name']);
const key = (d: Diagnostic) => JSON.stringify(d);

describe('names first', () => {
  for (const [label, files] of LIBRARIES) {
    test(`the names phase names every role of ${label} as the loaded index does`, async () => {
      const fs = new MemoryFileSystem(files);
      const layout = await discoverLayout(fs, ['/ws']);
      const overlays = new Map([['/ws/.claude/agents/unsaved.md', agent('name: unsaved-agent\ndescription: Not on disk yet.')]]);
      const sets = await readNameSets(layout.reader, layout, overlays, { isCancellationRequested: false });
      const workspace = new RoleWorkspace(fs, p => `file://${p}`);
      for (const [path, text] of overlays) workspace.setOverlay(path, text);
      await workspace.load(['/ws']);
      assert.ok(workspace.libraries.length > 0);
      for (const library of workspace.libraries) {
        const early = [
          ...sets
            .get(library.id)!
            .view(library, p => p)
            .roleNames(),
        ].sort();
        assert.deepEqual(early, [...workspace.index.roleNames(library)].sort(), library.id);
      }
    });

    test(`an open file of ${label} is answered from the names with its final diagnostics less the duplicates`, async () => {
      const fs = new MemoryFileSystem(files);
      const workspace = new RoleWorkspace(fs, p => `file://${p}`);
      const opened = Object.keys(files).filter(p => p.endsWith('.md'));
      for (const path of opened) workspace.setOverlay(path, files[path]);
      const early = new Map<string, Diagnostic[] | undefined>();
      await workspace.load(['/ws'], {}, undefined, {
        namesKnown: () => {
          for (const path of opened) early.set(path, workspace.earlyDiagnosticsOf(path)?.diagnostics);
        },
      });
      let answered = 0;
      for (const path of opened) {
        const final = workspace.diagnosticsOf(path)?.diagnostics ?? [];
        const first = early.get(path);
        if (first === undefined) continue;
        answered++;
        const finalKeys = new Set(final.map(key));
        assert.deepEqual(
          first.filter(d => !finalKeys.has(key(d))),
          [],
          `${path}: reported early, not at the end`,
        );
        const firstKeys = new Set(first.map(key));
        assert.deepEqual(
          final.filter(d => !firstKeys.has(key(d)) && !DUPLICATE_CODES.has(String(d.code))),
          [],
          `${path}: known from the names, not reported early`,
        );
      }
      assert.ok(answered > 0, 'no open file was answered early');
      assert.equal(workspace.earlyDiagnosticsOf(opened[0]), undefined, 'an early answer after the load');
    });
  }

  test('a duplicate whose other file is not parsed yet is not reported early, and is at the end', async () => {
    const files = EDGES['names by file'];
    const fs = new MemoryFileSystem(files);
    const workspace = new RoleWorkspace(fs, p => `file://${p}`);
    workspace.setOverlay('/ws/roles/beta.md', files['/ws/roles/beta.md']);
    let early: string[] = [];
    await workspace.load(['/ws'], {}, undefined, {
      namesKnown: () => void (early = workspace.earlyDiagnosticsOf('/ws/roles/beta.md')!.diagnostics.map(d => String(d.code))),
    });
    const final = workspace.diagnosticsOf('/ws/roles/beta.md')!.diagnostics.map(d => String(d.code));
    assert.ok(early.includes('class-filename-mismatch'), JSON.stringify(early));
    assert.ok(!early.includes('duplicate-class'), JSON.stringify(early));
    assert.ok(final.includes('duplicate-class'), JSON.stringify(final));
  });

  test('an edit while the load parses renames the role for the early answers', async () => {
    const { workspace, planner, reviewer, misnamed } = plannerOpen();
    let before: string[] = [];
    let after: string[] = [];
    await workspace.load(['/ws'], {}, undefined, {
      namesKnown: () => {
        before = workspace.earlyDiagnosticsOf(planner)!.diagnostics.map(d => d.message);
        workspace.setOverlay(reviewer, misnamed);
        after = workspace.earlyDiagnosticsOf(planner)!.diagnostics.map(d => d.message);
      },
    });
    assert.ok(
      before.some(m => m.includes("'code-reviewr'")),
      JSON.stringify(before),
    );
    assert.ok(!after.some(m => m.includes("'code-reviewr'")), JSON.stringify(after));
    const final = workspace.diagnosticsOf(planner)!.diagnostics;
    assert.deepEqual(
      after,
      final.filter(d => !DUPLICATE_CODES.has(String(d.code))).map(d => d.message),
    );
  });

  test('a buffer closed while the load parses ends the answers from the names, which held its name', async () => {
    const { workspace, planner, reviewer, misnamed } = plannerOpen();
    workspace.setOverlay(reviewer, misnamed);
    const answered: boolean[] = [];
    await workspace.load(['/ws'], {}, undefined, {
      namesKnown: async () => {
        answered.push(workspace.earlyDiagnosticsOf(planner) !== undefined);
        await workspace.clearOverlay(reviewer);
        answered.push(workspace.earlyDiagnosticsOf(planner) !== undefined);
      },
    });
    assert.deepEqual(answered, [true, false]);
  });
});
