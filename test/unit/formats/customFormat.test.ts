import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../../support/checkLibrary';
import { codes } from '../helpers';
import { agentText } from './agentText';

/**
 * What a team's hand-written lint script for its agents checks, written as
 * such scripts are: every agent must have name, description and color in
 * its frontmatter, and should have the sections Responsibilities and Examples.
 */
function teamLint(files: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    const fm = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
    for (const key of ['name', 'description', 'color']) {
      if (!new RegExp(`^${key}:\\s*\\S`, 'm').test(fm)) problems.push(`${path}: missing ${key}`);
    }
    for (const section of ['Responsibilities', 'Examples']) {
      if (!new RegExp(`^## ${section}\\s*$`, 'mi').test(text)) problems.push(`${path}: no ${section} section`);
    }
  }
  return problems.sort();
}

const CONFIG = JSON.stringify({
  format: {
    extends: 'claude-code',
    name: 'team',
    declarations: [{ key: 'color', required: true, values: ['red', 'blue', 'green', 'yellow', 'purple', 'orange', 'pink', 'cyan'] }],
    sections: { recommended: ['Responsibilities', 'Examples'] },
  },
});

const DIR = '/ws/.claude/agents';
const AGENTS: Record<string, string> = {
  [`${DIR}/complete.md`]: agentText(
    ['name: complete', 'description: Has it all', 'color: green'],
    ['## Responsibilities', '', 'Everything.', '', '## Examples', '', 'One.'],
  ),
  [`${DIR}/no-color.md`]: agentText(['name: no-color', 'description: Forgot its colour'], ['## Responsibilities', '', 'Some.']),
  [`${DIR}/bare.md`]: agentText(['name: bare'], ['Just a prompt.']),
};

describe("a format of one's own replaces a team's lint script", () => {
  test('fleet-roles reports what the script reports, with the same files and the same keys and sections', async () => {
    const lib = await checkLibrary({ '/ws/fleet-roles.json': CONFIG, ...AGENTS });
    assert.equal(lib.workspace.libraries[0].format.name, 'team');
    const ours: string[] = [];
    for (const path of Object.keys(AGENTS)) {
      for (const d of lib.diagnostics(path)) {
        const key = /declares no (\S+):/.exec(d.message)?.[1];
        const section = /no '## (.+?)' section/.exec(d.message)?.[1];
        if (d.code === 'missing-key') ours.push(`${path}: missing ${key}`);
        else if (d.code === 'missing-recommended-section') ours.push(`${path}: no ${section} section`);
        else assert.fail(`unexpected ${d.code}: ${d.message}`);
      }
    }
    assert.deepEqual(ours.sort(), teamLint(AGENTS));
    assert.equal(ours.length, 6);
  });

  test('with better messages: where to add the key, and a did-you-mean for a misspelled colour', async () => {
    const lib = await checkLibrary({
      '/ws/fleet-roles.json': CONFIG,
      [`${DIR}/a-agent.md`]: agentText(['name: a-agent', 'description: A', 'color: gren'], ['## Responsibilities', '', '## Examples']),
    });
    const [d] = lib.diagnostics(`${DIR}/a-agent.md`);
    assert.equal(d.message, "Unknown color 'gren'. Did you mean 'green'?");
    const missing = await checkLibrary({ '/ws/fleet-roles.json': CONFIG, ...AGENTS });
    assert.deepEqual(codes(missing.diagnostics(`${DIR}/no-color.md`)), ['missing-key', 'missing-recommended-section']);
    assert.equal(missing.diagnostics(`${DIR}/no-color.md`)[0].message, 'The role declares no color: add `color: red` to the frontmatter.');
    assert.equal(missing.diagnostics(`${DIR}/no-color.md`)[1].severity, 3, 'a recommendation is information');
  });

  test('an invalid format in the configuration is an invalid-config at its place', async () => {
    const lib = await checkLibrary({ '/ws/fleet-roles.json': '{ "format": { "extends": "claude", "unknownKeys": "all" } }', ...AGENTS });
    const problems = lib.service.getConfigDiagnostics('/ws/fleet-roles.json')!;
    assert.deepEqual(
      problems.map(p => p.code),
      ['invalid-config', 'invalid-config'],
    );
    assert.match(problems[0].message, /^Invalid configuration: 'format\.extends' .*"claude-code"/);
    assert.match(problems[1].message, /^Invalid configuration: 'format\.unknownKeys' /);
  });
});
