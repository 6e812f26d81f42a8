import { SuggestionIndex } from '../library/suggestionIndex';

const indexes = new WeakMap<readonly string[], SuggestionIndex>();

/**
 * What closestMatches(word, list, limit) answers, from an index of the list
 * kept as long as the list is: a format's values or known tools may number
 * 100,000, and every file of the library asks about its own.
 */
export function closestInList(word: string, list: readonly string[], limit: number): string[] {
  let index = indexes.get(list);
  if (!index) {
    index = new SuggestionIndex();
    for (const name of list) index.add(name);
    indexes.set(list, index);
  }
  return index.closest(word, limit);
}
