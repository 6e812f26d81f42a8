/**
 * Preloaded (`node --require`) into a CLI process the benchmark measures: at
 * exit it writes the process's peak resident set size (VmHWM, in kB) and the
 * CPU time it used (user and system, every thread, in ms) as JSON to file
 * descriptor 3, a pipe the harness opened. Once a child has exited these can
 * no longer be read from outside, and sampling them from outside would miss
 * its last moments. Worker threads share the process (its VmHWM and CPU
 * time), so only the main thread writes.
 */
import { readFileSync, writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('exit', () => {
    const peakRssKb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
    const cpu = process.cpuUsage();
    writeSync(3, JSON.stringify({ peakRssKb, cpuMs: (cpu.user + cpu.system) / 1000 }));
  });
}
