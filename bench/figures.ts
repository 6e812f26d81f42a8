/**
 * The figures the benchmark reports, by name, and one round of the load
 * figures of a build: a cold start, the opened file, the read floor and a
 * `check`, one after the other, so that a drift of the machine's load weighs
 * on all of them alike.
 */
import type { Build } from './build';
import type { Unit } from './format';
import type { GeneratedLibrary } from './generate';
import { type OpenedFile, openedFile } from './openedFile';
import { type CliRun, type ColdStart, cliCheck, coldStart, type SessionFigures } from './ours';
import { type ReadFloor, readFloor } from './readFloor';
import { median, percentile } from './stats';

export const FIGURE = {
  cold: 'cold start → every diagnostic',
  coldCpu: 'cold start → every diagnostic, server CPU time',
  opened: "cold start → the opened file's diagnostics",
  openedCpu: "cold start → the opened file's diagnostics, server CPU time",
  check: 'fleet-roles check (whole process)',
  checkCpu: 'fleet-roles check, CPU time',
  checkRss: 'fleet-roles check peak RSS',
  floor: "read floor: every file's text (whole process)",
  loadRss: 'server peak RSS after the load',
  keystroke: 'keystroke → its diagnostics, p95',
  deleteTypical: 'delete → referrers re-checked (a typical role)',
  deleteHub: 'delete → referrers re-checked (a most-named role)',
  deletePull: 'delete → workspace pull of the changes',
  completion: 'completion of role names, p95',
  definition: 'go-to-definition, p95',
  sessionRss: 'server peak RSS',
} as const;

export type FigureName = (typeof FIGURE)[keyof typeof FIGURE];

const MEMORY: ReadonlySet<FigureName> = new Set([FIGURE.checkRss, FIGURE.loadRss, FIGURE.sessionRss]);

/** Memory figures are in MiB, every other is a time. */
export function unitOf(figure: FigureName): Unit {
  return MEMORY.has(figure) ? 'MiB' : 'ms';
}

/** Issue 6's targets, by figure and size. */
export const TARGETS: Partial<Record<FigureName, Record<number, number>>> = {
  [FIGURE.cold]: { 1000: 150, 10000: 1000 },
  [FIGURE.check]: { 1000: 300, 10000: 1500 },
  [FIGURE.keystroke]: { 1000: 5, 10000: 5 },
  [FIGURE.deleteTypical]: { 1000: 20, 10000: 50 },
  [FIGURE.deleteHub]: { 1000: 20, 10000: 50 },
  [FIGURE.completion]: { 1000: 5, 10000: 10 },
  [FIGURE.definition]: { 1000: 5, 10000: 10 },
  [FIGURE.sessionRss]: { 1000: 80, 10000: 200 },
};

export interface LoadRound {
  cold: ColdStart;
  opened: OpenedFile;
  floor: ReadFloor;
  check: CliRun;
}

/** One of each load figure for `build`, the opened file being `opened` (see chooseOpenedFile). */
export async function measureLoad(build: Build, root: string, library: GeneratedLibrary, opened: string): Promise<LoadRound> {
  const cold = await coldStart(build, root, library);
  const open = await openedFile(build, root, library, opened);
  const floor = await readFloor(root, library);
  const check = await cliCheck(build, root, library);
  return { cold, opened: open, floor, check };
}

export function loadValues(round: LoadRound): Partial<Record<FigureName, number>> {
  return {
    [FIGURE.cold]: round.cold.ms,
    [FIGURE.coldCpu]: round.cold.serverCpuMs,
    [FIGURE.opened]: round.opened.ms,
    [FIGURE.openedCpu]: round.opened.serverCpuMs,
    [FIGURE.floor]: round.floor.ms,
    [FIGURE.check]: round.check.ms,
    [FIGURE.checkCpu]: round.check.cpuMs,
    [FIGURE.checkRss]: round.check.peakRssMiB,
    [FIGURE.loadRss]: round.cold.peakRssMiB,
  };
}

/** The session's figures (issue 6's): p95s of its latencies, medians of its deletes, its peak RSS. */
export function sessionValues(s: SessionFigures): Partial<Record<FigureName, number>> {
  const deletesOf = (kind: string) => s.deleteRecheck.filter((_, i) => s.deleteKind[i] === kind);
  const values: Partial<Record<FigureName, number>> = {
    [FIGURE.keystroke]: percentile(s.keystroke, 95),
    [FIGURE.deletePull]: median(s.deleteWorkspacePull),
    [FIGURE.completion]: percentile(s.completion, 95),
    [FIGURE.definition]: percentile(s.definition, 95),
    [FIGURE.sessionRss]: s.peakRssMiB,
  };
  if (deletesOf('typical').length > 0) values[FIGURE.deleteTypical] = median(deletesOf('typical'));
  if (deletesOf('hub').length > 0) values[FIGURE.deleteHub] = median(deletesOf('hub'));
  return values;
}
