/**
 * The "no hang" harness for long texts: each case is checked in a worker
 * thread at a quarter of its size and at its size (the longest a role file
 * may be: past 4 MiB of UTF-8 a file is reported unreadable, not parsed, so
 * a longer text would time only the refusal), within a bound per MB,
 * and growing no faster than linearly (a quarter to the whole may cost 8
 * times, not 16, in pairs measured one after the other), so that a
 * quadratic scan cannot hide behind a fast machine.
 * These bounds are generous on purpose: they tell a hang from a check, and
 * are the only wall-clock bounds of the test suites.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_ROLE_FILE_BYTES } from '../../server/src/core/library/fileSystem';
import { checkInWorker, sampleLibrary, type TimedCheck, type WorkerLibrary, type WorkerOutcome } from './support';

/** A linear scan of a MB takes well under a second here; this leaves room for a loaded machine. */
const MS_PER_MB = 4000;
const bound = (chars: number) => Math.max(1000, (MS_PER_MB * chars) / 1_000_000);

/** The bytes of UTF-8 a case's whole text may take: the longest role file that is read, less room for the text around a shape. */
export const LONGEST = MAX_ROLE_FILE_BYTES - 64 * 1024;

export interface LongTextCase {
  name: string;
  /** The text at a quarter of the size. */
  small: string;
  full: string;
}

/** `token` repeated to at most `bytes` bytes of UTF-8. */
export const repeated = (token: string, bytes: number): string => token.repeat(Math.floor(bytes / Buffer.byteLength(token)));

/** Lines made by `line(i)` up to `bytes` bytes of UTF-8. */
export function linesUpTo(bytes: number, line: (i: number) => string): string {
  const lines: string[] = [];
  let total = 0;
  for (let i = 0; ; i++) {
    const l = line(i);
    total += Buffer.byteLength(l) + 1;
    if (total > bytes) break;
    lines.push(l);
  }
  return lines.join('\n');
}

/** A case's size, for its test's name. */
export const sizeOf = (c: LongTextCase): string => `${(Buffer.byteLength(c.full) / 2 ** 20).toFixed(1)} MiB`;

/** How many times the whole may cost a quarter: linear growth is 4, a quadratic scan 16. */
const MAX_GROWTH = 8;
/** A quarter checked in less than this is too short to scale from on a loaded machine (one collection weighs more than the text). */
const SHORTEST_QUARTER_MS = 250;
/** A whole checked in less than this is no hang whatever the quarter took. */
const SHORTEST_WHOLE_MS = 800;
/** How many more quarter-then-whole pairs a case gets when its first pair is over a bound or looks superlinear. */
const REMEASURED_PAIRS = 2;

/** Whether both were checked, the whole at most linearly slower than the quarter measured right before it; a hang is no linear growth. */
function grewLinearly([quarter, whole]: readonly WorkerOutcome[]): boolean {
  if (!quarter || !whole || !('ms' in quarter) || !('ms' in whole)) return false;
  return whole.ms <= SHORTEST_WHOLE_MS || whole.ms < MAX_GROWTH * Math.max(quarter.ms, SHORTEST_QUARTER_MS);
}

/** The outcomes two by two: each quarter with the whole measured right after it. */
const pairsOf = (outcomes: readonly WorkerOutcome[]): WorkerOutcome[][] =>
  Array.from({ length: Math.floor(outcomes.length / 2) }, (_, k) => outcomes.slice(2 * k, 2 * k + 2));

const described = (o: WorkerOutcome): string => ('ms' in o ? `${o.ms.toFixed(0)} ms` : Object.keys(o)[0]);

/** Whether a pair, both checked, took longer than its bounds allow: slower than the bound per MB, or than linear growth. */
function overBounds(pair: readonly WorkerOutcome[], c: LongTextCase): boolean {
  const [quarter, whole] = pair;
  if (!('ms' in quarter) || !('ms' in whole)) return false;
  return quarter.ms >= bound(c.small.length) || whole.ms >= bound(c.full.length) || whole.featureMs >= bound(c.full.length) || !grewLinearly(pair);
}

/**
 * One test per case, each text checked as `library.path` of the library (the sample's seed file unless told).
 * Each pair is a quarter then the whole, measured one right after the other in one worker. A first pair
 * over a bound (the first text of a worker also pays for its start) is measured again, and a bound fails
 * only when every pair breaks it: a moment of load on another process cannot make a linear check look
 * slow or quadratic, and a slow or quadratic one stays so in every pair.
 */
export function longTextTests(title: (c: LongTextCase) => string, cases: readonly LongTextCase[], library: WorkerLibrary = sampleLibrary()): void {
  let outcomes: WorkerOutcome[][] = [];
  const again = new Map<number, WorkerOutcome[]>();
  before(async () => {
    // Twice the bound before a text counts as hung, so a slow text is still measured.
    // The editor's requests are timed on the whole text only.
    const pair = (c: LongTextCase, features: boolean) => [
      { text: c.small, limitMs: 2 * bound(c.small.length), features: false },
      { text: c.full, limitMs: 4 * bound(c.full.length), features },
    ];
    outcomes = await checkInWorker(
      cases.map(c => pair(c, true)),
      2,
      library,
    );
    // A pair that hung or threw fails on its own: only a slow one is measured again.
    const doubtful = [...outcomes.keys()].filter(i => overBounds(outcomes[i], cases[i]));
    if (doubtful.length === 0) return;
    const remeasured = await checkInWorker(
      doubtful.map(i => Array.from({ length: REMEASURED_PAIRS }, () => pair(cases[i], true)).flat()),
      1,
      library,
    );
    doubtful.forEach((i, k) => again.set(i, remeasured[k]));
  });

  for (const [i, c] of cases.entries()) {
    test(title(c), t => {
      assert.ok(Buffer.byteLength(c.full) <= MAX_ROLE_FILE_BYTES, `${sizeOf(c)}: over the size of a role file that is read`);
      const pairs = [outcomes[i], ...pairsOf(again.get(i) ?? [])];
      if (pairs.length > 1)
        t.diagnostic(
          `measured again, quarter then whole: ${pairs
            .slice(1)
            .map(p => p.map(described).join(' then '))
            .join('; ')}`,
        );
      for (const [k, label, text] of [
        [0, 'quarter', c.small],
        [1, 'full', c.full],
      ] as const) {
        const o = outcomes[i][k];
        assert.ok(!('error' in o), `${label}: threw ${'error' in o ? o.error : ''}`);
        assert.ok(!('hung' in o), `${label}: no answer within ${2 * (label === 'full' ? 2 : 1) * bound(text.length)} ms`);
        assert.ok(!('skipped' in o), `${label}: not reached (the quarter hung)`);
        const r = o as TimedCheck;
        t.diagnostic(
          `${label}: check ${r.ms.toFixed(0)} ms${r.slowest ? `, slowest request ${r.slowest} ${r.featureMs.toFixed(0)} ms` : ''}, ${r.count} diagnostics`,
        );
        assert.equal(r.malformed, undefined, `${label}: ${r.malformed}`);
        const limit = bound(text.length);
        const times = pairs.map(p => p[k]).filter((m): m is TimedCheck => m !== undefined && 'ms' in m);
        assert.ok(
          times.some(m => m.ms < limit),
          `${label}: the check took ${times.map(m => m.ms.toFixed(0)).join(', ')} ms, over ${limit.toFixed(0)} ms each time`,
        );
        assert.ok(
          times.some(m => m.featureMs < limit),
          `${label}: the slowest request took ${times.map(m => `${m.featureMs.toFixed(0)} ms (${m.slowest})`).join(', ')}, over ${limit.toFixed(0)} ms each time`,
        );
      }
      assert.ok(pairs.some(grewLinearly), `superlinear in every pair, quarter then whole: ${pairs.map(p => p.map(described).join(' then ')).join('; ')}`);
    });
  }
}
