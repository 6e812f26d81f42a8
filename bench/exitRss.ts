/**
 * Preloaded (`node --require`) into a CLI process the benchmark measures: at
 * exit it writes the process's peak resident set size (VmHWM, in kB) to file
 * descriptor 3, a pipe the harness opened. Once a child has exited its peak
 * can no longer be read from outside, and sampling it from outside would miss
 * its last moments. Worker threads share the process (and its VmHWM), so only
 * the main thread writes.
 */
import { readFileSync, writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('exit', () => {
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb !== undefined) writeSync(3, kb);
  });
}
