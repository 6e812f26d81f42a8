import type { LineIndex } from '../text/lineIndex';
import type { Frontmatter } from './frontmatter';
import { frontmatterItems } from './frontmatterItems';

/**
 * The agents a tool rule names: in `tools: Read, Agent(worker, researcher)`,
 * `Agent(…)` limits the subagents this one may start to those named, so each
 * name is a reference, at its place in the text.
 */
export function toolRuleReferences(
  lines: LineIndex,
  frontmatter: Frontmatter | undefined,
  toolRules: { keys: readonly string[]; rules: readonly string[] },
): Array<{ name: string; kind: 'key'; start: number; end: number }> {
  const out: Array<{ name: string; kind: 'key'; start: number; end: number }> = [];
  for (const key of toolRules.keys) {
    for (const item of frontmatterItems(lines, frontmatter, key)) {
      const open = item.value.indexOf('(');
      if (open < 0 || !item.value.endsWith(')') || !toolRules.rules.includes(item.value.slice(0, open).trim())) continue;
      const inner = item.value.slice(open + 1, -1);
      let from = 0;
      for (const part of inner.split(',')) {
        const lead = part.length - part.trimStart().length;
        const name = part.trim();
        const start = item.start + open + 1 + from + lead;
        if (name !== '' && name !== '*') out.push({ name: name, kind: 'key', start, end: start + name.length });
        from += part.length + 1;
      }
    }
  }
  return out;
}
