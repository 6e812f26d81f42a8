/** A compiled pattern, as the checks use it: whether it matches somewhere in a text. */
export interface Pattern {
  test(text: string): boolean;
}

/**
 * Why a configuration's pattern is refused, or undefined when it can run.
 * A pattern from a workspace is run under RE2 (re2js), whose time is linear
 * in the text: JavaScript's own engine backtracks, and `^(a+)+$` against 32
 * letters and a `!` would never end. RE2 has no backreferences and no
 * lookaround; a pattern that needs them cannot be bounded, and is refused.
 */
export function unboundedPatternReason(source: string): string | undefined {
  try {
    new RegExp(source, 'u');
  } catch {
    return 'it is not a valid regular expression';
  }
  // re2js's translation would read `\k<name>` as the letters "k<name>": a backreference by name, refused here as RE2 refuses `\1`.
  if (hasNamedBackreference(source)) return 'a backreference (\\k<…>) cannot run in linear time';
  try {
    compileLinear(source);
    return undefined;
  } catch (error) {
    const why = String((error as Error).message ?? error).replace(/^error parsing regexp: /, '');
    return `it cannot run in linear time (${why}): backreferences and lookaround are not supported`;
  }
}

/** A configuration's pattern, under the linear-time engine; unboundedPatternReason has accepted it. */
export function compileLinear(source: string): Pattern {
  // Loaded only for a format that has patterns of its own: most libraries have none.
  const { RE2JS } = require('re2js') as typeof import('re2js');
  return RE2JS.compile(RE2JS.translateRegExp(source));
}

function hasNamedBackreference(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== '\\') continue;
    if (source[i + 1] === 'k') return true;
    i++;
  }
  return false;
}
