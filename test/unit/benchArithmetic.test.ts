import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doneWhenCriteria, type Measured } from '../../bench/doneWhen';
import { FIGURE, type FigureName } from '../../bench/figures';
import { formatChange, formatRatio } from '../../bench/format';
import { generateLibrary } from '../../bench/generate';
import { chooseOpenedFile } from '../../bench/openedFile';
import { compare, pairedChange, pairingOrder } from '../../bench/pairing';
import { median, percentile, ratio, spreadOf } from '../../bench/stats';

test('median and nearest-rank percentile', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
  assert.equal(percentile([10, 20, 30, 40], 50), 20);
  assert.equal(percentile([10, 20, 30, 40], 95), 40);
  assert.equal(percentile([10, 20, 30, 40], 0), 10);
});

test('a spread is the range around the median, relative to it', () => {
  const s = spreadOf([110, 90, 100]);
  assert.deepEqual([s.median, s.min, s.max], [100, 90, 110]);
  assert.equal(s.relative, 0.2);
});

test('a ratio to nothing, or of nothing, is no ratio', () => {
  assert.equal(ratio(6, 3), 2);
  assert.equal(ratio(undefined, 3), undefined);
  assert.equal(ratio(3, undefined), undefined);
  assert.equal(ratio(3, 0), undefined);
  assert.equal(ratio(Number.NaN, 3), undefined);
  assert.equal(formatRatio(0.234), '0.23×');
  assert.equal(formatRatio(3.21), '3.2×');
  assert.equal(formatRatio(35.4), '35×');
  assert.equal(formatRatio(undefined), '—');
  assert.equal(formatChange(0.0421), '+4.2%');
  assert.equal(formatChange(-0.008), '−0.8%');
});

test('the pairing alternates which build goes first, and each runs once a round', () => {
  const order = pairingOrder(4);
  assert.deepEqual(order, [
    ['before', 'after'],
    ['after', 'before'],
    ['before', 'after'],
    ['after', 'before'],
  ]);
  assert.deepEqual(pairingOrder(3)[2], ['before', 'after']);
  assert.deepEqual(pairingOrder(0), []);
});

test('a comparison reads level within 3%, worse or better only when five or more rounds all agree', () => {
  const level = compare([100, 104, 98], [102, 101, 99]);
  assert.equal(level.reading, 'level');
  assert.ok(Math.abs(level.change - 0.01) < 1e-9);

  const worse = compare([100, 100, 100, 100, 100], [110, 105, 120, 104, 130]);
  assert.equal(worse.reading, 'worse');
  assert.ok(Math.abs(worse.change - 0.1) < 1e-9);
  assert.deepEqual(
    worse.roundChanges.map(c => Math.round(c * 100)),
    [10, 5, 20, 4, 30],
  );
  assert.ok(Math.abs(pairedChange(worse) - 0.1) < 1e-9);

  assert.equal(compare([100, 100, 100, 100, 100], [80, 90, 95, 92, 85]).reading, 'better');
  // Three rounds that agree do so by chance one time in four: a leaning, not a verdict.
  assert.equal(compare([100, 100, 100], [110, 105, 120]).reading, 'leans worse');
  assert.equal(compare([100, 100, 100], [80, 90, 95]).reading, 'leans better');
  // The medians 10% apart, but one round the other way: no larger than the noise.
  assert.equal(compare([100, 100, 100], [110, 95, 120]).reading, 'unclear');
  assert.throws(() => compare([1, 2], [1]), /unpaired/);
});

function measured(ours: Partial<Record<string, number>>, peer: Partial<Record<string, number>> = {}): Measured {
  return {
    ours: (figure: FigureName, size: number) => ours[`${figure}@${size}`],
    peer: (figure: FigureName, size: number) => peer[`${figure}@${size}`],
  };
}

test("issue 20's criteria are computed from the figures they name", () => {
  const criteria = doneWhenCriteria(
    measured(
      {
        [`${FIGURE.opened}@1000`]: 500,
        [`${FIGURE.opened}@50000`]: 700,
        [`${FIGURE.cold}@50000`]: 10000,
        [`${FIGURE.check}@10000`]: 900,
        [`${FIGURE.floor}@10000`]: 200,
        // 390 MiB is 409 MB: over the 400 MB.
        [`${FIGURE.checkRss}@50000`]: 390,
        [`${FIGURE.cold}@10000`]: 2000,
        [`${FIGURE.keystroke}@10000`]: 2.5,
      },
      { [`${FIGURE.cold}@10000`]: 30000 },
    ),
  );
  const by = (start: string) => criteria.find(c => c.criterion.startsWith(start))!;
  assert.deepEqual([by("the opened file's diagnostics, 50,000").value, by("the opened file's diagnostics, 50,000").met], ['1.4×', true]);
  assert.deepEqual([by("the opened file's diagnostics ÷").value, by("the opened file's diagnostics ÷").met], ['0.07×', true]);
  assert.deepEqual([by('`check` ÷').value, by('`check` ÷').met], ['4.5×', false]);
  assert.deepEqual([by('`check` peak RSS').value, by('`check` peak RSS').met], ['390 MiB (409 MB)', false]);
  assert.deepEqual([by('peer ratio').value, by('peer ratio').met], ['15×', true]);
  assert.equal(by('issue 6: keystroke').met, true);
  assert.equal(by('issue 6: completion').met, undefined, 'a figure the run did not measure is not judged');
});

test('the opened file is a typical role with one broken reference, the same in every generation', () => {
  for (const roles of [300, 1000]) {
    const library = generateLibrary({ roles });
    const chosen = chooseOpenedFile(library);
    assert.equal(chooseOpenedFile(generateLibrary({ roles })), chosen);
    assert.equal(library.brokenIn.get(chosen), 1);
    const counts = library.roles.map(name => library.referrers.get(name)?.length ?? 0);
    const name = chosen.slice('roles/'.length, -'.md'.length);
    assert.equal(library.referrers.get(name)?.length ?? 0, percentile(counts, 50));
    assert.ok(library.roles.indexOf(name) > Math.max(5, roles * 0.02), 'not one of the generator’s hubs');
  }
});

test('the generator counts broken references file by file', () => {
  const library = generateLibrary({ roles: 500 });
  const total = [...library.brokenIn.values()].reduce((a, b) => a + b, 0);
  assert.equal(total, library.broken);
  for (const [path, count] of library.brokenIn) {
    const text = library.files.get(path)!;
    const boundaries = text.slice(text.indexOf('## Boundaries'), text.indexOf('## Persona'));
    const named = [...boundaries.matchAll(/\*\*([a-z0-9-]+)\*\*|\]\(\.\/([a-z0-9-]+)\.md/g)].map(m => m[1] ?? m[2]);
    const unknown = named.filter(n => !library.roles.includes(n));
    assert.equal(unknown.length, count, path);
  }
});

test("a large library's index lists bold names instead of links, every role once", () => {
  const whole = generateLibrary({ roles: 1000 });
  assert.match(whole.files.get('roles/LIBRARY.md')!, /^- \[[a-z0-9-]+\]\(\.\/[a-z0-9-]+\.md\) — /m);
  const limit = 50_000;
  const compact = generateLibrary({ roles: 1000, indexMaxBytes: limit });
  const index = compact.files.get('roles/LIBRARY.md')!;
  assert.ok(Buffer.byteLength(index) <= limit, `${Buffer.byteLength(index)} bytes`);
  assert.doesNotMatch(index, /\]\(/);
  const listed = [...index.matchAll(/^- \*\*([a-z0-9-]+)\*\*$/gm)].map(m => m[1]);
  assert.deepEqual(listed.sort(), [...compact.roles].sort());
  assert.equal(compact.markdownFiles, 1001);
  // Only the index changes: the roles are the same files.
  for (const name of whole.roles) assert.equal(compact.files.get(`roles/${name}.md`), whole.files.get(`roles/${name}.md`));
});
