/** The seven kinds of HTML block of CommonMark 0.31: how each starts, and how kinds 1 to 5 end. */

const BLOCK_NAMES =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const ATTRIBUTE = `(?:[ \\t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \\t]*=[ \\t]*(?:[^"'<=>\`\\t\\n\\r ]+|'[^'\\n\\r]*'|"[^"\\n\\r]*"))?)`;

const STARTS: RegExp[] = [
  /<(?:script|pre|style|textarea)(?:[ \t>]|$)/iy,
  /<!--/y,
  /<\?/y,
  /<![A-Za-z]/y,
  /<!\[CDATA\[/y,
  new RegExp(`</?(?:${BLOCK_NAMES})(?:[ \\t]|/?>|$)`, 'iy'),
  new RegExp(
    `(?:<(?!(?:script|pre|style|textarea)(?![A-Za-z0-9-]))[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*[ \\t]*/?>|</[A-Za-z][A-Za-z0-9-]*[ \\t]*>)[ \\t]*$`,
    'iy',
  ),
];

const ENDS: RegExp[] = [/<\/(?:script|pre|style|textarea)>/i, /-->/, /\?>/, />/, /\]\]>/];

/** The kind (1 to 7) of HTML block that the line starts at `at`, or 0; kind 7 cannot interrupt a paragraph. */
export function htmlBlockStart(line: string, at: number, canInterruptParagraph: boolean): number {
  for (let kind = 1; kind <= 7; kind++) {
    if (kind === 7 && !canInterruptParagraph) return 0;
    const re = STARTS[kind - 1];
    re.lastIndex = at;
    if (re.test(line)) return kind;
  }
  return 0;
}

/** Whether the text of a line (from where the block's content starts on it) ends an HTML block of kind 1 to 5. */
export function endsHtmlBlock(kind: number, text: string): boolean {
  return kind <= 5 && ENDS[kind - 1].test(text);
}
