import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { startWorkbench, type Workbench } from '../harness/workbench';
import { REPO_ROOT } from '../support/tempLibrary';

const VSIX = process.env.FLEET_ROLES_VSIX ?? nodePath.join(REPO_ROOT, 'fleet-roles.vsix');
const SHOTS = nodePath.join(REPO_ROOT, 'test-output', 'ui');
const SEED = readFileSync(nodePath.join(REPO_ROOT, 'roles', 'operations-manager.md'), 'utf8').split('\n');
const WAIT = 120000;

/** 1-based line and column of `needle` in the seed file, as Ctrl+G takes them. */
function locate(needle: string): { line: number; column: number } {
  const index = SEED.findIndex(l => l.includes(needle));
  assert.ok(index >= 0, `'${needle}' is not in the seed file`);
  return { line: index + 1, column: SEED[index].indexOf(needle) + 1 };
}

describe('Fleet Roles, driven as a person drives VS Code', { timeout: 600000 }, () => {
  let vsc: Workbench;

  before(
    async () => {
      vsc = await startWorkbench({
        vsix: VSIX,
        workspace: nodePath.join(REPO_ROOT, 'roles'),
        settings: {
          'editor.autoClosingBrackets': 'never',
          'editor.autoClosingQuotes': 'never',
          'editor.autoSurround': 'never',
          'editor.acceptSuggestionOnEnter': 'on',
        },
        // A VS Code that does not come up fails the run here instead of hanging it.
        loadTimeout: 240000,
      });
    },
    { timeout: 300000 },
  );

  after(async () => {
    await vsc?.stop();
  });

  test('opens the seed role file from the sample library', async () => {
    await vsc.openFile('operations-manager.md');
    assert.match(await vsc.editorText(), /Operations Manager — fleet role definition/);
    await vsc.screenshot(nodePath.join(SHOTS, '1-seed-open.png'));
  });

  test('a misspelled role in Boundaries gets a squiggle and a Problems entry with the fix', async () => {
    const last = locate('belong to the **hr-generalist**');
    await vsc.gotoLine(last.line, SEED[last.line - 1].length + 1);
    await vsc.page.keyboard.press('End');
    await vsc.page.keyboard.press('Enter');
    await vsc.page.keyboard.type("- **Does NOT sign contracts** — that is **legal-counsl**'s call.", { delay: 10 });
    await vsc.waitForSquiggle('error', WAIT);
    await vsc.screenshot(nodePath.join(SHOTS, '2-squiggle.png'));
    const rows = await vsc.problems({ min: 1, timeout: WAIT });
    assert.ok(
      rows.some(r => r.includes("Unknown role 'legal-counsl'. Did you mean 'legal-counsel'?")),
      rows.join('\n'),
    );
    await vsc.screenshot(nodePath.join(SHOTS, '3-problems.png'));
  });

  test('Ctrl+Space inside ** lists the roles, and picking one writes the reference', async () => {
    // Ctrl+G brings the focus back from the Problems panel to the editor, on the line typed above.
    const typed = locate('belong to the **hr-generalist**').line + 1;
    await vsc.gotoLine(typed, 1);
    await vsc.page.keyboard.press('End');
    await vsc.page.keyboard.press('Enter');
    await vsc.page.keyboard.type('- **Does NOT set pay** — that is the **hr-gen', { delay: 10 });
    const labels = await vsc.triggerSuggest(WAIT);
    assert.ok(
      labels.some(l => l.includes('hr-generalist')),
      labels.join('\n'),
    );
    await vsc.screenshot(nodePath.join(SHOTS, '4-completion.png'));
    await vsc.page.keyboard.press('Enter');
    await vsc.page.waitForTimeout(500);
    const lines = (await vsc.editorText()).split('\n');
    assert.ok(lines.includes("- **Does NOT sign contracts** — that is **legal-counsl**'s call."), lines.join('\n'));
    assert.ok(lines.includes('- **Does NOT set pay** — that is the **hr-generalist**'), lines.join('\n'));
    await vsc.screenshot(nodePath.join(SHOTS, '5-completed.png'));
  });

  test('hover on a reference shows the role', async () => {
    const ref = locate('**hr-generalist**');
    await vsc.gotoLine(ref.line, ref.column + 4);
    await vsc.page.keyboard.press('Control+K');
    await vsc.page.keyboard.press('Control+I');
    const hover = vsc.page.locator('.monaco-hover-content', { hasText: 'HR Generalist' }).first();
    await hover.waitFor({ timeout: WAIT });
    assert.match(await hover.innerText(), /HR Generalist/);
    await vsc.screenshot(nodePath.join(SHOTS, '6-hover.png'));
    await vsc.page.keyboard.press('Escape');
  });

  test('F12 on a reference opens the role file', async () => {
    const ref = locate('**business-analyst**');
    await vsc.gotoLine(ref.line, ref.column + 4);
    await vsc.goToDefinition('business-analyst.md');
    assert.match(await vsc.editorText(), /Business Analyst/);
    await vsc.screenshot(nodePath.join(SHOTS, '7-definition.png'));
  });

  test('F2 renames a role: every reference changes and the file is renamed', async () => {
    await vsc.page.locator('.tab', { hasText: 'operations-manager.md' }).first().click();
    await vsc.waitForActiveTab('operations-manager.md');
    const ref = locate('**project-manager**');
    await vsc.gotoLine(ref.line, ref.column + 4);
    await vsc.page.keyboard.press('F2');
    const input = vsc.page.locator('.rename-box input').first();
    await input.waitFor({ timeout: WAIT });
    await input.fill('delivery-lead');
    await vsc.screenshot(nodePath.join(SHOTS, '8-rename.png'));
    await vsc.page.keyboard.press('Enter');
    await vsc.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'delivery-lead.md' }).first().waitFor({ timeout: WAIT });
    assert.match(await vsc.editorText(), /\*\*delivery-lead\*\*'s lane/);
    await vsc.screenshot(nodePath.join(SHOTS, '9-renamed.png'));
  });

  test('the role graph opens beside the editor', async () => {
    await vsc.runCommand('Fleet Roles: Show Role Graph');
    await vsc.page.locator('.tab', { hasText: 'Role Graph' }).first().waitFor({ timeout: WAIT });
    const frame = vsc.page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await frame.locator('g.node').first().waitFor({ timeout: WAIT });
    assert.ok((await frame.locator('g.node').count()) >= 18);
    await vsc.screenshot(nodePath.join(SHOTS, '10-graph.png'));
  });
});
