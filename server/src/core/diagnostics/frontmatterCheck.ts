import { DECLARATION_KEYS } from '../parse/roleFile';
import { closestMatches } from '../util/editDistance';
import type { Check } from './checkContext';

export const checkFrontmatter: Check = context => {
  const problem = context.role.frontmatter?.problem;
  if (problem) context.report('invalid-frontmatter', problem.start, problem.end, problem.message);
};

/** Keys that name a JavaScript object's prototype: harmless in the Map the frontmatter is read into, but a sign of an attack. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A prototype key is reported at the key, or at the merge key `<<` that
 * brought it in; its value is never a declaration of the role's.
 */
export const checkPrototypeKeys: Check = context => {
  const fm = context.role.frontmatter;
  if (!fm) return;
  for (const key of fm.data.keys()) {
    if (!PROTOTYPE_KEYS.has(key)) continue;
    const place = fm.keys.find(k => k.key === key) ?? fm.keys.find(k => k.key === '<<');
    context.report('invalid-frontmatter', place?.keyStart ?? fm.start, place?.keyEnd ?? fm.end,
      `The frontmatter key '${key}' is refused: it names a JavaScript object's prototype. It is ignored; remove it.`);
  }
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
