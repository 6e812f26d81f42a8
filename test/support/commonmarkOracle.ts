/**
 * The oracle of the differential test: micromark (CommonMark) with its GFM
 * table extension, an implementation independent of the product's parser,
 * and the project's own rules applied on top of its event stream here, in
 * test code: what a role reference, a section heading and a code span are.
 *
 * micromark and its extension are ESM-only; they are loaded with a dynamic
 * import that the CommonJS build leaves as it is.
 */

export interface OracleReference {
  slug: string;
  kind: 'bold' | 'link';
  start: number;
  end: number;
}

export interface OracleHeading {
  level: number;
  line: number;
  endLine: number;
}

export interface OracleDocument {
  references: OracleReference[];
  headings: OracleHeading[];
  codeSpans: Array<{ start: number; end: number }>;
}

interface Point {
  line: number;
  offset: number;
}
interface Token {
  type: string;
  start: Point;
  end: Point;
}
type Event = ['enter' | 'exit', Token, unknown];

interface Micromark {
  parse(options: { extensions: unknown[] }): { document(): { write(chunks: unknown[]): Event[] } };
  postprocess(events: Event[]): Event[];
  preprocess(): (value: string, encoding: undefined, end: boolean) => unknown[];
  gfmTable(): unknown;
  decodeString(value: string): string;
}

const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Record<string, unknown>>;

export async function loadOracle(): Promise<(text: string) => OracleDocument> {
  const [micromark, table, decode] = await Promise.all([
    importEsm('micromark'),
    importEsm('micromark-extension-gfm-table'),
    importEsm('micromark-util-decode-string'),
  ]);
  const mm = { ...micromark, ...table, ...decode } as unknown as Micromark;
  return text => read(mm, text);
}

const SLUG = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const ESCAPE_OR_REFERENCE = /\\[!-/:-@[-`{-~]|&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z0-9]{1,31});/g;

function read(mm: Micromark, text: string): OracleDocument {
  const events = mm.postprocess(
    mm
      .parse({ extensions: [mm.gfmTable()] })
      .document()
      .write(mm.preprocess()(text, undefined, true)),
  );
  const out: OracleDocument = { references: [], headings: [], codeSpans: [] };
  const stack: Token[] = [];
  // GFM: cells past the head row's count are ignored.
  let columns = 0;
  let cell = 0;
  let inTableHead = false;
  let excess = 0;
  for (let i = 0; i < events.length; i++) {
    const [kind, token] = events[i];
    if (kind === 'exit') {
      stack.pop();
      if (token.type === 'tableHead') inTableHead = false;
      if ((token.type === 'tableHeader' || token.type === 'tableData') && cell > columns) excess--;
      continue;
    }
    const inside = (type: string) => stack.some(t => t.type === type);
    switch (token.type) {
      case 'tableHead':
        inTableHead = true;
        columns = 0;
        break;
      case 'tableRow':
        cell = 0;
        break;
      case 'tableHeader':
      case 'tableData':
        cell++;
        if (inTableHead) columns = cell;
        else if (cell > columns) excess++;
        break;
    }
    stack.push(token);
    if (excess > 0) continue;
    switch (token.type) {
      case 'atxHeading':
      case 'setextHeading':
        if (!inside('blockQuote') && !inside('listOrdered') && !inside('listUnordered')) {
          // A setext heading's line is its text's first: micromark starts the heading at any definitions before it.
          const first = token.type === 'setextHeading' ? (childTokens(events, i).find(t => t.type === 'setextHeadingText') ?? token) : token;
          out.headings.push({ level: headingLevel(events, i, text), line: first.start.line - 1, endLine: token.end.line - 1 });
        }
        break;
      case 'codeText':
        out.codeSpans.push({ start: token.start.offset, end: token.end.offset });
        break;
      case 'strong': {
        if (inside('image') || text[token.start.offset] !== '*') break;
        const content = childTokens(events, i).find(t => t.type === 'strongText');
        if (!content) break;
        const parts = childTokens(
          events,
          events.findIndex((e, k) => k > i && e[1] === content),
        );
        if (!parts.every(t => t.type === 'data' || t.type === 'characterEscape' || t.type === 'characterReference')) break;
        const name = mm.decodeString(text.slice(content.start.offset, content.end.offset));
        if (SLUG.test(name)) out.references.push({ slug: name, kind: 'bold', start: content.start.offset, end: content.end.offset });
        break;
      }
      case 'resourceDestinationString':
        if (inside('image') || !inside('link')) break;
        linkReference(mm, text, token.start.offset, token.end.offset, out.references);
        break;
    }
  }
  out.references.sort((a, b) => a.start - b.start);
  return out;
}

function headingLevel(events: Event[], at: number, text: string): number {
  for (const t of childTokens(events, at)) {
    if (t.type === 'atxHeadingSequence') return t.end.offset - t.start.offset;
    if (t.type === 'setextHeadingLine') return text[t.end.offset - 1] === '=' || text.slice(t.start.offset, t.end.offset).includes('=') ? 1 : 2;
  }
  return 0;
}

/** The tokens entered directly inside the token entered at `at`. */
function childTokens(events: Event[], at: number): Token[] {
  const children: Token[] = [];
  let depth = 0;
  for (let i = at + 1; i < events.length; i++) {
    const [kind, token] = events[i];
    if (kind === 'enter') {
      if (depth === 0) children.push(token);
      depth++;
    } else {
      if (depth === 0) break;
      depth--;
    }
  }
  return children;
}

/** A link to a role file: a relative path to a kebab-case `.md` file, decoded; the name's place in the text. */
function linkReference(mm: Micromark, text: string, start: number, end: number, out: OracleReference[]): void {
  // Each decoded character with the offset it came from.
  let value = '';
  const from: number[] = [];
  let at = start;
  const raw = text.slice(start, end);
  for (const m of raw.matchAll(ESCAPE_OR_REFERENCE)) {
    const matchStart = start + m.index;
    for (; at < matchStart; at++) {
      value += text[at];
      from.push(at);
    }
    const decoded = mm.decodeString(m[0]);
    if (decoded === m[0] && m[0].startsWith('&')) continue;
    for (let k = 0; k < decoded.length; k++) from.push(matchStart);
    value += decoded;
    at = matchStart + m[0].length;
  }
  for (; at < end; at++) {
    value += text[at];
    from.push(at);
  }
  from.push(end);
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('/')) return;
  const path = value.replace(/[?#].*$/, '');
  if (!path.toLowerCase().endsWith('.md')) return;
  const nameStart = path.lastIndexOf('/') + 1;
  let slug: string;
  try {
    slug = decodeURIComponent(path.slice(nameStart, -3));
  } catch {
    return;
  }
  if (SLUG.test(slug)) out.push({ slug, kind: 'link', start: from[nameStart], end: from[path.length - 3] });
}
