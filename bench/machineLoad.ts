/**
 * The machine under the benchmark: what it is, how busy other processes keep
 * it, and waiting for it to settle. On a shared 2-core machine a build or a
 * test run beside the benchmark doubles its figures, so every run says how
 * much of the machine others took.
 */
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import { log } from './log';

/** Share of the machine's CPU time that was busy over `ms`, from /proc/stat. */
async function busyShare(ms = 1000): Promise<number> {
  const sample = () => {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] ?? 0);
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  };
  const a = sample();
  await new Promise(r => setTimeout(r, ms));
  const b = sample();
  return b.total === a.total ? 0 : 1 - (b.idle - a.idle) / (b.total - a.total);
}

export interface CpuAccount {
  machine: number;
  own: number;
  wall: number;
}

/**
 * CPU time of the whole machine (busy, all cores) and of this process with its
 * finished children (the servers and CLIs it ran), in ms. Over a phase, their
 * difference is what other processes took: the benchmark's noise.
 */
export function cpuAccount(): CpuAccount {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const busy = fields.reduce((a, b) => a + b, 0) - fields[3] - (fields[4] ?? 0);
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return { machine: busy * 10, own: (f[11] + f[12] + f[13] + f[14]) * 10, wall: Date.now() };
}

/** Share of the machine (all cores) that other processes used since `from`. */
export function othersShare(from: CpuAccount): number {
  const to = cpuAccount();
  const wall = (to.wall - from.wall) * os.cpus().length;
  return wall <= 0 ? 0 : Math.max(0, (to.machine - from.machine - (to.own - from.own)) / wall);
}

/**
 * Waits (up to BENCH_QUIET_WAIT seconds, 120 by default) until other processes
 * leave the machine nearly idle. Returns the busy share measured last.
 */
export async function waitForQuiet(): Promise<number> {
  const limit = Number(process.env.BENCH_QUIET_WAIT ?? 120) * 1000;
  const started = Date.now();
  let busy = await busyShare();
  while (busy > 0.1 && Date.now() - started < limit) {
    log(`the machine is ${(busy * 100).toFixed(0)}% busy with other work: waiting for it to settle`);
    await new Promise(r => setTimeout(r, 4000));
    busy = await busyShare();
  }
  if (busy > 0.1) log(`still ${(busy * 100).toFixed(0)}% busy after ${limit / 1000} s: measuring anyway (the figures will be high)`);
  return busy;
}

export function machine(): Record<string, string | number> {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    nproc: os.cpus().length,
    cpu: /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}
