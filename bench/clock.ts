/**
 * The benchmark's stopwatch, in its own module because the read floor's
 * process loads it: anything more would be loading the floor does not need.
 */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
