import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { startWorkbench, type Workbench } from '../harness/workbench';
import { REPO_ROOT } from '../support/tempLibrary';

const VSIX = process.env.FLEET_ROLES_VSIX ?? nodePath.join(REPO_ROOT, 'fleet-roles.vsix');
const SHOTS = nodePath.join(REPO_ROOT, 'test-output', 'ui-new-role');
const WAIT = 120000;
const CAPTAIN = '.claude/agents/release-captain.md';

describe('Fleet Roles: New Role… from the command palette, in a Claude Code library', { timeout: 600000 }, () => {
  let vsc: Workbench;

  before(
    async () => {
      vsc = await startWorkbench({ vsix: VSIX, workspace: nodePath.join(REPO_ROOT, 'test', 'fixtures', 'agent-libraries'), loadTimeout: 240000 });
    },
    { timeout: 300000 },
  );

  after(async () => {
    await vsc?.stop();
  });

  test("the input box refuses a name that is no slug, and the new subagent opens in the library's format", async () => {
    await vsc.openFile(CAPTAIN);
    await vsc.runCommand('Fleet Roles: New Role…');
    // The palette's box stays up until the command's own box takes its place: wait for that one's title.
    await vsc.page.locator('.quick-input-widget .quick-input-title', { hasText: 'New Role' }).first().waitFor({ timeout: WAIT });
    const input = vsc.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: WAIT });
    await input.fill('Docs Writer');
    await vsc.page
      .locator('.quick-input-widget .quick-input-message', { hasText: 'A kebab-case slug, such as code-reviewer' })
      .first()
      .waitFor({ timeout: WAIT });
    await vsc.screenshot(nodePath.join(SHOTS, '1-refused.png'));
    await input.fill('docs-writer');
    await vsc.page.keyboard.press('Enter');
    await vsc.waitForActiveTab('docs-writer.md', WAIT);
    const text = await vsc.editorText();
    assert.match(text, /^---\nname: docs-writer\ndescription: .+\n---\n/);
    await vsc.screenshot(nodePath.join(SHOTS, '2-created.png'));
    const onDisk = readFileSync(nodePath.join(vsc.workspace!, '.claude', 'agents', 'docs-writer.md'), 'utf8');
    assert.ok(onDisk.startsWith(text.trimEnd()), `on disk:\n${onDisk}\nshown:\n${text}`);
  });

  test('the new agent is known at once: a misspelling of it gets did-you-mean, and the new file has no problem', async () => {
    await vsc.page.locator('.tab', { hasText: 'release-captain.md' }).first().click();
    await vsc.waitForActiveTab('release-captain.md');
    const lines = readFileSync(nodePath.join(REPO_ROOT, 'test', 'fixtures', 'agent-libraries', CAPTAIN), 'utf8').split('\n');
    const last = lines.findIndex(l => l.startsWith('- Coordinate with qa-lead'));
    await vsc.gotoLine(last + 1, lines[last].length + 1);
    await vsc.page.keyboard.press('End');
    await vsc.page.keyboard.press('Enter');
    await vsc.page.keyboard.type('- Ask docs-writr for the upgrade guide', { delay: 10 });
    await vsc.waitForSquiggle('error', WAIT);
    await vsc.problems({ min: 1, timeout: WAIT });
    // The panel shows each state the typing went through: wait for the line as typed in full.
    const ROW = '.markers-panel .monaco-list-row';
    await vsc.page.locator(ROW, { hasText: "Unknown role 'docs-writr'. Did you mean 'docs-writer'?" }).first().waitFor({ timeout: WAIT });
    const rows = await vsc.page.locator(ROW).evaluateAll(elements => elements.map(e => e.getAttribute('aria-label') ?? e.textContent ?? ''));
    assert.ok(!rows.some(r => r.includes('docs-writer.md')), `the new file has problems:\n${rows.join('\n')}`);
    await vsc.screenshot(nodePath.join(SHOTS, '3-known.png'));
  });
});
