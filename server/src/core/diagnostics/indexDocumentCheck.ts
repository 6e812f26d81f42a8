import type { Check } from './checkContext';
import { didYouMean } from './makeDiagnostic';

/**
 * The library's index (LIBRARY.md) against the library: every role it names
 * must exist, and every role should be listed.
 */
export const checkIndexDocument: Check = context => {
  const { role, view } = context;
  const listed = new Set<string>();
  for (const ref of role.references) {
    listed.add(ref.name);
    if (view.hasRole(ref.name)) continue;
    const suggestion = view.closestRoles(ref.name, 1);
    context.report('index-unknown-role', ref.start, ref.end, `The index lists '${ref.name}', which is not a role of this library.${didYouMean(suggestion)}`);
  }
  const missing = [...view.roleNames()].filter(name => !listed.has(name)).sort();
  for (const name of missing) {
    context.reportRange('index-missing-role', context.titleRange, `The role '${name}' is not listed in the index.`);
  }
};
