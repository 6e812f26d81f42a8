/**
 * `npm run bench -- --against DIR`: two builds measured alternately by the
 * same harness on the same libraries, round by round (before, after; then
 * after, before), and every figure printed with both medians, both spreads,
 * the change and its reading: level (within 3%), worse, better or unclear.
 * Run it with DIR the same build as this one to see the noise floor.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { type Build, REPO } from './build';
import { doneWhenTable, type Measured } from './doneWhen';
import { FIGURE, type FigureName, loadValues, measureLoad, sessionValues, unitOf } from './figures';
import { formatChange, formatValue } from './format';
import { generateLibrary, writeLibrary } from './generate';
import { log } from './log';
import { cpuAccount, machine, othersShare, waitForQuiet } from './machineLoad';
import { chooseOpenedFile } from './openedFile';
import { DELETES, PAIRED_ROUNDS, SAMPLES, SESSION_MAX, SIZES } from './options';
import { session } from './ours';
import { CONFIDENT_ROUNDS, compare, pairedChange, pairingOrder, type Side } from './pairing';
import { median } from './stats';

type Values = Partial<Record<FigureName, number>>;

interface SizeResult {
  size: number;
  rounds: number;
  opened: string;
  others: number;
  loadavg: number[];
  samples: Record<Side, Values[]>;
}

async function pairSize(builds: Record<Side, Build>, size: number): Promise<SizeResult> {
  const library = generateLibrary({ roles: size });
  const root = writeLibrary(library);
  const opened = chooseOpenedFile(library);
  const rounds = PAIRED_ROUNDS;
  try {
    await waitForQuiet();
    const account = cpuAccount();
    // One unmeasured round of each warms the disk cache and lets neither build go first cold.
    if (size <= 2000) for (const side of ['before', 'after'] as const) await measureLoad(builds[side], root, library, opened);
    const samples: Record<Side, Values[]> = { before: [], after: [] };
    for (const [round, order] of pairingOrder(rounds).entries()) {
      for (const side of order) {
        const values: Values = loadValues(await measureLoad(builds[side], root, library, opened));
        if (size <= SESSION_MAX) Object.assign(values, sessionValues(await session(builds[side], root, library, SAMPLES, DELETES)));
        samples[side].push(values);
        log(
          `${size} roles, round ${round + 1}/${rounds}, ${side}: ${JSON.stringify(values, (_, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v))}`,
        );
      }
    }
    return { size, rounds, opened, others: othersShare(account), loadavg: os.loadavg(), samples };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function sizeTable(result: SizeResult): string {
  const lines = [
    `${result.size.toLocaleString('en')} roles, ${result.rounds} rounds; the opened file \`${result.opened}\`; other processes took ${(result.others * 100).toFixed(0)}% of the machine; load average after: ${result.loadavg.map(l => l.toFixed(2)).join(', ')}`,
    '',
    '| figure | before: median (min–max) | after: median (min–max) | change of medians | each round | reading |',
    '| --- | ---: | ---: | ---: | ---: | :---: |',
  ];
  for (const figure of Object.values(FIGURE)) {
    const before = result.samples.before.map(v => v[figure]);
    const after = result.samples.after.map(v => v[figure]);
    if ([...before, ...after].some(v => v === undefined)) continue;
    const c = compare(before as number[], after as number[]);
    const unit = unitOf(figure);
    const cell = (s: typeof c.before) => `${formatValue(s.median, unit)} (${formatValue(s.min, unit)}–${formatValue(s.max, unit)})`;
    lines.push(
      `| ${figure} | ${cell(c.before)} | ${cell(c.after)} | ${formatChange(c.change)} | ${c.roundChanges.map(formatChange).join(', ')} (median ${formatChange(pairedChange(c))}) | ${c.reading === 'level' ? 'level' : `**${c.reading}**`} |`,
    );
  }
  return lines.join('\n');
}

/** One side's medians, for issue 20's table; the peer is not run in a paired run. */
function medians(results: SizeResult[], side: Side): Measured {
  return {
    ours: (figure, size) => {
      const values = results.find(r => r.size === size)?.samples[side].map(v => v[figure]);
      return values === undefined || values.some(v => v === undefined) ? undefined : median(values as number[]);
    },
    peer: () => undefined,
  };
}

export async function pairedMain(before: Build, after: Build): Promise<void> {
  const started = new Date();
  log(`paired run: before ${before.label} (server ${before.serverHash}), after ${after.label} (server ${after.serverHash})`);
  const results: SizeResult[] = [];
  for (const size of SIZES) results.push(await pairSize({ before, after }, size));
  const m = machine();
  const markdown = [
    `fleet-roles paired benchmark, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; ${m.nproc} cores (${m.cpu}), node ${m.node}; ${Math.round((Date.now() - started.getTime()) / 1000)} s`,
    `before: ${before.label}, dist/server.js sha256 ${before.serverHash}; after: ${after.label}, dist/server.js sha256 ${after.serverHash}`,
    `Rounds alternate before, after; after, before. "each round": after ÷ before − 1 per round. Reading: level within 3%; worse or better beyond 3% and the same way in every round of ${CONFIDENT_ROUNDS} or more (leans worse, leans better with fewer); unclear otherwise.`,
    '',
    results.map(sizeTable).join('\n\n'),
    '',
    'Before:',
    '',
    doneWhenTable(medians(results, 'before')),
    '',
    'After:',
    '',
    doneWhenTable(medians(results, 'after')),
    '',
  ].join('\n');
  process.stdout.write(`\n${markdown}`);
  const dir = nodePath.join(REPO, 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(nodePath.join(dir, 'paired-latest.md'), markdown);
  writeFileSync(nodePath.join(dir, 'paired-latest.json'), JSON.stringify({ date: started.toISOString(), machine: m, before, after, results }, null, 2));
  log('results in bench-results/paired-latest.json and bench-results/paired-latest.md');
}
