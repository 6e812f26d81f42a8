import { createScanner, SyntaxKind } from 'jsonc-parser';

/** fleet-roles.json needs three levels; past this many a configuration is refused before it is parsed. */
export const MAX_CONFIG_DEPTH = 64;

/**
 * The offset of the first `{` or `[` nested deeper than MAX_CONFIG_DEPTH, if
 * any. jsonc-parser's parseTree recurses once per level, so 100,000 levels
 * overflow the stack; its scanner does not recurse, and skips strings and
 * comments as the parser would.
 */
export function tooDeepAt(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_CONFIG_DEPTH) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth--;
    }
  }
  return undefined;
}
