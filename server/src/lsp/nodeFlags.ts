import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The node flags the extension starts the server with (and the benchmark,
 * which measures the server as the extension runs it). The server's garbage
 * is short-lived and its live heap small, but V8's semi-spaces grow to 16 MiB
 * each: one MiB keeps the young generation from doubling a small server's
 * RSS, and on this project's machines a cold start was faster with it, not
 * slower (less fresh memory to fault in). A semi-space's size is fixed when
 * the heap is made, so it can only be a launch flag.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1'];

/**
 * After the load, lets the old generation grow only 20% past what is live
 * before it is collected, and collects once so that this holds from now on.
 * V8 otherwise lets it grow several-fold, and every workspace pull brings
 * garbage (a megabyte of result ids at 10,000 roles): twenty pulls took the
 * peak RSS from 157 to 303 MiB, and to 188 with this. Not a launch flag:
 * during the load nearly everything allocated stays live, and collecting at
 * every 20% of growth cost 15% of its time. V8 reads the growth flag at every
 * collection; the one collection here (60 ms at 10,000 roles) makes it apply
 * at once instead of after the load's last, much higher limit.
 */
export function keepHeapNearLive(): void {
  setFlagsFromString('--heap-growing-percent=20');
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as (() => void) | undefined;
  collect?.();
}
