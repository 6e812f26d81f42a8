import type { LineIndex } from '../text/lineIndex';

/**
 * Words that make a path an example of what a skill might hold
 * ("**Examples**: `references/finance.md`", "e.g.") or a path from another
 * root ("the repository root contains `scripts/build.mjs`"): no file of
 * this skill is meant.
 */
const CUE = /\bexamples?\**\s*:|\be\.g\.|\bfor (?:example|instance)\b|\b(?:repository|repo|project|workspace) root\b/i;
const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;
/** How far up a list's lead-in is looked for: a path is rarely further below what introduces it, and each broken path looks once. */
const REACH = 64;

/**
 * Whether the text around the path at `offset` says it is an example or
 * from elsewhere: its paragraph, or for a list item, the item's line and the
 * paragraph that leads into the list ("Example: when building a pdf skill,
 * … 1. A `scripts/rotate_pdf.py` script would help").
 */
export function isExamplePath(lines: LineIndex, offset: number): boolean {
  const line = lines.lineAt(offset);
  if (!LIST_ITEM.test(lines.lineText(line))) return paragraphHasCue(lines, line);
  if (CUE.test(lines.lineText(line))) return true;
  let lead = line - 1;
  const stop = Math.max(0, line - REACH);
  while (lead >= stop && isInList(lines.lineText(lead))) lead--;
  return lead >= stop && paragraphHasCue(lines, lead);
}

/** A list's own lines: items, their indented continuations, and the blanks between. */
function isInList(text: string): boolean {
  return text.trim() === '' || LIST_ITEM.test(text) || /^\s/.test(text);
}

function paragraphHasCue(lines: LineIndex, line: number): boolean {
  const blank = (l: number) => lines.lineText(l).trim() === '';
  let first = line;
  while (first > 0 && line - first < REACH && !blank(first - 1)) first--;
  let last = line;
  while (last + 1 < lines.lineCount && last - line < REACH && !blank(last + 1)) last++;
  for (let l = first; l <= last; l++) if (CUE.test(lines.lineText(l))) return true;
  return false;
}
