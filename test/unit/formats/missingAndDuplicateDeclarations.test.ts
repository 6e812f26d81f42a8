import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../../support/checkLibrary';
import { peers, roleText } from '../helpers';

/*
 * A declaration missing (what to add, and where), declared twice with two
 * values, or a name declared by other roles too: the messages a user reads,
 * and how many other files they name.
 */

async function messages(files: Record<string, string>, path: string): Promise<string[]> {
  const lib = await checkLibrary(files);
  return lib.diagnostics(path).map(d => `${d.code}: ${d.message}`);
}

const missing = (key: string, example: string, where: string) => `The role declares no ${key}: add \`${key}: ${example}\` to ${where}.`;
const LEAD = "the lead, as an inline code span, before the first '##' heading";

describe('a declaration missing', () => {
  test("without a frontmatter, the fleet's keys go in the lead: the file's name when it is a slug, else a placeholder; the first domain; false", async () => {
    const text = roleText('x', { frontmatter: null, lead: ['The role.'] });
    assert.deepEqual(await messages(peers({ '/ws/roles/Bad_Name.md': text }), '/ws/roles/Bad_Name.md'), [
      `missing-class: ${missing('class', 'role-name', LEAD)}`,
      `missing-domain: ${missing('domain', 'business', LEAD)}`,
      `missing-persistence: ${missing('persistent_persona', 'false', LEAD)}`,
    ]);
    assert.deepEqual(await messages(peers({ '/ws/roles/x-role.md': text }), '/ws/roles/x-role.md'), [
      `missing-class: ${missing('class', 'x-role', LEAD)}`,
      `missing-domain: ${missing('domain', 'business', LEAD)}`,
      `missing-persistence: ${missing('persistent_persona', 'false', LEAD)}`,
    ]);
  });

  test("with a frontmatter, a key that may stand in either goes in the frontmatter; the example domain is the library's first", async () => {
    const files = {
      ...peers({ '/ws/roles/x-role.md': roleText('x-role', { frontmatter: ['class: x-role', 'persistent_persona: false'] }) }),
      '/ws/fleet-roles.json': JSON.stringify({ domains: ['sales', 'operations'] }),
    };
    assert.deepEqual(await messages(files, '/ws/roles/x-role.md'), [
      `missing-domain: ${missing('domain', 'sales', "the frontmatter before the first '##' heading")}`,
    ]);
  });

  test('a key only the lead may hold goes in the lead, frontmatter or not', async () => {
    const config = JSON.stringify({ format: { name: 'Test', folders: ['agents'], declarations: [{ key: 'team', in: 'inline', required: true }] } });
    const text = '---\ndescription: Helps\n---\n\n# Helper\n\nYou help.\n';
    assert.deepEqual(await messages({ '/ws/fleet-roles.json': config, '/ws/agents/helper.md': text }, '/ws/agents/helper.md'), [
      `missing-key: ${missing('team', '…', LEAD)}`,
    ]);
  });

  test('a key only the frontmatter may hold goes in the frontmatter, or in one at the top of a file that has none', async () => {
    assert.deepEqual(await messages({ '/ws/.claude/agents/planner.md': 'You plan.\n' }, '/ws/.claude/agents/planner.md'), [
      `missing-key: ${missing('name', 'planner', "a frontmatter at the file's top")}`,
      `missing-key: ${missing('description', '…', "a frontmatter at the file's top")}`,
    ]);
    assert.deepEqual(await messages({ '/ws/.claude/agents/planner.md': '---\nname: planner\n---\n\nYou plan.\n' }, '/ws/.claude/agents/planner.md'), [
      `missing-key: ${missing('description', '…', 'the frontmatter')}`,
    ]);
  });
});

describe('a declaration given twice', () => {
  test('a second value is compared with the frontmatter, or with the first inline one', async () => {
    const twice = roleText('x-role', { lead: ['The role (`domain: finance`).'] });
    assert.deepEqual(await messages(peers({ '/ws/roles/x-role.md': twice }), '/ws/roles/x-role.md'), [
      "conflicting-declaration: This domain 'finance' disagrees with the frontmatter domain 'operations': a role declares each fact once, or the same way twice.",
    ]);
    const inline = roleText('x-role', {
      frontmatter: null,
      lead: ['The role (`class: x-role`, `domain: operations`, `persistent_persona: false`) and (`domain: finance`).'],
    });
    assert.deepEqual(await messages(peers({ '/ws/roles/x-role.md': inline }), '/ws/roles/x-role.md'), [
      "conflicting-declaration: This domain 'finance' disagrees with the first inline domain 'operations': a role declares each fact once, or the same way twice.",
    ]);
  });
});

describe('a name declared by other roles too', () => {
  const agents = (count: number) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`/ws/.claude/agents/a${i}.md`, '---\nname: shared\ndescription: Helps\n---\n\nYou help.\n']));

  test('up to three others are named in full', async () => {
    assert.deepEqual(await messages(agents(4), '/ws/.claude/agents/a0.md'), [
      "duplicate-name: Name 'shared' is also declared by a1.md, a2.md, a3.md: a name is unique in its library.",
    ]);
  });

  test('past three, the rest are counted; at most ten are linked', async () => {
    const lib = await checkLibrary(agents(13));
    const [d] = lib.diagnostics('/ws/.claude/agents/a0.md');
    assert.equal(d.message, "Name 'shared' is also declared by a1.md, a10.md, a11.md and 9 more: a name is unique in its library.");
    assert.deepEqual(
      d.relatedInformation?.map(r => `${r.location.uri} ${r.message}`),
      ['1', '10', '11', '12', '2', '3', '4', '5', '6', '7'].map(n => `file:///ws/.claude/agents/a${n}.md 'shared' is declared here too.`),
    );
  });
});
