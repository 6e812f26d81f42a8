/**
 * What the product reads of a Markdown document, read twice: by the product
 * and by commonmark.js, the CommonMark reference implementation, in the same
 * terms, so a test can compare them. The terms are what decides whether a
 * reference is one and where a section ends: top-level headings and list
 * items, code and HTML blocks (they hide what they hold), link reference
 * definitions, strong emphasis, inline links and code spans. commonmark.js
 * gives no source positions for inline content: those are compared by text.
 */
import { Parser, type Node } from 'commonmark';
import { parseBlocks } from '../../server/src/core/parse/markdown/blockParser';
import { scanBody } from '../../server/src/core/parse/markdownScanner';
import { LineIndex } from '../../server/src/core/text/lineIndex';

const LINE_END = /\r\n|\r|\n/;

/**
 * Both readings of a document, made comparable: with link reference
 * definitions in it, links are compared as definitions (reference-style links
 * are no references, and commonmark.js's tree does not tell them apart), and
 * a strong's text where the product reads it as a name.
 */
export function readings(markdown: string): { actual: Reading; expected: Reading } {
  const expected = referenceReading(markdown);
  const actual = productReading(markdown);
  if (expected.definitions.length > 0) {
    delete expected.links;
    delete actual.links;
  }
  expected.strongs = expected.strongs.map((s, i) => (actual.strongs[i] === undefined ? undefined : s));
  return { actual, expected };
}

export interface Reading {
  /**
   * Headings by their last line: commonmark.js starts a setext heading where
   * its paragraph started, at any link reference definition before it, and
   * the product at its text (the specification defines no source positions).
   */
  headings: Array<[level: number, lastLine: number]>;
  items: Array<[firstLine: number, lastLine: number]>;
  hiding: Array<[firstLine: number, lastLine: number]>;
  definitions: string[];
  /** Each strong's text, where the product reads it as a plain name (else undefined: only the count is compared). */
  strongs: Array<string | undefined>;
  links?: string[];
  codeSpans: string[];
}

/** The last line from `last` back to `first` that is not blank: commonmark.js ends some blocks with the blank lines after them. */
function lastNonBlank(lines: string[], first: number, last: number): number {
  let line = last;
  while (line > first && /^[ \t]*$/.test(lines[line] ?? '')) line--;
  return line;
}

/** Percent-encodes a destination as commonmark.js does: what encodeURI leaves, and %XX escapes kept. */
function normalizeUri(uri: string): string {
  try {
    return uri
      .split(/(%[0-9a-fA-F]{2})/)
      .map((part, i) => (i % 2 === 1 ? part : encodeURI(part)))
      .join('');
  } catch {
    return uri;
  }
}

function productReading(markdown: string): Reading {
  const index = new LineIndex(markdown);
  const lines = markdown.split(LINE_END);
  const body = scanBody(index, 0);
  const blocks = parseBlocks(index, 0);
  const lineRange = (start: number, end: number): [number, number] => {
    const first = index.lineAt(start);
    return [first, lastNonBlank(lines, first, index.lineAt(end))];
  };
  return {
    headings: body.headings.map(h => [h.level, index.lineAt(h.end)]),
    items: body.listItems.map(i => lineRange(i.start, i.end)),
    hiding: body.codeBlocks.map(b => lineRange(b.start, b.end)),
    definitions: [...blocks.definitions].sort(),
    strongs: body.strongs.map(s => s.text),
    links: body.links.filter(l => l.destination !== '').map(l => normalizeUri(l.destination)),
    codeSpans: body.codeSpans.map(c => c.content),
  };
}

function referenceReading(markdown: string): Reading {
  const parser = new Parser();
  const doc = parser.parse(markdown);
  const lines = markdown.split(LINE_END);
  const out: Reading = {
    headings: [],
    items: [],
    hiding: [],
    definitions: Object.keys((parser as unknown as { refmap: object }).refmap).sort(),
    strongs: [],
    links: [],
    codeSpans: [],
  };
  const walker = doc.walker();
  let imageDepth = 0;
  for (let event = walker.next(); event; event = walker.next()) {
    const node = event.node;
    if (node.type === 'image') imageDepth += event.entering ? 1 : -1;
    if (!event.entering) continue;
    const [[firstLine], [lastLine]] = node.sourcepos ?? [[0], [0]];
    const range = (): [number, number] => [firstLine - 1, lastNonBlank(lines, firstLine - 1, lastLine - 1)];
    switch (node.type) {
      case 'heading':
        if (node.parent?.type === 'document') out.headings.push([node.level, lastLine - 1]);
        break;
      case 'item':
        if (node.parent?.parent?.type === 'document') out.items.push(range());
        break;
      case 'code_block':
      case 'html_block':
        out.hiding.push(range());
        break;
      case 'strong':
        // The product passes over a strong whose content starts inside an image (no name can be made of one).
        if (imageDepth === 0 && node.firstChild?.type !== 'image') out.strongs.push(plainText(node));
        break;
      case 'link':
        if (imageDepth === 0 && node.destination && !isAutolink(node, markdown)) out.links!.push(node.destination);
        break;
      case 'code':
        out.codeSpans.push(node.literal ?? '');
        break;
    }
  }
  return out;
}

/** The text of a node's children when they are all text (an escape or a character reference is a text node of its own). */
function plainText(node: Node): string | undefined {
  let text = '';
  for (let child = node.firstChild; child; child = child.next) {
    if (child.type !== 'text') return undefined;
    text += child.literal ?? '';
  }
  return node.firstChild ? text : undefined;
}

/** commonmark.js makes `<https://x>` a link like any other: its text is its destination, written in angle brackets. */
function isAutolink(link: Node, markdown: string): boolean {
  const text = plainText(link);
  return (
    text !== undefined && (link.destination === normalizeUri(text) || link.destination === normalizeUri(`mailto:${text}`)) && markdown.includes(`<${text}>`)
  );
}
