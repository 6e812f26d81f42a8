import type { Node } from 'jsonc-parser';

/**
 * The keys an object of the configuration names a second time. JSON parsers
 * keep the last, tree lookups find the first: a repeated `severity` would be
 * checked in one copy and used in the other, so a repeat is a problem itself.
 */
export function duplicateKeys(node: Node): Node[] {
  const repeats: Node[] = [];
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const key = property.children?.[0];
      if (!key) continue;
      const name = String(key.value);
      if (seen.has(name)) repeats.push(key);
      seen.add(name);
    }
  }
  for (const child of node.children ?? []) repeats.push(...duplicateKeys(child));
  return repeats;
}
