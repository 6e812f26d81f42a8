/** How the benchmark's tables print a figure, a ratio and a change. */

export type Unit = 'ms' | 'MiB';

/** A figure with its unit: whole MiB; ms with more digits the smaller it is. */
export function formatValue(v: number | undefined, unit: Unit): string {
  if (v === undefined || Number.isNaN(v)) return '—';
  if (unit === 'MiB') return `${v.toFixed(0)} MiB`;
  return v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(v >= 10 ? 1 : 2)} ms`;
}

/** A ratio: two decimals below 1×, one below 10×, none above. */
export function formatRatio(value: number | undefined): string {
  if (value === undefined) return '—';
  return `${value.toFixed(value >= 10 ? 0 : value >= 1 ? 1 : 2)}×`;
}

/** A relative change, signed: +4.2%, −0.8%. */
export function formatChange(change: number): string {
  if (Number.isNaN(change)) return '—';
  const percent = (change * 100).toFixed(1);
  return change >= 0 ? `+${percent}%` : `−${percent.slice(1)}%`;
}
