/**
 * The agent formats at 4 MiB (the longest role file that is read), in a worker that a hang cannot stop (see
 * longTexts.ts for the bounds): a Claude Code subagent and a Copilot custom
 * agent of the shapes that a long file of those formats has — labelled lists
 * of tens of thousands of items, with code spans, plain names and comments;
 * label lines by the thousand; tool lists and handoffs by the thousand. Each
 * shape is one that made a per-item scan quadratic (a `some` over every
 * comment, code block or list item per reference or label line) or that a
 * long frontmatter list exercises.
 */
import { describe } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { REPO_ROOT } from '../support/tempLibrary';
import { underHostileFormat } from './customFormats';
import { linesUpTo, LONGEST, longTextTests, sizeOf, type LongTextCase } from './longTexts';
import type { WorkerLibrary } from './support';

const SIZE = LONGEST;

/** The claude-code fixture library, in memory under /ws. */
function claudeLibrary(): Record<string, string> {
  const folder = nodePath.join(REPO_ROOT, 'test', 'fixtures', 'claude-code', '.claude', 'agents');
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder)) files[`/ws/.claude/agents/${name}`] = readFileSync(nodePath.join(folder, name), 'utf8');
  return files;
}

/** Both sizes of a shape: `make(size)` is the text. */
const sized = (name: string, make: (size: number) => string): LongTextCase => ({ name, small: make(SIZE / 4), full: make(SIZE) });

describe('fuzz: a Claude Code subagent of 4 MiB, in a worker that a hang cannot stop', () => {
  const files = claudeLibrary();
  const path = '/ws/.claude/agents/release-captain.md';
  const head =
    '---\nname: release-captain\ndescription: Plans and runs a release. Use it when a release is due.\ntools: Read, Grep\n---\n\nYou steer a release.\n\n';
  const cases: LongTextCase[] = [
    sized(
      'one labelled list of items, each a code span, plain names and a comment',
      size =>
        `${head}Integration with other agents:\n${linesUpTo(size, i => `- \`qa-lead\` with build-doctor${i % 3 === 0 ? '' : i % 7} on <!-- note ${i} --> the go/no-go call`)}\n`,
    ),
    sized(
      'label lines by the thousand, each with a list of one item',
      size => head + linesUpTo(size, i => `Integration with other agents:\n- Ask changelog-writer${i % 5 === 0 ? 's' : ''} for the notes\n`),
    ),
    sized('label lines in fenced code', size => head + linesUpTo(size, () => '```\nIntegration with other agents:\n```')),
    sized('label lines in list items', size => head + linesUpTo(size, i => `- step ${i}\n  Integration with other agents:`)),
    sized(
      'unknown names silenced line by line',
      size => `${head}Integration with other agents:\n${linesUpTo(size, i => `- \`nobody-${i % 100}\` <!-- fleet-roles-disable-line unknown-role -->`)}\n`,
    ),
    sized(
      'a frontmatter tools list of tens of thousands of items, agents among them',
      size =>
        `---\nname: release-captain\ndescription: Plans releases.\ntools:\n${linesUpTo(size, i => `  - ${['Read', 'qa-lead', 'Grep', 'Raed', 'mcp__tracker__list'][i % 5]}`)}\n---\n\nYou steer a release.\n`,
    ),
    sized(
      'a frontmatter tools line of tens of thousands of names',
      size =>
        `---\nname: release-captain\ndescription: Plans releases.\ntools: ${linesUpTo(size, i => ['Read,', 'qa-lead,', 'Grep,', 'Raed,'][i % 4]).replace(/\n/g, ' ')} Bash\n---\n\nYou steer a release.\n`,
    ),
    // Each name is placed by the words before it: read in full, a bullet this long is quadratic.
    sized(
      'one bullet of tens of thousands of names, handed on with "with" and joined by "and"',
      size =>
        `${head}Integration with other agents:\n- ${linesUpTo(size, i => (i % 2 === 0 ? `with qa-lead${i % 9} ` : `and build-doctor on step ${i},`)).replace(/\n/g, ' ')}\n`,
    ),
    sized(
      'a frontmatter tools line of tens of thousands of Agent(…) rules',
      size =>
        `---\nname: release-captain\ndescription: Plans releases.\ntools: Read, ${linesUpTo(size, i => `Agent(${['qa-lead', 'build-doctor', 'qa-leed'][i % 3]}),`).replace(/\n/g, ' ')} Bash\n---\n\nYou steer a release.\n`,
    ),
    // Names anywhere in the body are placed by a window of the line around each: a line this long would be quadratic read whole.
    sized(
      'one body line of tens of thousands of names, delegated, mentioned and listed',
      size =>
        `${head}${linesUpTo(size, i => [`delegate to \`qa-leed${i % 7}\`,`, `@agent-build-doctor${i % 5}`, `**Complements**: qa-lead (tests),`, `| \`ghost-expert\` |`][i % 4]).replace(/\n/g, ' ')}\n`,
    ),
    sized(
      'an agents table of tens of thousands of rows, under headings by the thousand',
      size =>
        `${head}${linesUpTo(size, i => (i % 50 === 0 ? `## Part ${i}\n\n| Step | Agent |\n| --- | --- |` : `| ${i} | \`${['qa-lead', 'build-doctor', 'qa-leed'][i % 3]}\` |`))}\n`,
    ),
    sized(
      'rosters of bold names by the thousand, with "With" bullets',
      size =>
        `${head}${linesUpTo(size, i => (i % 40 === 0 ? `### Team ${i}` : [`- **qa-lead** - tests`, `- **With build-doctr**: builds`, `- ghost-writer: notes`][i % 3]))}\n`,
    ),
    // Each key is an unknown key with a did-you-mean, and YAML's reading of it: values of a sentence keep that cost per MB in bounds.
    sized(
      'a frontmatter of distinct keys',
      size =>
        `---\nname: release-captain\ndescription: Plans releases.\n${linesUpTo(size, i => `key-${i}: the value of a key, as long as a short sentence`)}\n---\n\nYou steer a release.\n`,
    ),
  ];
  bothFormats(cases, { files, path }, 'claude-code');
});

describe('fuzz: a Copilot custom agent of 4 MiB, in a worker that a hang cannot stop', () => {
  const agent = (description: string) => `---\ndescription: ${description}\n---\n\nDo the work.\n`;
  const files = {
    '/ws/.github/agents/implementer.agent.md': agent('Builds what the plan says'),
    '/ws/.github/agents/reviewer.agent.md': agent('Reviews without editing'),
  };
  const path = '/ws/.github/agents/planner.agent.md';
  const cases: LongTextCase[] = [
    sized(
      'handoffs by the thousand',
      size =>
        `---\ndescription: Turns a request into a plan\nhandoffs:\n${linesUpTo(size, i => `  - label: Step ${i}\n    agent: ${['implementer', 'reviewer', 'implementor'][i % 3]}\n    send: false`)}\n---\n\nWrite a plan.\n`,
    ),
    sized(
      'an agents list by the thousand',
      size =>
        `---\ndescription: Turns a request into a plan\nagents:\n${linesUpTo(size, i => `  - ${['reviewer', 'implementer', 'auditor'][i % 3]}  # step ${i} of the plan, and who takes it`)}\n---\n\nWrite a plan.\n`,
    ),
    sized(
      'an agents flow list of tens of thousands of names',
      size =>
        `---\ndescription: Turns a request into a plan\nagents: [${linesUpTo(size, i => ['reviewer,', 'implementer,', 'auditor,'][i % 3]).replace(/\n/g, ' ')} reviewer]\n---\n\nWrite a plan.\n`,
    ),
  ];
  bothFormats(cases, { files, path }, 'copilot-agents');
});

/** The cases under the built-in format, then under a hostile format of one's own over it (a fleet-roles.json at the library's root). */
function bothFormats(cases: LongTextCase[], library: WorkerLibrary, base: 'claude-code' | 'copilot-agents'): void {
  describe(`under the ${base} format`, () => longTextTests(c => `${sizeOf(c)} of ${c.name}`, cases, library));
  describe(`under a hostile format of its own over ${base}`, () =>
    longTextTests(c => `${sizeOf(c)} of ${c.name}`, cases, underHostileFormat(library, '/ws/fleet-roles.json', base)));
}
