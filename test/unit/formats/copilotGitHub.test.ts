import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkLibrary } from '../../support/checkLibrary';
import { codes, single } from '../helpers';
import { agentText, subagent } from './agentText';

const PATH = '/ws/.github/agents/helper.agent.md';

async function check(frontmatter: string[], body?: string[]) {
  const lib = await checkLibrary({ [PATH]: agentText(frontmatter, body) });
  return lib.diagnostics(PATH);
}

describe("copilot-agents: what GitHub asks, where the agent is GitHub's", () => {
  test("description is required, unless the agent is VS Code's alone (target: vscode); unset, the target is both", async () => {
    const missing = single(await check(['name: Helper']), 'missing-key');
    assert.match(missing.message, /^The role declares no description: .* It is required unless the role declares `target: vscode`\.$/);
    assert.deepEqual(codes(await check(['name: Helper', 'target: github-copilot'])), ['missing-key']);
    assert.deepEqual(await check(['name: Helper', 'target: vscode']), []);
  });

  test('a prompt past 30,000 characters is reported at the line past the cap, unless target: vscode', async () => {
    const line = 'x'.repeat(99);
    const body = Array.from({ length: 301 }, () => line);
    const long = single(await check(['description: Helps'], body), 'prompt-too-long');
    // 300 lines of 99 characters and their breaks are 30,000 characters: the cap ends on line 300 of the body.
    assert.equal(long.range.start.line, 4 + 300);
    assert.equal(long.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(await check(['description: Helps', 'target: vscode'], body), []);
  });

  test('the cap counts characters: an emoji of two UTF-16 units is one', async () => {
    const body = ['😀'.repeat(29990)];
    assert.deepEqual(await check(['description: Helps'], body), [], '29,990 characters and a line break or two');
    assert.deepEqual(codes(await check(['description: Helps'], ['😀'.repeat(30001)])), ['prompt-too-long']);
  });

  test("a template's choices copied as the model are invalid; a model, or VS Code's list of them, is not", async () => {
    const template = single(await check(['description: Helps', "model: GPT-4.1 | 'gpt-5' | 'Claude Sonnet 4.5'"]), 'invalid-value');
    assert.match(template.message, /^Invalid model 'GPT-4\.1 \| 'gpt-5' \| 'Claude Sonnet 4\.5'': a model is one model's name/);
    assert.deepEqual(await check(['description: Helps', 'model: GPT-4.1']), []);
    assert.deepEqual(await check(['description: Helps', "model: ['Claude Sonnet 4.5 (copilot)', 'GPT-5 (copilot)']"]), []);
  });

  test('user-invokable, the spelling VS Code documented first, is deprecated in favour of user-invocable', async () => {
    const d = single(await check(['description: Helps', 'user-invokable: false']), 'deprecated-key');
    assert.equal(d.message, "'user-invokable' is deprecated: use `user-invocable`, the spelling VS Code documents now.");
  });

  test("another tool's key is never a did-you-mean that would write an invalid value: quiet, or under unknownKeys 'report' a hint naming its tool", async () => {
    assert.deepEqual(await check(['description: Helps', 'mode: primary', 'temperature: 0.2']), []);
    const shared = { '/ws/.claude/agents/helper.md': subagent('helper', ['mode: subagent', 'target: vscode']) };
    assert.deepEqual((await checkLibrary(shared)).diagnostics('/ws/.claude/agents/helper.md'), []);
    const strict = await checkLibrary({ '/ws/fleet-roles.json': '{ "format": { "extends": "claude-code", "unknownKeys": "report" } }', ...shared });
    assert.deepEqual(
      strict.diagnostics('/ws/.claude/agents/helper.md').map(x => [x.severity, x.message.replace('claude-code+', 'claude-code')]),
      [
        [DiagnosticSeverity.Hint, "'mode' is a key of OpenCode's agent files; the claude-code format does not read it."],
        [DiagnosticSeverity.Hint, "'target' is a key of GitHub Copilot's agent files; the claude-code format does not read it."],
      ],
    );
  });
});

describe('copilot-agents: key completion', () => {
  test('offers the keys to write, never a deprecated one', async () => {
    const text = agentText(['description: Helps', 'us']);
    const lib = await checkLibrary({ [PATH]: text });
    const labels = lib.service.getCompletions(PATH, { line: 2, character: 2 }).items.map(i => i.label);
    assert.ok(labels.includes('user-invocable'), JSON.stringify(labels));
    assert.ok(!labels.includes('user-invokable') && !labels.includes('infer'), JSON.stringify(labels));
  });
});
