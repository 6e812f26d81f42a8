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

export interface Comparison {
  before: Spread;
  after: Spread;
  /** after's median ÷ before's median − 1. */
  change: number;
  /** after ÷ before − 1 in each round, the samples paired by round. */
  roundChanges: number[];
  /**
   * `level`: the medians within 3%. `worse` / `better`: beyond 3%, and the
   * same way in every round. `unclear`: beyond 3%, but the rounds disagree,
   * so the difference is no larger than the noise.
   */
  reading: 'level' | 'worse' | 'better' | 'unclear';
}

/** Compares one figure's samples (smaller is better), paired by round: before[i] and after[i] ran in round i. */
export function compare(before: number[], after: number[]): Comparison {
  if (before.length !== after.length) throw new Error(`unpaired samples: ${before.length} before, ${after.length} after`);
  const b = spreadOf(before);
  const a = spreadOf(after);
  const change = a.median / b.median - 1;
  const roundChanges = before.map((x, i) => after[i] / x - 1);
  let reading: Comparison['reading'];
  if (Math.abs(change) <= LEVEL) reading = 'level';
  else if (change > 0 && roundChanges.every(c => c > 0)) reading = 'worse';
  else if (change < 0 && roundChanges.every(c => c < 0)) reading = 'better';
  else reading = 'unclear';
  return { before: b, after: a, change, roundChanges, reading };
}

/** The median of the rounds' changes: a second estimate of the change, less swayed by a slow drift than the medians' ratio. */
export function pairedChange(comparison: Comparison): number {
  return median(comparison.roundChanges);
}
