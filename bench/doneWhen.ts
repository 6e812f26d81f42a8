/**
 * Issue 20's "Done when", read straight off a run's figures: the ratios it
 * names, computed here so that nobody has to divide two cells of the table.
 */
import { FIGURE, type FigureName, TARGETS, unitOf } from './figures';
import { formatRatio, formatValue } from './format';
import { ratio } from './stats';

/** A run's medians: ours and the peer's, by figure and size; undefined where not measured. */
export interface Measured {
  ours(figure: FigureName, size: number): number | undefined;
  peer(figure: FigureName, size: number): number | undefined;
}

export interface Criterion {
  criterion: string;
  value: string;
  target: string;
  /** undefined: not measured in this run (or not something one run can tell). */
  met: boolean | undefined;
}

const MB_IN_MIB = 1e6 / 2 ** 20;

function bound(value: number | undefined, test: (v: number) => boolean): boolean | undefined {
  return value === undefined ? undefined : test(value);
}

export function doneWhenCriteria(m: Measured): Criterion[] {
  const openedGrowth = ratio(m.ours(FIGURE.opened, 50000), m.ours(FIGURE.opened, 1000));
  const openedShare = ratio(m.ours(FIGURE.opened, 50000), m.ours(FIGURE.cold, 50000));
  const checkOverFloor = ratio(m.ours(FIGURE.check, 10000), m.ours(FIGURE.floor, 10000));
  const checkRss = m.ours(FIGURE.checkRss, 50000);
  const peerRatio = ratio(m.peer(FIGURE.cold, 10000), m.ours(FIGURE.cold, 10000));
  const criteria: Criterion[] = [
    {
      criterion: "the opened file's diagnostics, 50,000 ÷ 1,000 roles",
      value: formatRatio(openedGrowth),
      target: '≤ 1.5×',
      met: bound(openedGrowth, v => v <= 1.5),
    },
    {
      criterion: "the opened file's diagnostics ÷ every file's (cold start), 50,000 roles",
      value: formatRatio(openedShare),
      target: '< 0.20×',
      met: bound(openedShare, v => v < 0.2),
    },
    {
      criterion: '`check` ÷ the read floor, 10,000 roles',
      value: formatRatio(checkOverFloor),
      target: '≤ 4×',
      met: bound(checkOverFloor, v => v <= 4),
    },
    {
      criterion: '`check` peak RSS, 50,000 roles',
      value: checkRss === undefined ? '—' : `${formatValue(checkRss, 'MiB')} (${(checkRss / MB_IN_MIB).toFixed(0)} MB)`,
      target: '< 400 MB',
      met: bound(checkRss, v => v / MB_IN_MIB < 400),
    },
  ];
  for (const figure of [FIGURE.keystroke, FIGURE.completion, FIGURE.deleteTypical, FIGURE.deleteHub, FIGURE.sessionRss] as const) {
    const value = m.ours(figure, 10000);
    const target = TARGETS[figure]?.[10000];
    criteria.push({
      criterion: `issue 6: ${figure}, 10,000 roles (no worse than before: see \`--against\`)`,
      value: formatValue(value, unitOf(figure)),
      target: target === undefined ? '—' : `< ${formatValue(target, unitOf(figure))}`,
      met: target === undefined ? undefined : bound(value, v => v < target),
    });
  }
  criteria.push({
    criterion: "peer ratio: VS Code's Markdown server ÷ ours, every file's diagnostics, 10,000 roles",
    value: formatRatio(peerRatio),
    target: '> 10×',
    met: bound(peerRatio, v => v > 10),
  });
  return criteria;
}

export function doneWhenTable(m: Measured): string {
  const lines = ['| issue 20, done when | this run | target | met |', '| --- | ---: | ---: | :---: |'];
  for (const c of doneWhenCriteria(m)) {
    const met = c.met === undefined ? 'not measured' : c.met ? 'yes' : '**no**';
    lines.push(`| ${c.criterion} | ${c.value} | ${c.target} | ${met} |`);
  }
  return lines.join('\n');
}
