import type { LineIndex } from '../text/lineIndex';
import type { ScannedBody } from './markdownScanner';
import { CONNECTIVES } from './plainNameStrength';
import { coverageOf } from './spans';

/**
 * Agent names in the whole body of an agent file, where real files put them.
 * Prose is full of compound words that name nothing (`real-time`,
 * `pre-commit`, a skill's or a tool's name in a code span), so a name counts
 * by where it stands:
 *
 * - `strong`: it stands where only an agent's name stands: after a delegation
 *   ("delegate to x", "hand off to x", "→ consult x", "AGENT: x"), in "use
 *   the x agent", as `@agent-x` (Claude Code's mention) or `@x` where x reads
 *   as an agent, or as the value of `subagent_type` in an example. A name
 *   there that no agent has is unknown.
 *   So does a name that reads as an agent's in a bullet on working beside
 *   it (`- **With x**: …`, `- **vs x**: …`) or after a label of
 *   collaborators (`**Complements**: x (…), y (…)`, `**Works with**:`).
 * - `group`: it stands in a roster (`- **x** - …`, `- x: …`), a list after
 *   `**Before**:` or `**After**:`, or a table's agents column: such a list
 *   may list tools or steps as well as agents, so it must name an agent when
 *   another name of the same list does.
 * - otherwise weak: a reference when an agent has the name; written as code,
 *   bold or a mention, also when it is a near miss of exactly one agent.
 */
export interface BodyReference {
  name: string;
  kind: 'code' | 'plain';
  start: number;
  end: number;
  strong: boolean;
  /** The list the name stands in, when it stands in one: it must name an agent when another name of the list does. */
  group?: number;
  /** Written as code, bold or a mention: reported as a near miss of exactly one agent. */
  marked: boolean;
}

/** How much of the line on either side of a name its place is read from: a long line costs each name a constant. */
const WINDOW = 120;

/** A kebab-case name of two words or more, with an optional `@` before it; not part of a path, a URL, a file name or a longer word. */
const NAME = /(?<![\w./#:@\\-])(@)?([a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?![\w/@-]|\.[a-z0-9])/g;

/** Words that hand work to the name after them, up to it (its opening markup allowed); not "route to", said of queues (`dead-letter`). */
const HANDS_OFF = new RegExp(
  '(?:' +
    [
      String.raw`\b(?:delegat(?:e|es|ed|ing)|hand(?:s|ed|ing)?\s+(?:\w+\s+)?off|handoff|escalat(?:e|es|ed|ing))\s+(?:[\w'"“”-]+\s+){0,3}?to`,
      String.raw`(?:→|->|⇒|=>)\s*(?:call|consult|invoke|use|ask|delegate\s+to|hand\s+off\s+to|escalate\s+to)`,
      String.raw`\bAGENT:`,
    ]
      .map(p => `(?:${p})`)
      .join('|') +
    ')' +
    String.raw`\s+(?:the\s+)?[\x60*]*$`,
  'i',
);
/** Whether the text ends where only an agent's name stands: after a hand-off (its opening markup allowed) or `@agent-`. */
export function standsForAgent(before: string): boolean {
  return /(?:^|[^\w.])@agent-$/.test(before) || HANDS_OFF.test(before.slice(-WINDOW));
}
/** "use the x agent": a verb of starting an agent, the name, then "agent". */
const STARTS = /\b(?:use|using|invoke|call|launch|spawn|ask|run|dispatch|engage)\s+(?:the\s+|an?\s+)?[`*]*$/i;
const AGENT_AFTER = /^[`*]*\s+(?:sub-?)?agents?\b/i;
/** A roster line: the bullet opens with the name, bold, code or plain, then a dash, a colon or nothing (`- **x** - …`, `- x: …`). */
const ROSTER_BEFORE = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\*\*|`)?$/;
const ROSTER_AFTER = /^(?:\*\*|`)?\s*(?:[-–—:]|\(|$)|^:\*\*/;
/** `- **With x**: …`, `- **vs x**: …`: a bullet on working beside another agent. */
const BESIDE_BEFORE = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\*\*(?:with|vs\.?|versus|use)\s+$/i;
const BESIDE_AFTER = /^(?:\*\*|\s+for\*\*|:\*\*)/i;
/** `**Complements**: a (…), b (…)`: a bold label of agents that work around this one, then names. */
const LABEL =
  /\*\*(?:complements|complemented by|works with|collaborates with|coordinates with|related agents|delegates to|hands off to|before|after)\*\*:?|\*\*(?:complements|works with|collaborates with|coordinates with|related agents|delegates to|hands off to|before|after):\*\*/i;
/** In a labelled list, a name stands at the start of the value or after a separator. */
const LIST_POSITION = /(?:\*\*:?|[:,;]|\band|\bor|&|\/)\s*[`*]*$/i;
/** `subagent_type: "x"`, `subagent_type="x"`: the agent a Task call starts, in examples and code; a plugin's agent is `plugin:x`, its name the x. */
const SUBAGENT_TYPE = /\bsubagent_type["']?\s*[:=]\s*["']?(?:[A-Za-z][\w-]*::?)?([A-Za-z][\w-]*)/g;

export function bodyReferences(lines: LineIndex, body: ScannedBody, firstLine: number): BodyReference[] {
  const out: BodyReference[] = [];
  const inCode = coverageOf(body.codeBlocks);
  // `__strong__` is emphasis, never a name's markup: what it holds is hidden, as in the labelled lists.
  const hidden = coverageOf([...body.comments, ...body.links, ...body.strongs.filter(s => s.marker === '_')]);
  const inCodeSpan = coverageOf(body.codeSpans);
  const inStrong = coverageOf(body.strongs);
  const examples = new Set<number>();
  const section = sectionCursor(body);
  let table: { header: string[]; group: number } | undefined;
  for (let line = firstLine; line < lines.lineCount; line++) {
    const lineStart = lines.lineStarts[line];
    const lineText = lines.lineText(line);
    for (const m of lineText.matchAll(SUBAGENT_TYPE)) {
      const start = lineStart + m.index! + m[0].length - m[1].length;
      if (hidden(start)) continue;
      examples.add(start);
      out.push({ name: m[1], kind: 'code', start, end: start + m[1].length, strong: true, marked: true });
    }
    if (inCode(lineStart + lineText.length - 1) || inCode(lineStart)) {
      table = undefined;
      continue;
    }
    table = tableRow(lineText, table, line);
    let rowCells: ReturnType<typeof cells> | undefined;
    const label = LABEL.exec(lineText);
    for (const m of lineText.matchAll(NAME)) {
      const at = m[1] === '@';
      let name = m[2];
      let start = lineStart + m.index! + (at ? 1 : 0);
      if (hidden(start) || examples.has(start)) continue;
      // Claude Code's mention of an agent is `@agent-<name>`.
      if (at && name.startsWith('agent-')) {
        name = name.slice(6);
        start += 6;
      }
      const whole = m.index! <= WINDOW;
      const before = lineText.slice(Math.max(0, m.index! - WINDOW), m.index!);
      const afterStart = m.index! + m[0].length;
      const after = lineText.slice(afterStart, afterStart + WINDOW);
      const code = inCodeSpan(start);
      const marked = at || code || inStrong(start);
      const next = /^[`*]*[ \t]+([A-Za-z]+)/.exec(after)?.[1];
      // A compound before a noun is an adjective ("hand off to cross-team reviewers"), unless marked as a name.
      const standsAlone = marked || next === undefined || CONNECTIVES.has(next.toLowerCase());
      const ref: BodyReference = { name, kind: code ? 'code' : 'plain', start, end: start + name.length, strong: false, marked };
      if (at && m[2].startsWith('agent-')) ref.strong = true;
      // `@x` where x reads as an agent ("Try @api-architect"); a person's handle (`@github-user`) does not.
      else if (at && readsAsAgent(name) && !name.endsWith('-user')) ref.strong = true;
      // Unmarked, a name handed work must read as an agent's too: work is escalated to `on-call` people and queues as well.
      else if (standsAlone && (marked || readsAsAgent(name)) && (HANDS_OFF.test(before) || (STARTS.test(before) && AGENT_AFTER.test(after)))) ref.strong = true;
      else if (!readsAsAgent(name)) {
        /* weak: a roster may list teams and tools beside agents */
      }
      // A bullet on working beside an agent names one, whatever its neighbours are.
      else if (whole && BESIDE_BEFORE.test(before) && BESIDE_AFTER.test(after)) ref.strong = true;
      else if (whole && ROSTER_BEFORE.test(before) && ROSTER_AFTER.test(after)) ref.group = section(start);
      else if (
        label &&
        label.index < m.index! &&
        standsAlone &&
        LIST_POSITION.test(lineText.slice(Math.max(label.index + label[0].length - 2, m.index! - WINDOW), m.index!))
      ) {
        // "Complements", "Works with": collaborators, agents; "Before", "After" may order steps as well as agents.
        if (/^\*\*(?:before|after)\b/i.test(label[0])) ref.group = lineStart;
        else ref.strong = true;
      } else if (table && isAgentsCell((rowCells ??= cells(lineText)), m.index!, m[0].length, table.header)) ref.group = table.group;
      out.push(ref);
    }
  }
  return out;
}

/**
 * Whether a name of a roster reads as an agent's: its last word a
 * person's or a role's noun (`docker-expert`, `qa-lead`, `data-analyst`),
 * not a plural or a field (`sales-teams`, `change-management`), which
 * rosters of collaborators list beside agents.
 */
function readsAsAgent(name: string): boolean {
  return AGENT_NOUN.test(name.slice(name.lastIndexOf('-') + 1));
}
const AGENT_NOUN = /(?:er|or|ist|yst|ian|ant|ect|advocate|expert|pro|lead|admin|agent|bot|coach|guru|ops)$/;

/** Rosters of one section are one list: the heading before the name, or the body's start, identifies it. Asked in text order. */
function sectionCursor(body: ScannedBody): (offset: number) => number {
  let next = 0;
  let group = -1;
  return offset => {
    for (; next < body.headings.length && body.headings[next].start <= offset; next++) group = body.headings[next].start;
    return group;
  };
}

/** The table a line belongs to: a header row, a delimiter row, then rows; its group is its header's line. */
function tableRow(lineText: string, table: { header: string[]; group: number } | undefined, line: number): { header: string[]; group: number } | undefined {
  const trimmed = lineText.trim();
  if (!trimmed.startsWith('|')) return undefined;
  if (table) return table;
  return { header: cells(trimmed).map(c => c.text.toLowerCase()), group: -2 - line };
}

function cells(row: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  let from = row.indexOf('|') + 1;
  for (let bar = row.indexOf('|', from); bar >= 0; bar = row.indexOf('|', from)) {
    out.push({ text: row.slice(from, bar).trim(), start: from, end: bar });
    from = bar + 1;
  }
  return out;
}

/** Whether the name is the whole cell (markup aside) of a column whose header speaks of agents. */
function isAgentsCell(all: ReturnType<typeof cells>, index: number, length: number, header: string[]): boolean {
  const column = all.findIndex(c => index >= c.start && index < c.end);
  if (column < 0 || !/\b(?:agents?|sub-?agents?|delegate(?:s|d)?(?: to)?|hand-?offs?|owner)\b/.test(header[column] ?? '')) return false;
  return all[column].text.replace(/[`*@]/g, '').trim().length === length;
}
