/** How many names a message lists of a long list: more than any built-in list (20 tools, 16 domains) has, so their messages stay whole. */
export const NAMED_IN_FULL = 24;

/**
 * Names, for a message: all of a short list, the first few of a long one
 * and how many more ("a, b, c, … (97 more)"). A format may list 100,000
 * values, and a message that copied them into each diagnostic of each file
 * would hold gigabytes.
 */
export function namedSample(names: readonly string[], max = NAMED_IN_FULL): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')}, … (${names.length - max} more)`;
}
