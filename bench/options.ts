/**
 * The benchmark's knobs, from the environment and the command line, read
 * once. See BENCHMARKS.md, "Running it".
 */
import * as nodePath from 'node:path';

const env = (name: string, fallback: number) => (process.env[name] !== undefined ? Number(process.env[name]) : fallback);

export const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
/** Rounds of cold start, opened file, read floor and CLI run per size. */
export const runsAt = (size: number) => env('BENCH_RUNS', size > 2000 ? 3 : 5);
/** Rounds of each build in a paired run, at every size: enough for a reading (see CONFIDENT_ROUNDS). */
export const PAIRED_ROUNDS = env('BENCH_ROUNDS', 5);
export const SAMPLES = env('BENCH_SAMPLES', 200);
export const DELETES = env('BENCH_DELETES', 10);
/**
 * The editing session (keystrokes, completion, definition, deletes: issue 6's
 * figures) runs up to this size; above it only the load figures are measured.
 */
export const SESSION_MAX = env('BENCH_SESSION_MAX', 10000);
export const PEER = env('BENCH_PEER', 1) !== 0;
/** The peer takes a minute and 2 GB at 10,000 roles, and grows faster than linearly: not above this size. */
export const PEER_MAX = env('BENCH_PEER_MAX', 10000);
export const peerRunsAt = (size: number) => env('BENCH_PEER_RUNS', size > 2000 ? 1 : 3);
export const peerSamplesAt = (size: number) => env('BENCH_PEER_SAMPLES', size > 2000 ? 50 : SAMPLES);
/** BENCH_OURS=0 runs the peer alone (for looking at it, not for the table). */
export const OURS = env('BENCH_OURS', 1) !== 0;

/** `--against DIR`: a paired run of DIR's build (before) and this checkout's (after). */
export function againstArgument(argv: string[]): string | undefined {
  const at = argv.indexOf('--against');
  if (at < 0) return undefined;
  const dir = argv[at + 1];
  if (dir === undefined || dir.startsWith('--')) throw new Error('--against needs the folder of the other build (a checkout where `npm run build` ran)');
  return nodePath.resolve(dir);
}
