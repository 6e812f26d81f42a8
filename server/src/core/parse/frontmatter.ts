import matter from 'gray-matter';
import type { LineIndex } from '../text/lineIndex';

export interface FrontmatterKey {
  key: string;
  /** Offsets of the key and of its value text on the key's line (value may be empty). */
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface FrontmatterProblem {
  message: string;
  start: number;
  end: number;
}

export interface Frontmatter {
  /** Offsets of the whole block, delimiters included. */
  start: number;
  end: number;
  /** First line after the block: where the Markdown body starts. */
  bodyLine: number;
  /** Parsed values by key; only own keys, in a prototype-free record. */
  data: Map<string, unknown>;
  keys: FrontmatterKey[];
  problem?: FrontmatterProblem;
}

const OPEN = /^(?:\uFEFF)?---[ \t]*([^\s]*)[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const TOP_LEVEL_KEY = /^([^\s#:'"\-?][^:]*?|'[^']*'|"[^"]*")[ \t]*:(?:[ \t]+|$)(.*)$/;

function refuse(): never {
  throw new Error('only YAML frontmatter is read');
}

/**
 * Every engine but YAML refuses: gray-matter would otherwise eval `---js`
 * blocks, and looks engines up by the name the file gives.
 */
const SAFE_OPTIONS = {
  language: 'yaml',
  engines: { javascript: refuse, js: refuse, coffee: refuse, coffeescript: refuse, cson: refuse, json: refuse },
};

/**
 * Finds and parses a role file's frontmatter. Returns undefined when the file
 * has none. A block in any language but YAML is reported and never parsed.
 */
export function parseFrontmatter(lines: LineIndex): Frontmatter | undefined {
  if (lines.lineCount < 1) return undefined;
  const open = OPEN.exec(lines.lineText(0));
  if (!open) return undefined;
  const language = open[1].toLowerCase();
  let closeLine = -1;
  for (let line = 1; line < lines.lineCount; line++) {
    if (CLOSE.test(lines.lineText(line))) {
      closeLine = line;
      break;
    }
  }
  const start = 0;
  if (closeLine < 0) {
    return {
      start, end: lines.lineEnd(0), bodyLine: 1, data: new Map(), keys: [],
      problem: { message: "The frontmatter is not closed: add a line '---' after its last key.", start, end: lines.lineEnd(0) },
    };
  }
  const end = lines.lineEnd(closeLine);
  const block = { start, end, bodyLine: closeLine + 1 };
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    return {
      ...block, data: new Map(), keys: [],
      problem: {
        message: `Frontmatter in '${open[1]}' is refused: a role file takes YAML frontmatter only, and nothing in it is run.`,
        start, end,
      },
    };
  }

  const keys: FrontmatterKey[] = [];
  const yamlLines: string[] = [];
  for (let line = 1; line < closeLine; line++) {
    const lineText = lines.lineText(line);
    yamlLines.push(lineText);
    const m = TOP_LEVEL_KEY.exec(lineText);
    if (!m) continue;
    const lineStart = lines.lineStarts[line];
    const rawKey = m[1];
    const key = /^['"]/.test(rawKey) ? rawKey.slice(1, -1) : rawKey;
    const valueText = m[2].replace(/[ \t]+#.*$/, '').trimEnd();
    const valueStart = lineStart + lineText.length - m[2].length;
    keys.push({ key, keyStart: lineStart, keyEnd: lineStart + rawKey.length, valueStart, valueEnd: valueStart + valueText.length });
  }

  try {
    const parsed = matter(`---\n${yamlLines.join('\n')}\n---\n`, SAFE_OPTIONS as unknown as Parameters<typeof matter>[1]).data as unknown;
    const data = new Map<string, unknown>();
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const key of Object.keys(parsed)) data.set(key, (parsed as Record<string, unknown>)[key]);
    } else if (parsed !== null && parsed !== undefined) {
      return { ...block, data, keys, problem: { message: 'The frontmatter must be a YAML mapping of keys to values.', start, end } };
    }
    return { ...block, data, keys };
  } catch (error) {
    return { ...block, data: new Map(), keys, problem: yamlProblem(error, lines, block) };
  }
}

interface YamlMark {
  line?: number;
  column?: number;
}

function yamlProblem(error: unknown, lines: LineIndex, block: { start: number; end: number }): FrontmatterProblem {
  const e = error as { reason?: string; message?: string; mark?: YamlMark };
  const reason = e.reason ?? e.message ?? String(error);
  // gray-matter hands js-yaml the text after '---', which begins with the
  // opening line's break, so js-yaml's 0-based line is the document's line.
  const mark = e.mark;
  if (mark && typeof mark.line === 'number' && mark.line >= 1 && mark.line < lines.lineCount) {
    const at = Math.min(lines.lineStarts[mark.line] + (mark.column ?? 0), lines.lineEnd(mark.line));
    const stop = at < lines.lineEnd(mark.line) ? at + 1 : at;
    return { message: `Invalid YAML frontmatter: ${reason}.`, start: at, end: stop };
  }
  return { message: `Invalid YAML frontmatter: ${reason}.`, start: block.start, end: block.end };
}
