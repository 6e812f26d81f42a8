/**
 * A set of strings kept in code-unit order. A bulk load adds thousands
 * before anyone reads the order, so the first read sorts once; after that
 * each change is one binary search and one splice, not a sort of the whole.
 */
export class SortedStrings {
  private readonly members = new Set<string>();
  /** Undefined until first read. */
  private order: string[] | undefined;

  add(value: string): void {
    if (this.members.has(value)) return;
    this.members.add(value);
    if (this.order) this.order.splice(lowerBound(this.order, value), 0, value);
  }

  delete(value: string): void {
    if (!this.members.delete(value)) return;
    if (this.order) this.order.splice(lowerBound(this.order, value), 1);
  }

  sorted(): readonly string[] {
    return (this.order ??= [...this.members].sort());
  }
}

/** The first index whose string is not below `value`. */
export function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
