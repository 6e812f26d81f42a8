import { lowerBound } from './lowerBound';

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
    if (this.order)
      this.order.splice(
        lowerBound(this.order, s => s < value),
        0,
        value,
      );
  }

  delete(value: string): void {
    if (!this.members.delete(value)) return;
    if (this.order)
      this.order.splice(
        lowerBound(this.order, s => s < value),
        1,
      );
  }

  sorted(): readonly string[] {
    return (this.order ??= [...this.members].sort());
  }
}
