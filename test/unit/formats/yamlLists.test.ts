import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { parseFrontmatter } from '../../../server/src/core/parse/frontmatter';
import { frontmatterItems } from '../../../server/src/core/parse/frontmatterItems';
import { checkLibrary } from '../../support/checkLibrary';
import { applyTextEdits, firstTextEdits } from '../../support/applyEdit';
import { codes, positionAt, rangeOf, single } from '../helpers';
import { agentText, subagent } from './agentText';

const DIR = '/ws/.github/agents';
const at = (name: string) => `${DIR}/${name}.agent.md`;
const CLAUDE = '/ws/.claude/agents';

/** The values a path lists, each with the text at its place. */
function itemsOf(frontmatter: string[], path: string): Array<[string, string]> {
  const lines = new LineIndex(agentText(frontmatter));
  return frontmatterItems(lines, parseFrontmatter(lines), path).map(i => [i.value, lines.text.slice(i.start, i.end)]);
}

describe('frontmatter lists as YAML reads them', () => {
  test('a flow sequence over several lines gives each entry, at its place', () => {
    const items = itemsOf(['description: Leads', 'agents: [', '  planner,', "  'Reviewer',", '  "implementer",   # the builder', '  auditor', ']'], 'agents[]');
    assert.deepEqual(items, [
      ['planner', 'planner'],
      ['Reviewer', 'Reviewer'],
      ['implementer', 'implementer'],
      ['auditor', 'auditor'],
    ]);
  });

  test('a quoted entry holding a comma is one entry', () => {
    assert.deepEqual(itemsOf(["agents: ['Build, Test', Reviewer]"], 'agents[]'), [
      ['Build, Test', 'Build, Test'],
      ['Reviewer', 'Reviewer'],
    ]);
  });

  test('a comma-separated string is split, in a quoted string and over folded lines too; a rule keeps its commas', () => {
    assert.deepEqual(itemsOf(['tools: "Read, Agent(a, b)"'], 'tools'), [
      ['Read', 'Read'],
      ['Agent(a, b)', 'Agent(a, b)'],
    ]);
    assert.deepEqual(itemsOf(['tools: Read, Grep,', '  Glob,', '  Bash'], 'tools'), [
      ['Read', 'Read'],
      ['Grep', 'Grep'],
      ['Glob', 'Glob'],
      ['Bash', 'Bash'],
    ]);
  });

  test('block sequences, flow mappings inside a sequence, and an alias (placed at its anchor)', () => {
    assert.deepEqual(itemsOf(['handoffs: [{ label: Go, agent: implementer }, { label: Check,', '  agent: "Reviewer" }]'], 'handoffs[].agent'), [
      ['implementer', 'implementer'],
      ['Reviewer', 'Reviewer'],
    ]);
    assert.deepEqual(itemsOf(['team: &team', '  - planner', '  - "Reviewer"', 'agents: *team'], 'agents[]'), [
      ['planner', 'planner'],
      ['Reviewer', 'Reviewer'],
    ]);
  });

  test('an entry whose text is not its value (an escape) is left out, never misplaced', () => {
    assert.deepEqual(itemsOf(['agents: ["Re\\u0076iewer", planner]'], 'agents[]'), [['planner', 'planner']]);
  });
});

describe('multi-line lists in a library', () => {
  const team = agentText(['description: Leads', 'agents: [', '  planner,', "  'Reviewer',", '  "implementer",', '  implementr', ']']);
  const library = () => ({
    [at('lead')]: team,
    [at('planner')]: agentText(['description: Plans']),
    [at('implementer')]: agentText(['description: Builds']),
    [at('reviewer')]: agentText(['name: Reviewer', 'description: Reviews']),
  });

  test('each entry is checked: a misspelt one is reported at its place, with did-you-mean', async () => {
    const lib = await checkLibrary(library());
    const d = single(lib.diagnostics(at('lead')), 'unknown-role');
    assert.deepEqual(d.range, rangeOf(team, 'implementr'));
    assert.equal(d.message, "Unknown role 'implementr'. Did you mean 'implementer'?");
  });

  test('renaming an agent named inside the list edits its entry, quotes kept', async () => {
    const lib = await checkLibrary(library());
    const edit = await lib.service.rename(at('lead'), positionAt(team, '"implementer"', 1), 'builder');
    assert.ok(!('error' in edit));
    const edits = firstTextEdits(edit);
    assert.deepEqual(
      edits.map(e => [e.newText, e.range]),
      [['builder', rangeOf(team, 'implementer', 0)]],
    );
    assert.match(applyTextEdits(team, edits), /^ {2}"builder",$/m);
  });

  test('completion on an entry line of its own offers the agents', async () => {
    const text = team.replace('  implementr', '  impl');
    const lib = await checkLibrary({ ...library(), [at('lead')]: text });
    const items = lib.service.getCompletions(at('lead'), positionAt(text, '  impl', 6)).items;
    const item = items.find(i => i.label === 'implementer');
    assert.ok(item, JSON.stringify(items.map(i => i.label)));
    assert.deepEqual((item.textEdit as { range: unknown }).range, rangeOf(text, 'impl', 1));
  });

  test('a display name holding a comma is one agent: no false unknown-role, and rename finds it', async () => {
    const text = agentText(['description: Leads', "agents: ['Build, Test']"]);
    const lib = await checkLibrary({ [at('lead')]: text, [at('builder')]: agentText(["name: 'Build, Test'", 'description: Builds and tests']) });
    assert.deepEqual(codes(lib.diagnostics(at('lead'))), []);
    const refs = lib.service.getReferences(at('builder'), positionAt(agentText(["name: 'Build, Test'"]), 'Build'), false);
    assert.deepEqual(
      refs.map(r => [r.uri, r.range]),
      [[`file://${at('lead')}`, rangeOf(text, 'Build, Test')]],
    );
  });

  test('claude-code tools over several lines: a misspelt tool is found there', async () => {
    const text = subagent('lead', ['tools: Read, Grep,', '  Raed,', '  Agent(worker)']);
    const lib = await checkLibrary({ [`${CLAUDE}/lead.md`]: text, [`${CLAUDE}/worker.md`]: subagent('worker') });
    const d = single(lib.diagnostics(`${CLAUDE}/lead.md`), 'unknown-tool');
    assert.deepEqual(d.range, rangeOf(text, 'Raed'));
    assert.deepEqual(
      lib.service.getDefinition(`${CLAUDE}/lead.md`, positionAt(text, 'worker')).map(l => l.uri),
      [`file://${CLAUDE}/worker.md`],
    );
  });
});
