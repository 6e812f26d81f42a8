/**
 * The first index whose item is not below what is sought, by binary search:
 * `isBelow` holds for a prefix of the items and for none after it; the
 * length when it holds for all. "The last item at or before x" is the one
 * before `lowerBound(items, item => item <= x)`.
 */
export function lowerBound<T>(items: ArrayLike<T>, isBelow: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBelow(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
