import { DECLARATION_KEYS } from '../parse/roleFile';
import { closestMatches } from '../util/editDistance';
import type { Check } from './checkContext';

export const checkFrontmatter: Check = context => {
  const problem = context.role.frontmatter?.problem;
  if (problem) context.report('invalid-frontmatter', problem.start, problem.end, problem.message);
};

/**
 * Keys beside the three declarations are allowed; one that is a near miss of
 * a declaration key (`persistant_persona`, `Class`) is almost surely a typo.
 */
export const checkUnknownKeys: Check = context => {
  const known: readonly string[] = DECLARATION_KEYS;
  const keys = [
    ...(context.role.frontmatter?.keys ?? []).map(k => ({ key: k.key, start: k.keyStart, end: k.keyEnd })),
    ...context.role.inlineDeclarations.map(d => ({ key: d.key, start: d.keyStart, end: d.keyEnd })),
  ];
  for (const { key, start, end } of keys) {
    if (known.includes(key)) continue;
    const [suggestion] = closestMatches(key, known, 1);
    if (suggestion) context.report('unknown-key', start, end, `Unknown key '${key}'. Did you mean '${suggestion}'?`);
  }
};
