import { trailingBlanksStart } from './markdown/characters';

/**
 * How much a plain kebab-case name in a labelled list counts. Lists such as
 * "Integration with other agents:" name agents in running prose ("Work with
 * api-designer on the contract"), and the same prose holds compound words
 * ("on self-service", "for qualitative follow-up") that name nothing. Where
 * the name stands decides:
 *
 * - strong: it opens the bullet (`- name: …`, `- name for …`), or follows the
 *   bullet's first word ("Support name"), `with`, `to`, `from` or `by`, or
 *   follows another reference across `,`, `and`, `or`, `&` or `/` ("with a
 *   and b"); and it is a compound word not followed by a noun. A name there
 *   that no role has is an unknown role.
 * - spelling: a single word in such a position ("- architet on the design"):
 *   a reference when a role has that name, reported as a misspelling when it
 *   is a near miss of exactly one role, else prose.
 * - weak: anywhere else ("on self-service", "any content-producing agent"):
 *   a reference when a role has that name, else prose.
 */
export type PlainNameStrength = 'strong' | 'spelling' | 'weak';

/** Words that may follow an agent's name in prose ("with api-designer on the contract"); any other word makes a compound an adjective. */
export const CONNECTIVES: ReadonlySet<string> = new Set([
  'on',
  'for',
  'with',
  'to',
  'in',
  'and',
  'or',
  'when',
  'about',
  'during',
  'regarding',
  'through',
  'via',
  'at',
  'by',
  'as',
  'if',
  'before',
  'after',
  'while',
  'from',
  'into',
  'of',
  'agent',
  'agents',
  'who',
  'which',
  'that',
  'so',
  'then',
  'where',
  'whenever',
  'whose',
]);

/** The bullet's marker, then at most its first word: the name opens the bullet or follows its verb ("Support name"). */
const OPENS_BULLET = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(?:[A-Za-z]+[ \t]+)?$/;
/** A word that hands work to the name that follows ("with", "to", "from", "by"), tested on the few characters before the blanks. */
const HANDS_TO = /(?:^|[\s(])(?:with|to|from|by)$/i;
/** What joins a name to the reference before it ("a, b", "a and b", "a or b", "a & b", "a/b"), markup left out. */
const JOINS = /^[\s*`)\]]*(?:,[ \t]*(?:and|or)?|and|or|&|\/)[ \t]*$/i;

/**
 * `before`: the bullet's text up to the name; `sincePrevious`: the text
 * since the last reference of the bullet, when there is one; `next`: the word
 * right after the name.
 */
export function plainNameStrength(name: string, before: string, sincePrevious: string | undefined, next: string | undefined): PlainNameStrength {
  const placed = OPENS_BULLET.test(before) || handsTo(before) || (sincePrevious !== undefined && JOINS.test(sincePrevious));
  if (!placed) return 'weak';
  // "real-time patterns": a compound word before a noun is an adjective; a name stands before a connective or alone.
  if (next !== undefined && !CONNECTIVES.has(next.toLowerCase())) return 'weak';
  return name.includes('-') ? 'strong' : 'spelling';
}

/**
 * Whether `before` ends with a handing word and blanks. Only its tail is
 * read: the longest word and the character before it, so that a long bullet
 * with many names costs each name a constant, not the bullet's length.
 */
function handsTo(before: string): boolean {
  const end = trailingBlanksStart(before);
  return end < before.length && HANDS_TO.test(before.slice(Math.max(0, end - 5), end));
}
