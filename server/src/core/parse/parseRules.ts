import { isDocumentName } from '../util/slug';

/** How a reference may be written where references stand: bold and links count anywhere, code spans and plain names only there. */
/** `body`: agent names in the whole body, by where they stand (see bodyReferences). */
export const REFERENCE_FORMS = ['bold', 'link', 'code', 'plain', 'body'] as const;
export type ReferenceForm = (typeof REFERENCE_FORMS)[number];

/** Where a key may be declared: in the frontmatter, as an inline code span `key: value` in the lead, or either. */
export const DECLARATION_PLACES = ['frontmatter', 'inline', 'both'] as const;
export type DeclarationPlace = (typeof DECLARATION_PLACES)[number];

/** What a declared value must be; the configuration's `type` takes these. `map`: names to text (Agent Skills' `metadata`). */
export const VALUE_TYPES = ['string', 'boolean', 'list', 'number', 'map', 'any'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** What the parse needs to know of a declared key. */
export interface DeclaredKey {
  key: string;
  in: DeclarationPlace;
  type: ValueType;
}

/**
 * What a library's format tells the parse of a role file: the parse is
 * below the configuration, so the format hands it these rules, compiled.
 */
export interface ParseRules {
  /** The end of a role file's name, '.md' or '.agent.md': the role's name is the file name without it. */
  extension: string;
  /** Role files have this name exactly, one per folder, and the folder's name is the role's (Agent Skills' `SKILL.md`). */
  roleFile?: string;
  /** Whether a file of the library is a document (read for references, not checked as a role). */
  isDocument(stem: string, path: string): boolean;
  /**
   * Sections, lower-cased, in which every reference must name a role and every bullet should name one (the fleet's Boundaries).
   * Sets, as the labels: each heading and line is looked up, and a format may list 100,000 of either.
   */
  referenceSections: ReadonlySet<string>;
  /** Label lines, lower-cased without their colon, whose following list names roles ("integration with other agents"). */
  referenceLabels: ReadonlySet<string>;
  /** Forms beyond bold and links that count as references in those sections and lists. */
  referenceForms: readonly ReferenceForm[];
  /** Frontmatter keys whose values name roles: `agents`, `agents[]`, `handoffs[].agent`. */
  referenceKeys: readonly string[];
  /** Tool rules whose arguments name agents (`Agent(worker, researcher)`), and the keys that list tools. */
  toolRules?: { keys: readonly string[]; rules: readonly string[] };
}

/** The fleet's rules, as its contract states them: what a parse without a library's format uses. */
export const FLEET_PARSE_RULES: ParseRules = {
  extension: '.md',
  isDocument: stem => isDocumentName(stem),
  referenceSections: new Set(['boundaries']),
  referenceLabels: new Set(),
  referenceForms: [],
  referenceKeys: [],
};

/** A label line's text as it is compared: no heading marks, emphasis or colon, lower case, single spaces. */
export function labelLineKey(text: string): string {
  return text
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/[*_]/g, '')
    .replace(/:\s*$/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}
