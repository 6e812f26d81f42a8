/**
 * `npm run bench`: fleet-roles against VS Code's Markdown language server on
 * generated libraries of 1,000 and 10,000 roles. Every figure goes through a
 * real process: the bundled server over stdio, the CLI binary, and the
 * peer's server over stdio. Prints a table and writes JSON (and the table as
 * Markdown) to bench-results/.
 *
 * Knobs (environment): BENCH_SIZES=1000,10000  BENCH_RUNS=5 (cold starts and
 * CLI runs; 3 at 10,000 by default)  BENCH_SAMPLES=200 (latency samples)
 * BENCH_DELETES=10  BENCH_PEER=0 (skip the peer)  BENCH_PEER_RUNS  BENCH_PEER_SAMPLES.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { generateLibrary, writeLibrary, type GeneratedLibrary } from './generate';
import { median, percentile } from './lsp';
import { cliCheck, cliFloor, coldStart, emptyServerRss, session, type SessionFigures } from './ours';
import { peerRun, type PeerFigures } from './peer';

const REPO = nodePath.join(__dirname, '..', '..');
const env = (name: string, fallback: number) => (process.env[name] !== undefined ? Number(process.env[name]) : fallback);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const SAMPLES = env('BENCH_SAMPLES', 200);
const DELETES = env('BENCH_DELETES', 10);
const PEER = env('BENCH_PEER', 1) !== 0;
/** BENCH_OURS=0 runs the peer alone (for looking at it, not for the table). */
const OURS = env('BENCH_OURS', 1) !== 0;

interface Row {
  figure: string;
  /** Share of the machine other processes took while fleet-roles was measured at this size. */
  others?: number;
  size: number;
  unit: 'ms' | 'MiB';
  ours: number;
  peer?: number;
  target?: number;
  /** Extra detail for the table, e.g. p50 beside a p95. */
  note?: string;
}

const TARGETS: Record<string, Record<number, number>> = {
  'cold start → every diagnostic': { 1000: 150, 10000: 1000 },
  'fleet-roles check (whole process)': { 1000: 300, 10000: 1500 },
  'keystroke → its diagnostics, p95': { 1000: 5, 10000: 5 },
  'delete → referrers re-checked (a typical role)': { 1000: 20, 10000: 50 },
  'delete → referrers re-checked (a most-named role)': { 1000: 20, 10000: 50 },
  'completion of role names, p95': { 1000: 5, 10000: 10 },
  'go-to-definition, p95': { 1000: 5, 10000: 10 },
  'server peak RSS': { 1000: 80, 10000: 200 },
};

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

/**
 * CPU time of the whole machine (busy, all cores) and of this process with its
 * finished children (the servers and CLIs it ran), in ms. Over a phase, their
 * difference is what other processes took: the benchmark's noise.
 */
function cpuAccount(): { machine: number; own: number; wall: number } {
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
function othersShare(from: ReturnType<typeof cpuAccount>): number {
  const to = cpuAccount();
  const wall = (to.wall - from.wall) * os.cpus().length;
  return wall <= 0 ? 0 : Math.max(0, (to.machine - from.machine - (to.own - from.own)) / wall);
}

/**
 * Waits (up to BENCH_QUIET_WAIT seconds, 120 by default) until other processes
 * leave the machine nearly idle: on a 2-core machine a build or a test run
 * beside the benchmark doubles its figures. Returns the busy share measured last.
 */
async function waitForQuiet(): Promise<number> {
  const limit = env('BENCH_QUIET_WAIT', 120) * 1000;
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

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

const fmt = (v: number | undefined, unit: string) =>
  v === undefined || Number.isNaN(v) ? '—' : unit === 'MiB' ? `${v.toFixed(0)} MiB` : v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(v >= 10 ? 1 : 2)} ms`;

async function benchSize(size: number, rows: Row[], raw: Record<string, unknown>): Promise<void> {
  const library = generateLibrary({ roles: size });
  const root = writeLibrary(library);
  log(`${size} roles in ${root}: ${library.broken} broken references (${library.brokenLinks} links), ${library.files.size} files`);
  const runs = env('BENCH_RUNS', size > 2000 ? 3 : 5);
  const busyBefore = await waitForQuiet();
  const account = cpuAccount();
  try {
    if (!OURS) {
      await peerOnly(root, library, size, raw);
      return;
    }
    // One unmeasured run of each warms the disk cache (the large library's costs dwarf a cold cache).
    if (size <= 2000) {
      await coldStart(root, library);
      await cliCheck(root, library);
    }

    const colds = [];
    for (let i = 0; i < runs; i++) colds.push(await coldStart(root, library));
    log(
      `cold start: ${colds.map(c => c.ms.toFixed(0)).join(', ')} ms (initialize answered at ${colds.map(c => c.initializeMs.toFixed(0)).join(', ')} ms; server CPU ${colds.map(c => c.serverCpuMs).join(', ')} ms)`,
    );
    const clis = [];
    for (let i = 0; i < runs; i++) clis.push(await cliCheck(root, library));
    const floors = [];
    for (let i = 0; i < runs; i++) floors.push(await cliFloor());
    log(`CLI: ${clis.map(c => c.ms.toFixed(0)).join(', ')} ms; fleet-roles --version: ${floors.map(f => f.toFixed(0)).join(', ')} ms`);
    const s: SessionFigures = await session(root, library, SAMPLES, DELETES);
    const others = othersShare(account);
    log(`other processes took ${(others * 100).toFixed(0)}% of the machine while fleet-roles was measured`);
    const deletesOf = (kind: string) => s.deleteRecheck.filter((_, i) => s.deleteKind[i] === kind);
    const referrersOf = (kind: string) => s.referrersPerDelete.filter((_, i) => s.deleteKind[i] === kind);
    log(
      `session: keystroke p95 ${percentile(s.keystroke, 95).toFixed(2)} ms, delete median ${median(deletesOf('typical')).toFixed(1)} ms (hub ${median(deletesOf('hub')).toFixed(1)} ms), completion p95 ${percentile(s.completion, 95).toFixed(2)} ms, definition p95 ${percentile(s.definition, 95).toFixed(2)} ms, RSS ${s.peakRssMiB.toFixed(0)} MiB ${JSON.stringify(s.rssCheckpoints)}`,
    );

    let peer: PeerFigures | undefined;
    const peerValidations: number[] = [];
    if (PEER) {
      const peerRuns = env('BENCH_PEER_RUNS', size > 2000 ? 1 : 3);
      const peerSamples = env('BENCH_PEER_SAMPLES', size > 2000 ? 50 : SAMPLES);
      for (let i = 0; i < peerRuns; i++) {
        const last = i === peerRuns - 1;
        const result = await peerRun(root, library, last ? peerSamples : 0);
        peerValidations.push(result.validation.ms);
        const v = result.validation;
        log(
          `peer validation: ${v.ms.toFixed(0)} ms (first file ${v.firstMs.toFixed(0)} ms; CPU: server ${v.serverCpuMs} ms, harness ${v.harnessCpuMs.toFixed(0)} ms for ${v.parses} parses), ${v.diagnostics} diagnostics, RSS ${v.peakRssMiB.toFixed(0)} MiB`,
        );
        if (last) peer = result;
      }
      log(
        `peer: completion p95 ${percentile(peer!.completion, 95).toFixed(1)} ms, definition p95 ${percentile(peer!.definition, 95).toFixed(1)} ms, RSS ${peer!.peakRssMiB.toFixed(0)} MiB`,
      );
    }

    const p = (xs: number[] | undefined, q: number) => (xs && xs.length > 0 ? percentile(xs, q) : undefined);
    const add = (figure: string, unit: Row['unit'], ours: number, peerValue?: number, note?: string) =>
      rows.push({ figure, size, unit, ours, peer: peerValue, target: TARGETS[figure]?.[size], note, others });
    add(
      'cold start → every diagnostic',
      'ms',
      median(colds.map(c => c.ms)),
      peer ? median(peerValidations) : undefined,
      `median of ${runs}, from spawn; of which node and modules until initialize is answered: ${fmt(median(colds.map(c => c.initializeMs)), 'ms')}; peer: every file opened and pulled, ${peerValidations.length} run(s)`,
    );
    add(
      'fleet-roles check (whole process)',
      'ms',
      median(clis.map(c => c.ms)),
      undefined,
      `median of ${runs}; \`fleet-roles --version\` (node and the CLI's modules alone) takes ${fmt(median(floors), 'ms')}`,
    );
    add(
      'keystroke → its diagnostics, p95',
      'ms',
      percentile(s.keystroke, 95),
      p(peer?.keystroke, 95),
      `p50 ${fmt(percentile(s.keystroke, 50), 'ms')}${peer ? ` (peer ${fmt(p(peer.keystroke, 50), 'ms')})` : ''}, ${s.keystroke.length} edits`,
    );
    for (const [kind, label] of [
      ['typical', 'a typical role'],
      ['hub', 'a most-named role'],
    ] as const) {
      const times = deletesOf(kind);
      const refs = referrersOf(kind);
      if (times.length === 0) continue;
      add(
        `delete → referrers re-checked (${label})`,
        'ms',
        median(times),
        undefined,
        `median of ${times.length} deletes, ${Math.min(...refs)}–${Math.max(...refs)} referrers each; max ${fmt(Math.max(...times), 'ms')}; Deleted → refresh ${fmt(median(s.deleteToRefresh.filter((_, i) => s.deleteKind[i] === kind)), 'ms')}`,
      );
    }
    add(
      'delete → workspace pull of the changes',
      'ms',
      median(s.deleteWorkspacePull),
      undefined,
      'informative: the pull VS Code sends on a refresh, with every result id',
    );
    add(
      'completion of role names, p95',
      'ms',
      percentile(s.completion, 95),
      p(peer?.completion, 95),
      `p50 ${fmt(percentile(s.completion, 50), 'ms')}${peer ? ` (peer ${fmt(p(peer.completion, 50), 'ms')}, path completion in a link)` : ''}`,
    );
    add(
      'go-to-definition, p95',
      'ms',
      percentile(s.definition, 95),
      p(peer?.definition, 95),
      `p50 ${fmt(percentile(s.definition, 50), 'ms')}${peer ? ` (peer ${fmt(p(peer.definition, 50), 'ms')}, link with #fragment)` : ''}`,
    );
    add(
      'server peak RSS',
      'MiB',
      s.peakRssMiB,
      peer?.peakRssMiB,
      `VmHWM after the session (${Object.entries(s.rssCheckpoints)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ')}); peer: after validation and its session`,
    );

    raw[String(size)] = {
      busyBefore,
      othersDuringOurs: others,
      loadavg: os.loadavg(),
      library: { roles: size, files: library.files.size, broken: library.broken, brokenLinks: library.brokenLinks },
      coldStart: colds,
      cli: clis,
      cliVersion: floors,
      session: s,
      peer: peer ? { validations: peerValidations, ...peer } : undefined,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function peerOnly(root: string, library: GeneratedLibrary, size: number, raw: Record<string, unknown>): Promise<void> {
  const result = await peerRun(root, library, env('BENCH_PEER_SAMPLES', 20));
  const v = result.validation;
  log(
    `peer validation: ${v.ms.toFixed(0)} ms (first file ${v.firstMs.toFixed(0)} ms; CPU: server ${v.serverCpuMs} ms, harness ${v.harnessCpuMs.toFixed(0)} ms), RSS ${result.peakRssMiB.toFixed(0)} MiB`,
  );
  log(
    `peer: completion p95 ${percentile(result.completion, 95).toFixed(1)} ms, definition p95 ${percentile(result.definition, 95).toFixed(1)} ms, keystroke p95 ${percentile(result.keystroke, 95).toFixed(1)} ms`,
  );
  raw[String(size)] = { peer: result };
}

function table(rows: Row[]): string {
  const noise = [...new Map(rows.map(r => [r.size, r.others])).entries()]
    .map(([size, share]) => `${size.toLocaleString('en')} roles: ${((share ?? 0) * 100).toFixed(0)}%`)
    .join(', ');
  const lines = [
    `Other processes' share of the machine while fleet-roles was measured: ${noise} (0% is a quiet machine; the peer's runs come after).`,
    '',
    '| figure | roles | fleet-roles | VS Code Markdown LS | ratio (peer ÷ ours) | target | met | notes |',
    '| --- | ---: | ---: | ---: | ---: | ---: | :---: | --- |',
  ];
  for (const r of rows) {
    const ratio = r.peer !== undefined ? `${(r.peer / r.ours).toFixed(r.peer / r.ours >= 10 ? 0 : 1)}×` : '—';
    const target = r.target !== undefined ? `< ${fmt(r.target, r.unit)}` : '—';
    const met = r.target === undefined ? '' : r.ours < r.target ? 'yes' : '**no**';
    lines.push(
      `| ${r.figure} | ${r.size.toLocaleString('en')} | ${fmt(r.ours, r.unit)} | ${fmt(r.peer, r.unit)} | ${ratio} | ${target} | ${met} | ${r.note ?? ''} |`,
    );
  }
  return lines.join('\n');
}

function growth(rows: Row[]): string {
  const sizes = [...new Set(rows.map(r => r.size))].sort((a, b) => a - b);
  if (sizes.length < 2) return '';
  const [small, large] = [sizes[0], sizes[sizes.length - 1]];
  const factor = large / small;
  const allowed = factor * 1.2;
  const lines = [
    `| figure | ${large.toLocaleString('en')} ÷ ${small.toLocaleString('en')} (fleet-roles) | peer | at most | met |`,
    '| --- | ---: | ---: | ---: | :---: |',
  ];
  for (const r of rows.filter(x => x.size === small)) {
    const big = rows.find(x => x.size === large && x.figure === r.figure);
    if (!big) continue;
    const ratio = big.ours / r.ours;
    const peerRatio = r.peer !== undefined && big.peer !== undefined ? `${(big.peer / r.peer).toFixed(1)}×` : '—';
    lines.push(`| ${r.figure} | ${ratio.toFixed(1)}× | ${peerRatio} | ${allowed.toFixed(0)}× | ${ratio <= allowed ? 'yes' : '**no**'} |`);
  }
  return lines.join('\n');
}

function machine(): Record<string, string | number> {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    nproc: os.cpus().length,
    cpu: /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  if (OURS) {
    raw.emptyServerRssMiB = await emptyServerRss();
    log(`server on an empty folder: ${(raw.emptyServerRssMiB as number).toFixed(0)} MiB peak RSS`);
  }
  for (const size of SIZES) await benchSize(size, rows, raw);
  const peerVersion = JSON.parse(readFileSync(nodePath.join(REPO, 'node_modules', 'vscode-markdown-languageserver', 'package.json'), 'utf8')).version as string;
  // Which build was measured: the core changes under the benchmark, and git is not the benchmark's to ask.
  const build = createHash('sha256')
    .update(readFileSync(nodePath.join(REPO, 'dist', 'server.js')))
    .digest('hex')
    .slice(0, 12);
  const info = {
    date: new Date().toISOString(),
    machine: machine(),
    peer: `vscode-markdown-languageserver ${peerVersion}`,
    serverBuild: `dist/server.js sha256 ${build}`,
    samples: SAMPLES,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  const markdown = [
    `fleet-roles benchmark, ${info.date.slice(0, 16).replace('T', ' ')} UTC; ${info.machine.nproc} cores (${info.machine.cpu}), node ${info.machine.node}; ${info.serverBuild}; peer: ${info.peer}`,
    raw.emptyServerRssMiB !== undefined
      ? `fleet-roles server on an empty folder: ${(raw.emptyServerRssMiB as number).toFixed(0)} MiB peak RSS (its fixed cost).`
      : '',
    '',
    table(rows),
    '',
    growth(rows),
    '',
  ].join('\n');
  process.stdout.write(`\n${markdown}\n(total ${info.seconds} s)\n`);
  const dir = nodePath.join(REPO, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify({ ...info, rows, raw }, null, 2);
  const stamp = info.date.replace(/[:.]/g, '-');
  writeFileSync(nodePath.join(dir, `bench-${stamp}.json`), json);
  writeFileSync(nodePath.join(dir, 'latest.json'), json);
  writeFileSync(nodePath.join(dir, 'latest.md'), markdown);
  log(`results in bench-results/latest.json and bench-results/latest.md`);
}

main().catch(error => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
