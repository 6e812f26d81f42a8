import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../../support/checkLibrary';
import { CURSOR_RULES_CONFIG as CURSOR_RULES } from '../../support/cursorRules';
import { codes } from '../helpers';
import { agentText } from './agentText';

const RULES = '/ws/.cursor/rules';

describe('a format whose role files are .mdc (Cursor rules)', () => {
  test('its .mdc files are role files, checked by the format; a .md file beside them is not one', async () => {
    const lib = await checkLibrary({
      '/ws/fleet-roles.json': CURSOR_RULES,
      [`${RULES}/testing.mdc`]: agentText(['description: How tests are written', 'globs: "**/*.test.ts"', 'alwaysApply: false']),
      [`${RULES}/style.mdc`]: agentText(['globs: "**/*.ts"', 'alwaysApply: sometimes']),
      [`${RULES}/notes.md`]: 'not a rule',
    });
    assert.deepEqual(lib.workspace.libraries[0].problems, []);
    assert.deepEqual(lib.workspace.paths(), [`${RULES}/style.mdc`, `${RULES}/testing.mdc`]);
    assert.deepEqual(lib.diagnostics(`${RULES}/testing.mdc`), []);
    assert.deepEqual(codes(lib.diagnostics(`${RULES}/style.mdc`)).sort(), ['invalid-value', 'missing-key']);
    assert.equal(lib.service.getDiagnostics(`${RULES}/notes.md`), undefined);
  });

  test("an .mdc file opened in the editor is checked as the disk's would be", async () => {
    const lib = await checkLibrary({ '/ws/fleet-roles.json': CURSOR_RULES, [`${RULES}/testing.mdc`]: agentText(['description: Tests']) });
    lib.workspace.setOverlay(`${RULES}/testing.mdc`, agentText(['alwaysApply: true']));
    assert.deepEqual(codes(lib.diagnostics(`${RULES}/testing.mdc`)), ['missing-key']);
  });

  test('a new role asked for from an .mdc file is an .mdc file in the role folder, as from a .md file: not inside the file', async () => {
    const lib = await checkLibrary({ '/ws/fleet-roles.json': CURSOR_RULES, [`${RULES}/frontend/react.mdc`]: agentText(['description: React']) });
    const plan = await lib.service.planNewRole('vue', `${RULES}/frontend/react.mdc`);
    assert.equal('path' in plan ? plan.path : plan.error, `${RULES}/vue.mdc`);
  });

  test('a library of another format reads no .mdc file, as before', async () => {
    for (const config of [undefined, '{ "format": { "extends": "fleet", "anyMarkdown": true } }']) {
      const lib = await checkLibrary({
        ...(config ? { '/ws/fleet-roles.json': config } : {}),
        '/ws/roles/LIBRARY.md': '# Library',
        '/ws/roles/rule.mdc': agentText(['class: rule', 'domain: operations', 'persistent_persona: true']),
        '/ws/.claude/agents/helper.mdc': agentText(['name: helper', 'description: Helps']),
      });
      assert.deepEqual(lib.workspace.paths(), ['/ws/roles/LIBRARY.md'], config);
    }
  });

  test("a format's extension may be .mdc; one that is neither Markdown's nor Cursor's is refused, as before", async () => {
    const lib = await checkLibrary({ '/ws/fleet-roles.json': '{ "format": { "extension": ".txt" } }' });
    assert.deepEqual(
      lib.workspace.libraries[0].problems.map(p => p.message),
      [
        'Invalid configuration: \'format.extension\' (\'.txt\') is not a Markdown ending: it must be ".md" or ".mdc", alone or after a dotted word such as ".agent.md"; no file with another ending is read.',
      ],
    );
  });
});
