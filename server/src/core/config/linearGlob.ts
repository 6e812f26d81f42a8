import picomatch from 'picomatch';
import { compileLinear } from './userPattern';

/**
 * The lookaheads picomatch writes into every expression: "something
 * follows" and "not a `.` or `..` segment". Neither can change the answer
 * for a real file's relative path (never empty, never with such a segment),
 * and RE2 has no lookahead, so they are left out.
 */
const HARMLESS_LOOKAHEADS = ['(?=.)', '(?!\\.{1,2}(?:\\/|$))', '(?!(?:^|\\/)\\.{1,2}(?:\\/|$))'];

/**
 * A glob of the configuration (`exclude`, a format's `documents`) as a
 * matcher of relative paths. picomatch reads the glob as it always did; its
 * expression runs under RE2, in time linear in the path: on JavaScript's
 * engine `+(+(a))b`, or `*a*a*a*a*a*a*b`, against a long name never ends.
 * A leading `!` negates, as picomatch's own matcher does.
 */
export function compileGlob(glob: string): (path: string) => boolean {
  const negated = glob.startsWith('!') && !glob.startsWith('!(');
  const pattern = compileLinear(linearSource(negated ? glob.slice(1) : glob));
  return path => pattern.test(path) !== negated;
}

/** Why a glob is refused, or undefined when compileGlob can match it in linear time. */
export function unboundedGlobReason(glob: string): string | undefined {
  try {
    compileGlob(glob);
    return undefined;
  } catch {
    return 'it cannot be matched in linear time (a negated extglob such as !(…) needs backtracking); list what to match instead';
  }
}

function linearSource(glob: string): string {
  let source = picomatch.makeRe(glob, { dot: true }).source;
  for (const lookahead of HARMLESS_LOOKAHEADS) source = source.split(lookahead).join('');
  return source;
}
