const NONE: readonly string[] = [];

/**
 * Keys to sets of strings, where a key with one value holds it without a
 * Set. Nearly every role name has one file and nearly every class one
 * declarer: at 10,000 roles that is tens of thousands of Sets not made, and
 * fewer objects for every collection to mark.
 */
export class StringMultiMap {
  private readonly map = new Map<string, string | Set<string>>();

  has(key: string): boolean {
    return this.map.has(key);
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  /** The values of a key, in the order they were added; empty for an unknown key. */
  get(key: string): Iterable<string> {
    const values = this.map.get(key);
    return values === undefined ? NONE : typeof values === 'string' ? [values] : values;
  }

  add(key: string, value: string): void {
    const values = this.map.get(key);
    if (values === undefined) this.map.set(key, value);
    else if (typeof values !== 'string') values.add(value);
    else if (values !== value) this.map.set(key, new Set([values, value]));
  }

  delete(key: string, value: string): void {
    const values = this.map.get(key);
    if (values === undefined) return;
    if (typeof values === 'string') {
      if (values === value) this.map.delete(key);
      return;
    }
    values.delete(value);
    if (values.size === 1) this.map.set(key, values.values().next().value!);
  }
}
