import type * as YamlModule from 'yaml';
import type { Document as YamlDocument, Node as YamlNode, Scalar, YAMLMap } from 'yaml';
import type { LineIndex } from '../text/lineIndex';
import type { Frontmatter } from './frontmatter';

/** One value a frontmatter key lists, and where its text stands (quotes left out). */
export interface FrontmatterItem {
  value: string;
  start: number;
  end: number;
}

/**
 * The values a frontmatter path names, each at its place: `tools` (a
 * comma-separated string, or a sequence, flow or block, over any number of
 * lines), `agents[]` (the same), `handoffs[].agent` (the `agent:` of each
 * mapping in a sequence). The YAML parser's nodes give the places; an alias
 * gives its anchor's. A value whose text in the file is not the value itself
 * (an escape in a quoted string, a line folded in a plain one) yields
 * nothing, never a wrong place.
 */
export function frontmatterItems(lines: LineIndex, frontmatter: Frontmatter | undefined, path: string): FrontmatterItem[] {
  if (!frontmatter || frontmatter.problem) return [];
  const m = /^([^[\]]+)(\[\](?:\.(.+))?)?$/.exec(path);
  if (!m) return [];
  const [, key, , field] = m;
  const items: FrontmatterItem[] = [];
  const document = frontmatter.document;
  if (!document) {
    // Read without the parser: every value is plain text on its key's line, its text its value.
    const place = frontmatter.keys.find(k => k.key === key);
    if (place && field === undefined) splitText(lines.text, place.valueStart, place.valueEnd, items);
    return items;
  }
  // Loaded already: the document was read with it.
  const yaml = require('yaml') as Yaml;
  const value = resolved(yaml, valueOf(yaml, document.contents as YAMLMap, key), document);
  if (yaml.isSeq(value)) {
    for (const entry of value.items as YamlNode[]) {
      const node = resolved(yaml, field === undefined ? entry : yaml.isMap(entry) ? valueOf(yaml, entry, field) : undefined, document);
      if (yaml.isScalar(node) && typeof node.value === 'string') addScalar(lines.text, node, items);
    }
  } else if (field === undefined && yaml.isScalar(value) && typeof value.value === 'string') {
    splitValues(lines.text, value, items);
  }
  return items;
}

type Yaml = typeof YamlModule;

function valueOf(yaml: Yaml, map: YAMLMap, key: string): YamlNode | undefined {
  const pair = map.items.find(p => yaml.isScalar(p.key) && String(p.key.value) === key);
  return (pair?.value ?? undefined) as YamlNode | undefined;
}

/** An alias stands for its anchor's node, and is placed there. */
function resolved(yaml: Yaml, node: YamlNode | undefined, document: YamlDocument): YamlNode | undefined {
  return yaml.isAlias(node) ? (node.resolve(document) as YamlNode | undefined) : node;
}

/** A scalar's text, quotes left out, when it is the scalar's value as written. */
function addScalar(text: string, node: Scalar, items: FrontmatterItem[]): void {
  const place = scalarText(text, node);
  if (place && text.slice(place.start, place.end) === node.value) addValue(text, place.start, place.end, items);
}

function scalarText(text: string, node: Scalar): { start: number; end: number } | undefined {
  if (!node.range) return undefined;
  let [start, end] = node.range;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    start++;
    end--;
  }
  return end >= start ? { start, end } : undefined;
}

/**
 * `Read, Grep` or `"Read, Grep"`: each comma-separated value; a comma inside
 * parentheses (`Agent(a, b)`) is the value's own. A quoted scalar is split
 * where its text is its value; a multi-line plain one, value by value.
 */
function splitValues(text: string, node: Scalar, items: FrontmatterItem[]): void {
  const place = scalarText(text, node);
  if (!place) return;
  const value = node.value as string;
  if (text.slice(place.start, place.end) === value) {
    splitText(text, place.start, place.end, items);
    return;
  }
  // Folded across lines, or escaped: each part is placed where its text stands, in order.
  let cursor = place.start;
  for (const [from, to] of commaParts(value)) {
    const part = value.slice(from, to).trim();
    if (part === '') continue;
    const at = text.indexOf(part, cursor);
    if (at < 0 || at + part.length > place.end) return;
    addValue(text, at, at + part.length, items);
    cursor = at + part.length;
  }
}

/** Text that is its value as written, split at its commas. */
function splitText(text: string, start: number, end: number, items: FrontmatterItem[]): void {
  for (const [from, to] of commaParts(text.slice(start, end))) addValue(text, start + from, start + to, items);
}

function commaParts(value: string): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let itemStart = 0;
  let depth = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || (value[i] === ',' && depth === 0)) {
      parts.push([itemStart, i]);
      itemStart = i + 1;
    } else if (value[i] === '(') depth++;
    else if (value[i] === ')' && depth > 0) depth--;
  }
  return parts;
}

function addValue(text: string, start: number, end: number, items: FrontmatterItem[]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end - start >= 2 && (text[start] === '"' || text[start] === "'") && text[end - 1] === text[start]) {
    start++;
    end--;
  }
  if (end > start) items.push({ value: text.slice(start, end), start, end });
}
