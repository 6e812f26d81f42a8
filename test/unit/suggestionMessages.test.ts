import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../support/checkLibrary';
import { sampleLibrary } from '../support/seed';
import { subagent } from './formats/agentText';

/*
 * The did-you-mean of a message, as the user reads it: none, one name, or
 * several named in order, the last after "or".
 */

const INDEX = '/ws/roles/LIBRARY.md';

describe('did-you-mean in messages', () => {
  test('the index naming a role that does not exist: with the near role, or with nothing when none is near', async () => {
    const files = sampleLibrary();
    const index = files[INDEX].replace('(./recruiter.md)', '(./recruitr.md)').replace('(./ux-designer.md)', '(./zzz-qqq-www.md)');
    const lib = await checkLibrary({ ...files, [INDEX]: index });
    assert.deepEqual(
      lib
        .diagnostics(INDEX)
        .filter(d => d.code === 'index-unknown-role')
        .map(d => d.message),
      [
        "The index lists 'recruitr', which is not a role of this library. Did you mean 'recruiter'?",
        "The index lists 'zzz-qqq-www', which is not a role of this library.",
      ],
    );
  });

  test('three names: each quoted, commas between the first ones, "or" before the last', async () => {
    const dir = '/ws/.claude/agents';
    const lib = await checkLibrary({
      [`${dir}/planner.md`]: subagent('planner', [], ['- **Complements**: api-designer (contracts)']),
      ...Object.fromEntries(['payments', 'orders', 'billing'].map(scope => [`${dir}/${scope}-api-designer.md`, subagent(`${scope}-api-designer`)])),
    });
    assert.deepEqual(
      lib.diagnostics(`${dir}/planner.md`).map(d => d.message),
      ["Unknown role 'api-designer'. Did you mean 'billing-api-designer', 'orders-api-designer' or 'payments-api-designer'?"],
    );
  });
});
