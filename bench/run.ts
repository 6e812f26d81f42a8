/**
 * `npm run bench`: fleet-roles against VS Code's Markdown language server on
 * generated libraries of 1,000, 10,000 and 50,000 roles. Every figure goes
 * through a real process: the bundled server over stdio, the CLI binary, the
 * read floor's process, and the peer's server over stdio. Prints a table and
 * writes JSON (and the table as Markdown) to bench-results/.
 *
 * `npm run bench -- --against DIR` instead runs DIR's build and this one
 * alternately and compares them figure by figure (see paired.ts).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { type Build, buildAt, REPO } from './build';
import { doneWhenTable } from './doneWhen';
import { FIGURE, type FigureName, type LoadRound, loadValues, measureLoad, sessionValues, TARGETS, unitOf } from './figures';
import { formatRatio, formatValue, type Unit } from './format';
import { generateLibrary, writeLibrary, type GeneratedLibrary } from './generate';
import { log } from './log';
import { cpuAccount, machine, othersShare, waitForQuiet } from './machineLoad';
import { chooseOpenedFile } from './openedFile';
import { againstArgument, DELETES, OURS, PEER, PEER_MAX, peerRunsAt, peerSamplesAt, runsAt, SAMPLES, SESSION_MAX, SIZES } from './options';
import { cliFloor, emptyServerRss, session, type SessionFigures } from './ours';
import { pairedMain } from './paired';
import { peerRun, type PeerFigures } from './peer';
import { median, percentile, ratio } from './stats';

interface Row {
  figure: FigureName;
  /** Share of the machine other processes took while fleet-roles was measured at this size. */
  others?: number;
  size: number;
  unit: Unit;
  ours: number;
  /** The median read floor at this size (ms), which every time is also shown as a multiple of. */
  floor: number;
  peer?: number;
  target?: number;
  /** Extra detail for the table, e.g. p50 beside a p95. */
  note?: string;
}

async function benchSize(build: Build, size: number, rows: Row[], raw: Record<string, unknown>): Promise<void> {
  const sizeStarted = Date.now();
  const library = generateLibrary({ roles: size });
  const root = writeLibrary(library);
  const opened = chooseOpenedFile(library);
  log(`${size} roles in ${root}: ${library.broken} broken references (${library.brokenLinks} links), ${library.files.size} files; the opened file: ${opened}`);
  const runs = runsAt(size);
  const busyBefore = await waitForQuiet();
  const account = cpuAccount();
  try {
    if (!OURS) {
      await peerOnly(root, library, size, raw);
      return;
    }
    // One unmeasured round warms the disk cache (the large libraries' costs dwarf a cold cache).
    if (size <= 2000) await measureLoad(build, root, library, opened);

    const rounds: LoadRound[] = [];
    for (let i = 0; i < runs; i++) rounds.push(await measureLoad(build, root, library, opened));
    const list = (f: (r: LoadRound) => number) => rounds.map(r => f(r).toFixed(0)).join(', ');
    log(`cold start: ${list(r => r.cold.ms)} ms (initialize answered at ${list(r => r.cold.initializeMs)} ms; server CPU ${list(r => r.cold.serverCpuMs)} ms)`);
    log(`opened file: ${list(r => r.opened.ms)} ms (first answer at ${list(r => r.opened.firstAnswerMs)} ms; pulls ${list(r => r.opened.pulls)})`);
    log(
      `read floor: ${list(r => r.floor.ms)} ms (reads alone ${list(r => r.floor.readMs)} ms); check: ${list(r => r.check.ms)} ms, peak RSS ${list(r => r.check.peakRssMiB)} MiB`,
    );
    const versions = [];
    for (let i = 0; i < runs; i++) versions.push(await cliFloor(build));
    const s: SessionFigures | undefined = size <= SESSION_MAX ? await session(build, root, library, SAMPLES, DELETES) : undefined;
    const others = othersShare(account);
    log(`other processes took ${(others * 100).toFixed(0)}% of the machine while fleet-roles was measured`);
    if (s) log(`session: ${JSON.stringify(sessionValues(s))}, RSS ${JSON.stringify(s.rssCheckpoints)}`);

    let peer: PeerFigures | undefined;
    const peerValidations: number[] = [];
    if (PEER && size <= PEER_MAX) {
      const peerRuns = peerRunsAt(size);
      for (let i = 0; i < peerRuns; i++) {
        const last = i === peerRuns - 1;
        const result = await peerRun(root, library, last ? peerSamplesAt(size) : 0);
        peerValidations.push(result.validation.ms);
        const v = result.validation;
        log(
          `peer validation: ${v.ms.toFixed(0)} ms (first file ${v.firstMs.toFixed(0)} ms; CPU: server ${v.serverCpuMs} ms, harness ${v.harnessCpuMs.toFixed(0)} ms for ${v.parses} parses), ${v.diagnostics} diagnostics, RSS ${v.peakRssMiB.toFixed(0)} MiB`,
        );
        if (last) peer = result;
      }
    }

    const floor = median(rounds.map(r => r.floor.ms));
    const add = (figure: FigureName, ours: number | undefined, peerValue?: number, note?: string) => {
      if (ours !== undefined) rows.push({ figure, size, unit: unitOf(figure), ours, floor, peer: peerValue, target: TARGETS[figure]?.[size], note, others });
    };
    const load = (figure: FigureName) => median(rounds.map(r => loadValues(r)[figure] as number));
    const ms = (v: number) => formatValue(v, 'ms');
    add(
      FIGURE.cold,
      load(FIGURE.cold),
      peer ? median(peerValidations) : undefined,
      `median of ${runs}, from spawn; of which node and modules until initialize is answered: ${ms(median(rounds.map(r => r.cold.initializeMs)))}${peer ? `; peer: every file opened and pulled, ${peerValidations.length} run(s)` : ''}`,
    );
    const referrers = library.referrers.get(nodePath.basename(opened, '.md'))?.length ?? 0;
    add(
      FIGURE.opened,
      load(FIGURE.opened),
      undefined,
      `median of ${runs}, from spawn: didOpen of \`${opened}\` (${referrers} referrers, the median; 1 broken reference) and a pull of its diagnostics; first answer ${ms(median(rounds.map(r => r.opened.firstAnswerMs)))}, ${Math.max(...rounds.map(r => r.opened.pulls))} pull(s) at most; ${formatRatio(ratio(load(FIGURE.opened), load(FIGURE.cold)))} of every file's`,
    );
    add(
      FIGURE.floor,
      floor,
      undefined,
      `median of ${runs}: node lists the folders and reads all ${library.markdownFiles} Markdown files' text, spawn to exit; the reads alone ${ms(median(rounds.map(r => r.floor.readMs)))}`,
    );
    add(
      FIGURE.check,
      load(FIGURE.check),
      undefined,
      `median of ${runs}; \`fleet-roles --version\` (node and the CLI's modules alone) takes ${ms(median(versions))}`,
    );
    const cpuNote = 'user and system, every thread; steadier than the wall time when other processes share the machine';
    add(FIGURE.coldCpu, load(FIGURE.coldCpu), undefined, `median of ${runs}: the server's, up to the answer (10 ms resolution); ${cpuNote}`);
    add(FIGURE.openedCpu, load(FIGURE.openedCpu), undefined, `median of ${runs}: the server's, up to the answer (10 ms resolution); ${cpuNote}`);
    add(FIGURE.checkCpu, load(FIGURE.checkCpu), undefined, `median of ${runs}: the CLI's, at its exit; ${cpuNote}`);
    add(FIGURE.checkRss, load(FIGURE.checkRss), undefined, `median of ${runs}: VmHWM at the CLI's exit`);
    add(FIGURE.loadRss, load(FIGURE.loadRss), undefined, `median of ${runs}: VmHWM at the cold start's answer`);
    if (s) {
      const values = sessionValues(s);
      const deletesOf = (kind: string) => s.deleteRecheck.filter((_, i) => s.deleteKind[i] === kind);
      const p50 = (xs: number[] | undefined) => (xs && xs.length > 0 ? ms(percentile(xs, 50)) : '—');
      add(
        FIGURE.keystroke,
        values[FIGURE.keystroke],
        peer ? percentile(peer.keystroke, 95) : undefined,
        `p50 ${p50(s.keystroke)}${peer ? ` (peer ${p50(peer.keystroke)})` : ''}, ${s.keystroke.length} edits`,
      );
      for (const [kind, figure] of [
        ['typical', FIGURE.deleteTypical],
        ['hub', FIGURE.deleteHub],
      ] as const) {
        const times = deletesOf(kind);
        const refs = s.referrersPerDelete.filter((_, i) => s.deleteKind[i] === kind);
        if (times.length === 0) continue;
        add(
          figure,
          values[figure],
          undefined,
          `median of ${times.length} deletes, ${Math.min(...refs)}–${Math.max(...refs)} referrers each; max ${ms(Math.max(...times))}; Deleted → refresh ${ms(median(s.deleteToRefresh.filter((_, i) => s.deleteKind[i] === kind)))}`,
        );
      }
      add(FIGURE.deletePull, values[FIGURE.deletePull], undefined, 'informative: the pull VS Code sends on a refresh, with every result id');
      add(
        FIGURE.completion,
        values[FIGURE.completion],
        peer ? percentile(peer.completion, 95) : undefined,
        `p50 ${p50(s.completion)}${peer ? ` (peer ${p50(peer.completion)}, path completion in a link)` : ''}`,
      );
      add(
        FIGURE.definition,
        values[FIGURE.definition],
        peer ? percentile(peer.definition, 95) : undefined,
        `p50 ${p50(s.definition)}${peer ? ` (peer ${p50(peer.definition)}, link with #fragment)` : ''}`,
      );
      add(
        FIGURE.sessionRss,
        values[FIGURE.sessionRss],
        peer?.peakRssMiB,
        `VmHWM after the session (${Object.entries(s.rssCheckpoints)
          .map(([k, v]) => `${k} ${v.toFixed(0)}`)
          .join(', ')})${peer ? '; peer: after validation and its session' : ''}`,
      );
    }

    raw[String(size)] = {
      busyBefore,
      othersDuringOurs: others,
      loadavg: os.loadavg(),
      seconds: Math.round((Date.now() - sizeStarted) / 1000),
      library: { roles: size, files: library.files.size, broken: library.broken, brokenLinks: library.brokenLinks, opened },
      rounds,
      cliVersion: versions,
      session: s,
      peer: peer ? { validations: peerValidations, ...peer } : undefined,
    };
    log(`${size} roles took ${Math.round((Date.now() - sizeStarted) / 1000)} s`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function peerOnly(root: string, library: GeneratedLibrary, size: number, raw: Record<string, unknown>): Promise<void> {
  const result = await peerRun(root, library, Number(process.env.BENCH_PEER_SAMPLES ?? 20));
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
    '| figure | roles | fleet-roles | ÷ read floor | VS Code Markdown LS | ratio (peer ÷ ours) | target | met | notes |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: | --- |',
  ];
  for (const r of rows) {
    const target = r.target !== undefined ? `< ${formatValue(r.target, r.unit)}` : '—';
    const met = r.target === undefined ? '' : r.ours < r.target ? 'yes' : '**no**';
    const overFloor = r.unit === 'ms' ? formatRatio(ratio(r.ours, r.floor)) : '—';
    lines.push(
      `| ${r.figure} | ${r.size.toLocaleString('en')} | ${formatValue(r.ours, r.unit)} | ${overFloor} | ${formatValue(r.peer, r.unit)} | ${formatRatio(ratio(r.peer, r.ours))} | ${target} | ${met} | ${r.note ?? ''} |`,
    );
  }
  return lines.join('\n');
}

/** Each larger size against the smallest: issue 6 allowed 1.2× the growth of the library. */
function growth(rows: Row[]): string {
  const sizes = [...new Set(rows.map(r => r.size))].sort((a, b) => a - b);
  const small = sizes[0];
  const tables = sizes.slice(1).map(large => {
    const allowed = (large / small) * 1.2;
    const lines = [
      `| figure | ${large.toLocaleString('en')} ÷ ${small.toLocaleString('en')} (fleet-roles) | peer | at most | met |`,
      '| --- | ---: | ---: | ---: | :---: |',
    ];
    for (const r of rows.filter(x => x.size === small)) {
      const big = rows.find(x => x.size === large && x.figure === r.figure);
      if (!big) continue;
      const grown = big.ours / r.ours;
      lines.push(
        `| ${r.figure} | ${formatRatio(grown)} | ${formatRatio(ratio(big.peer, r.peer))} | ${allowed.toFixed(0)}× | ${grown <= allowed ? 'yes' : '**no**'} |`,
      );
    }
    return lines.join('\n');
  });
  return tables.join('\n\n');
}

async function main(): Promise<void> {
  const against = againstArgument(process.argv.slice(2));
  const build = buildAt(REPO, 'this checkout');
  if (against !== undefined) return pairedMain(buildAt(against, against), build);
  const started = Date.now();
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  if (OURS) {
    raw.emptyServerRssMiB = await emptyServerRss(build);
    log(`server on an empty folder: ${(raw.emptyServerRssMiB as number).toFixed(0)} MiB peak RSS`);
  }
  for (const size of SIZES) await benchSize(build, size, rows, raw);
  const peerVersion = JSON.parse(readFileSync(nodePath.join(REPO, 'node_modules', 'vscode-markdown-languageserver', 'package.json'), 'utf8')).version as string;
  const info = {
    date: new Date().toISOString(),
    machine: machine(),
    peer: `vscode-markdown-languageserver ${peerVersion}`,
    // Which build was measured: the core changes under the benchmark, and git is not the benchmark's to ask.
    serverBuild: `dist/server.js sha256 ${build.serverHash}`,
    samples: SAMPLES,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  const find = (figure: FigureName, size: number) => rows.find(r => r.figure === figure && r.size === size);
  const markdown = [
    `fleet-roles benchmark, ${info.date.slice(0, 16).replace('T', ' ')} UTC; ${info.machine.nproc} cores (${info.machine.cpu}), node ${info.machine.node}; ${info.serverBuild}; peer: ${info.peer}`,
    raw.emptyServerRssMiB !== undefined
      ? `fleet-roles server on an empty folder: ${(raw.emptyServerRssMiB as number).toFixed(0)} MiB peak RSS (its fixed cost).`
      : '',
    '',
    doneWhenTable({ ours: (f, size) => find(f, size)?.ours, peer: (f, size) => find(f, size)?.peer }),
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
