import type { Document as YamlDocument } from 'yaml';
import type { LineIndex } from '../text/lineIndex';
import type { FrontmatterKey, FrontmatterProblem } from './frontmatterPlaces';
import { parseSimpleFrontmatter } from './simpleFrontmatter';
import { readYaml } from './yamlFrontmatter';

export type { FrontmatterKey, FrontmatterProblem };

export interface Frontmatter {
  /** Offsets of the whole block, delimiters included. */
  start: number;
  end: number;
  /** First line after the block: where the Markdown body starts. */
  bodyLine: number;
  /** Parsed values by key; only own keys, in a prototype-free record. */
  data: Map<string, unknown>;
  keys: FrontmatterKey[];
  /** The YAML parser's document, a mapping whose every node is placed in the file; undefined where the parser was not needed or failed. */
  document?: YamlDocument.Parsed;
  problem?: FrontmatterProblem;
}

const OPEN = /^(?:\uFEFF)?---[ \t]*([^\s]*)[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
// A key runs to its last character that is not a blank before the colon; written as a lazy `[^:]*?` before `[ \t]*:`, a run of blanks was rescanned at each of its characters.
const TOP_LEVEL_KEY = /^([^\s#:'"\-?](?:[^: \t]|[ \t]+[^: \t])*|'[^']*'|"[^"]*")[ \t]*:(?:[ \t]+|$)(.*)$/;

/**
 * Finds and parses a role file's frontmatter. Returns undefined when the file
 * has none. A block in any language but YAML is reported and never parsed.
 */
export function parseFrontmatter(lines: LineIndex): Frontmatter | undefined {
  if (lines.lineCount < 1) return undefined;
  const open = OPEN.exec(lines.lineText(0));
  if (!open) return indentedFrontmatter(lines);
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
      start,
      end: lines.lineEnd(0),
      bodyLine: 1,
      data: new Map(),
      keys: [],
      problem: { kind: 'unclosed', start, end: lines.lineEnd(0) },
    };
  }
  const end = lines.lineEnd(closeLine);
  const block = { start, end, bodyLine: closeLine + 1 };
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    return {
      ...block,
      data: new Map(),
      keys: [],
      problem: { kind: 'not-yaml', language: open[1], start, end },
    };
  }

  const yamlLines: string[] = [];
  for (let line = 1; line < closeLine; line++) yamlLines.push(lines.lineText(line));
  const simple = parseSimpleFrontmatter(yamlLines);
  if (simple) {
    const keys = scannedKeys(lines, closeLine);
    if (simple instanceof Map) return { ...block, data: simple, keys };
    const repeat = keys.find(k => lines.lineAt(k.keyStart) === simple.repeated + 1)!;
    return { ...block, data: new Map(), keys, problem: { kind: 'repeated-key', key: repeat.key, start: repeat.keyStart, end: repeat.keyEnd } };
  }
  const bodyStart = lines.lineStarts[1];
  const read = readYaml(lines.text.slice(0, bodyStart).replace(/[^\r\n]/g, ' ') + lines.text.slice(bodyStart, lines.lineStarts[closeLine]));
  // The parser places the keys of what it read; of a text it could not read, they are looked for line by line.
  return { ...block, data: read.data, keys: read.keys ?? scannedKeys(lines, closeLine), document: read.document, problem: read.problem };
}

/** The top-level keys found line by line, each with the place of its value: where the parser did not read the frontmatter. */
function scannedKeys(lines: LineIndex, closeLine: number): FrontmatterKey[] {
  const keys: FrontmatterKey[] = [];
  for (let line = 1; line < closeLine; line++) {
    const lineText = lines.lineText(line);
    const m = TOP_LEVEL_KEY.exec(lineText);
    if (!m) continue;
    const lineStart = lines.lineStarts[line];
    const rawKey = m[1];
    const key = /^['"]/.test(rawKey) ? rawKey.slice(1, -1) : rawKey;
    const valueOffset = lineStart + lineText.length - m[2].length;
    const span = valueSpan(m[2]);
    let valueStart = valueOffset + span.start;
    let valueEnd = valueOffset + span.end;
    // A block scalar (`|`, `>-`) or an empty value: the value stands on the indented lines below.
    if (span.end === span.start || /^[|>][-+0-9]*$/.test(m[2].slice(span.start, span.end))) {
      const below = indentedLinesBelow(lines, line, closeLine);
      if (below) [valueStart, valueEnd] = below;
    }
    keys.push({ key, keyStart: lineStart, keyEnd: lineStart + rawKey.length, valueStart, valueEnd });
  }
  return keys;
}

const INDENTED_DELIMITER = /^(?:\uFEFF)?[ \t]+---[ \t]*$/;

/**
 * A frontmatter whose delimiters are indented (a block pasted four spaces in,
 * often after a blank first line) is no frontmatter to any tool: said once,
 * at its opening line, rather than as every key it would have declared missing.
 */
function indentedFrontmatter(lines: LineIndex): Frontmatter | undefined {
  let open = 0;
  while (open < lines.lineCount && lines.lineText(open).trim() === '') open++;
  if (open >= lines.lineCount || !INDENTED_DELIMITER.test(lines.lineText(open))) return undefined;
  for (let line = open + 1; line < lines.lineCount; line++) {
    if (!INDENTED_DELIMITER.test(lines.lineText(line))) continue;
    const start = lines.lineStarts[open];
    return {
      start,
      end: lines.lineEnd(line),
      bodyLine: line + 1,
      data: new Map(),
      keys: [],
      problem: { kind: 'indented', start, end: lines.lineEnd(open) },
    };
  }
  return undefined;
}

/** Where a value stands in the text after `key:`: a quoted string whole, else up to a ` #` comment. */
function valueSpan(raw: string): { start: number; end: number } {
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    for (let i = 1; i < raw.length; i++) {
      if (quote === '"' && raw[i] === '\\') i++;
      else if (raw[i] === quote) {
        if (quote === "'" && raw[i + 1] === "'") i++;
        else return { start: 0, end: i + 1 };
      }
    }
    return { start: 0, end: raw.trimEnd().length };
  }
  const comment = /(^|[ \t])#/.exec(raw);
  return { start: 0, end: (comment ? raw.slice(0, comment.index) : raw).trimEnd().length };
}

/** The offsets of the indented, non-blank lines after a key: its value when it is written below. */
function indentedLinesBelow(lines: LineIndex, keyLine: number, closeLine: number): [number, number] | undefined {
  let first = -1;
  let last = -1;
  for (let line = keyLine + 1; line < closeLine; line++) {
    const text = lines.lineText(line);
    if (text.trim() === '') continue;
    if (!/^[ \t]/.test(text)) break;
    if (first < 0) first = line;
    last = line;
  }
  if (first < 0) return undefined;
  const start = lines.lineStarts[first] + /^[ \t]*/.exec(lines.lineText(first))![0].length;
  return [start, lines.lineStarts[last] + lines.lineText(last).trimEnd().length];
}
