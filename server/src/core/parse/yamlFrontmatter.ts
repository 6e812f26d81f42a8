import type * as YamlModule from 'yaml';
import type { Document, Node as YamlNode, YAMLMap } from 'yaml';
import type { FrontmatterKey, FrontmatterProblem } from './frontmatterPlaces';

/** What the YAML parser read of a frontmatter: its values, its top-level keys and their places, or the first problem. */
export interface YamlReading {
  data: Map<string, unknown>;
  /** Undefined when the text is not YAML: the keys are then looked for line by line. */
  keys?: FrontmatterKey[];
  /** The document, a mapping, every node with its place in the file's text. */
  document?: Document.Parsed;
  problem?: FrontmatterProblem;
}

/**
 * An alias bomb (`&a [*b, *b, …]` nested) expands to billions of nodes; the
 * parser counts each alias it expands and stops past this many.
 */
const MAX_ALIAS_COUNT = 100;

/**
 * The parser reads about half a megabyte a second: a frontmatter past this
 * (a real one holds a few kilobytes) is refused rather than read for seconds.
 */
const MAX_YAML_CHARS = 512 * 1024;

/**
 * Reads `text`, the file's text up to the closing delimiter with everything
 * before the frontmatter's first line blanked, so that every place the parser
 * gives is the file's own offset. YAML 1.2's core schema, with merge keys; a tag the schema does not
 * know (`!exec`, `!!python/…`) is a problem, never a constructor, and nothing
 * in the text is run.
 */
export function readYaml(text: string): YamlReading {
  if (text.length > MAX_YAML_CHARS) {
    return {
      data: new Map(),
      problem: { kind: 'too-large', limitKiB: MAX_YAML_CHARS / 1024, start: 0, end: text.includes('\n') ? text.indexOf('\n') : text.length },
    };
  }
  // Loaded on first use: most libraries' frontmatter never needs it.
  const yaml = require('yaml') as typeof YamlModule;
  let doc: Document.Parsed;
  let value: unknown;
  try {
    // The parser's own check of unique keys compares every pair of keys of a mapping: sets do it here.
    doc = yaml.parseDocument(text, { merge: true, prettyErrors: false, uniqueKeys: false });
    const failure = doc.errors[0] ?? doc.warnings.find(w => w.code === 'TAG_RESOLVE_FAILED');
    if (failure) {
      // A mapping nested where a value stands: the parser points at the value's start, the cause is the `:` that made it a mapping.
      const colon = failure.code === 'BLOCK_AS_IMPLICIT_KEY' ? /:(?=[ \t\r\n]|$)/g : undefined;
      if (colon) colon.lastIndex = failure.pos[0];
      const at = colon?.exec(text)?.index;
      return {
        data: new Map(),
        problem: at === undefined ? invalidYaml(failure.message, failure.pos[0], failure.pos[1]) : invalidYaml(failure.message, at, at + 1),
      };
    }
    const repeated = repeatedKey(yaml, doc);
    if (repeated) return { data: new Map(), problem: repeated };
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The alias count's ReferenceError, or a stack overflow on nesting too deep to read.
    if (error instanceof ReferenceError && /alias/i.test(error.message))
      return { data: new Map(), problem: { kind: 'alias-expansion', limit: MAX_ALIAS_COUNT, start: 0, end: text.length } };
    return { data: new Map(), problem: invalidYaml(error instanceof Error ? error.message : String(error), 0, text.length) };
  }
  const data = new Map<string, unknown>();
  if (value === null || value === undefined) return { data, keys: [] };
  if (typeof value !== 'object' || Array.isArray(value) || !yaml.isMap(doc.contents)) {
    return { data, keys: [], problem: { kind: 'not-a-mapping', start: 0, end: text.length } };
  }
  for (const key of Object.keys(value)) data.set(key, (value as Record<string, unknown>)[key]);
  return { data, keys: topLevelKeys(yaml, doc.contents, text), document: doc };
}

/** The first key that repeats one before it in the same mapping, as the parser's own check would report it. */
function repeatedKey(yaml: typeof YamlModule, doc: Document.Parsed): FrontmatterProblem | undefined {
  let found: FrontmatterProblem | undefined;
  yaml.visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const { key } of map.items) {
        // A merge key may stand more than once; a key that is not a scalar is compared by no one.
        if (!yaml.isScalar(key) || typeof key.value === 'symbol' || !key.range) continue;
        const name = String(key.value);
        if (seen.has(name)) {
          found = { kind: 'repeated-key', key: name, start: key.range[0], end: key.range[1] };
          return yaml.visit.BREAK;
        }
        seen.add(name);
      }
      return undefined;
    },
  });
  return found;
}

function invalidYaml(reason: string, start: number, end: number): FrontmatterProblem {
  return { kind: 'invalid-yaml', reason, start, end: Math.max(end, start) };
}

/** Each top-level key written as a scalar, with the place of its value (a block scalar's from its first line of text). */
function topLevelKeys(yaml: typeof YamlModule, root: YAMLMap, text: string): FrontmatterKey[] {
  const keys: FrontmatterKey[] = [];
  for (const pair of root.items) {
    const key = pair.key as YamlNode | null;
    if (!yaml.isScalar(key) || !key.range) continue;
    const value = pair.value as YamlNode | null;
    let [valueStart, valueEnd] = value?.range ?? [key.range[1], key.range[1]];
    if (yaml.isScalar(value) && (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED')) {
      const header = text.indexOf('\n', valueStart);
      if (header >= 0 && header < valueEnd) valueStart = header + 1;
      while (valueStart < valueEnd && /\s/.test(text[valueStart])) valueStart++;
    }
    while (valueEnd > valueStart && /\s/.test(text[valueEnd - 1])) valueEnd--;
    // The merge key `<<` is read as a symbol.
    keys.push({
      key: typeof key.value === 'symbol' ? text.slice(key.range[0], key.range[1]) : String(key.value),
      keyStart: key.range[0],
      keyEnd: key.range[1],
      valueStart,
      valueEnd,
    });
  }
  return keys;
}
