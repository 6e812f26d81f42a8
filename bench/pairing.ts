/**
 * The arithmetic of a paired comparison of two builds: in which order they
 * run, and how a figure's samples of each read against the other's.
 */
import { median, type Spread, spreadOf } from './stats';

export type Side = 'before' | 'after';

/**
 * The builds' order in each round: before, after; then after, before; and so
 * on (ABBA). A load that rises or falls over the run then weighs on both
 * builds alike, and neither always runs with the other's leftovers in the
 * disk cache.
 */
export function pairingOrder(rounds: number): Side[][] {
  return Array.from({ length: rounds }, (_, r) => (r % 2 === 0 ? ['before', 'after'] : ['after', 'before']));
}

/** Below this change of the medians two builds are read as level; the issue's own threshold. */
export const LEVEL = 0.03;

/**
 * Rounds that must all go one way before a change is read as real: n rounds
 * agree by chance 2 ÷ 2^n of the time, 1 in 16 at 5. On a machine that others
 * load in bursts, a burst can still tilt every figure of a short run one way;
 * a main-against-main run read "better" at 10,000 roles with 3 rounds.
 */
export const CONFIDENT_ROUNDS = 5;

export interface Comparison {
  before: Spread;
  after: Spread;
  /** after's median ÷ before's median − 1. */
  change: number;
  /** after ÷ before − 1 in each round, the samples paired by round. */
  roundChanges: number[];
  /**
   * `level`: the medians within 3%. `worse` / `better`: beyond 3%, and the
   * same way in every one of at least CONFIDENT_ROUNDS rounds. `leans worse`
   * / `leans better`: the same with fewer rounds, which agree by chance too
   * often to conclude (3 rounds: 1 time in 4). `unclear`: beyond 3%, but
   * the rounds disagree, so the difference is no larger than the noise.
   */
  reading: 'level' | 'worse' | 'better' | 'leans worse' | 'leans better' | 'unclear';
}

/** Compares one figure's samples (smaller is better), paired by round: before[i] and after[i] ran in round i. */
export function compare(before: number[], after: number[]): Comparison {
  if (before.length !== after.length) throw new Error(`unpaired samples: ${before.length} before, ${after.length} after`);
  const b = spreadOf(before);
  const a = spreadOf(after);
  const change = a.median / b.median - 1;
  const roundChanges = before.map((x, i) => after[i] / x - 1);
  const confident = before.length >= CONFIDENT_ROUNDS;
  let reading: Comparison['reading'];
  if (Math.abs(change) <= LEVEL) reading = 'level';
  else if (change > 0 && roundChanges.every(c => c > 0)) reading = confident ? 'worse' : 'leans worse';
  else if (change < 0 && roundChanges.every(c => c < 0)) reading = confident ? 'better' : 'leans better';
  else reading = 'unclear';
  return { before: b, after: a, change, roundChanges, reading };
}

/** The median of the rounds' changes: a second estimate of the change, less swayed by a slow drift than the medians' ratio. */
export function pairedChange(comparison: Comparison): number {
  return median(comparison.roundChanges);
}
