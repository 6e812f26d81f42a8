import type { RoleReference } from '../parse/roleFile';
import type { Check } from './checkContext';
import { didYouMean } from './makeDiagnostic';
import { namedByKey } from '../library/roleName';

/** Where references are checked (the fleet's Boundaries, a format's labelled lists and keys), each name must exist, and not be the role itself. */
export const checkBoundaryReferences: Check = context => {
  const { role, view, name, format } = context;
  const named = new Set<number>();
  for (const ref of role.references) {
    if (!ref.inBoundaries || (ref.weak && !view.hasRole(ref.slug) && !isMisspelling(context, ref))) continue;
    if (ref.bullet !== undefined) named.add(ref.bullet);
    if (ref.slug === name) {
      context.report('self-reference', ref.start, ref.end, `'${ref.slug}' is this role: a boundary names the other role whose lane the work is.`);
    } else if (!view.hasRole(ref.slug) && !format.builtinRoles.has(ref.slug.toLowerCase())) {
      const suggestion = view.closestRoles(ref.slug, 1, name);
      const fix = suggestion.length > 0 ? didYouMean(suggestion)
        : namedByKey(format.identity) ? ` No role of this library is named '${ref.slug}', by its ${format.identity.key} or its file's name.`
          : ` No role file '${ref.slug}${format.extension}' exists in this library.`;
      context.report('unknown-role', ref.start, ref.end, `Unknown role '${ref.slug}'.${fix}`);
    }
  }
  role.boundaries.forEach((bullet, index) => {
    if (named.has(index)) return;
    const range = role.lines.lineRange(bullet.line);
    context.reportRange('boundary-without-role', range, 'This boundary names no role: say whose lane the work is, as **role-name**.');
  });
};

/** A one-word name where a name stands, one edit or so from exactly one role: a typo of that role, not prose. */
function isMisspelling(context: Parameters<Check>[0], ref: RoleReference): boolean {
  return ref.spelling === true && context.view.closestRoles(ref.slug, 2, context.name).length === 1;
}
