import type { LineIndex } from '../text/lineIndex';
import type { Frontmatter } from './frontmatter';

/** One value a frontmatter key lists, and where its text stands (quotes left out). */
export interface FrontmatterItem {
  value: string;
  start: number;
  end: number;
}

/**
 * The values a frontmatter path names, read from the text so that each has
 * its place: `tools` (a comma-separated string, a flow list `[a, b]` or a
 * block list), `agents[]` (the same), `handoffs[].agent` (the `agent:` of
 * each entry of a block list). Only the shapes role files use are read; the
 * values agree with the YAML parser's for those shapes, and a shape it does
 * not know yields nothing, never a wrong place.
 */
export function frontmatterItems(lines: LineIndex, frontmatter: Frontmatter | undefined, path: string): FrontmatterItem[] {
  if (!frontmatter || frontmatter.problem) return [];
  const m = /^([^[\]]+)(\[\](?:\.(.+))?)?$/.exec(path);
  if (!m) return [];
  const [, key, , field] = m;
  const place = frontmatter.keys.find(k => k.key === key);
  if (!place) return [];
  const keyLine = lines.lineAt(place.keyStart);
  const lastLine = frontmatter.bodyLine - 2;
  const items: FrontmatterItem[] = [];
  if (field === undefined) {
    const onLine = lines.text.slice(place.valueStart, lines.lineEnd(keyLine));
    const inline = stripComment(onLine);
    if (inline.trim() !== '' && place.valueStart < lines.lineEnd(keyLine)) {
      splitValues(lines.text, place.valueStart, place.valueStart + inline.length, items);
      return items;
    }
  }
  for (let line = keyLine + 1; line <= lastLine; line++) {
    const text = lines.lineText(line);
    if (text.trim() === '' || /^\s*#/.test(text)) continue;
    if (!/^[ \t-]/.test(text)) break;
    const start = lines.lineStarts[line];
    if (field === undefined) {
      const item = /^([ \t]*-[ \t]+)(.*)$/.exec(text);
      if (item && !/^[A-Za-z_][\w-]*:(\s|$)/.test(item[2])) addValue(lines.text, start + item[1].length, start + item[1].length + stripComment(item[2]).length, items);
    } else {
      const entry = /^([ \t]*(?:-[ \t]+)?)([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(text);
      if (entry && entry[2] === field) {
        const at = start + text.length - entry[3].length;
        addValue(lines.text, at, at + stripComment(entry[3]).length, items);
      }
    }
  }
  return items;
}

/** A value's text up to a ` #` comment, trailing blanks dropped. */
function stripComment(value: string): string {
  const comment = /(^|[ \t])#/.exec(value);
  return (comment ? value.slice(0, comment.index) : value).trimEnd();
}

/** `a, b`, `[a, 'b']` or `"a, b"`: each comma-separated value; a comma inside parentheses (`Agent(a, b)`) is the value's own. */
function splitValues(text: string, start: number, end: number, items: FrontmatterItem[]): void {
  let from = start;
  let to = end;
  if (text[from] === '[' && text[to - 1] === ']') {
    from++;
    to--;
  } else if ((text[from] === '"' || text[from] === "'") && text[to - 1] === text[from] && to - from >= 2) {
    from++;
    to--;
  }
  let itemStart = from;
  let depth = 0;
  for (let i = from; i <= to; i++) {
    if (i === to || (text[i] === ',' && depth === 0)) {
      addValue(text, itemStart, i, items);
      itemStart = i + 1;
    } else if (text[i] === '(') depth++;
    else if (text[i] === ')' && depth > 0) depth--;
  }
}

function addValue(text: string, start: number, end: number, items: FrontmatterItem[]): void {
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (end - start >= 2 && (text[start] === '"' || text[start] === "'") && text[end - 1] === text[start]) {
    start++;
    end--;
  }
  if (end > start) items.push({ value: text.slice(start, end), start, end });
}
