import type { LibraryView } from '../library/libraryView';
import type { RoleReference } from '../parse/roleFile';
import type { Check } from './checkContext';
import { didYouMean } from './makeDiagnostic';
import { namedByKey } from '../library/roleName';

/** Where references are checked (the fleet's Boundaries, a format's labelled lists and keys), each name must exist, and not be the role itself. */
export const checkBoundaryReferences: Check = context => {
  const { role, view, name, format } = context;
  const named = new Set<number>();
  const groups = namingGroups(view, role.references);
  for (const ref of role.references) {
    if (!ref.inCheckedPlace || !mustNameRole(view, ref, name, groups)) continue;
    if (ref.bullet !== undefined) named.add(ref.bullet);
    if (ref.name === name) {
      // An agent's prose may speak of itself ("# @arm-cortex-expert"); a boundary may not.
      if (ref.inBody) continue;
      context.report('self-reference', ref.start, ref.end, `'${ref.name}' is this role: a boundary names the other role whose lane the work is.`);
    } else if (!view.hasRole(ref.name) && !format.builtinRoles.has(ref.name.toLowerCase())) {
      const suggestion = view.closestRoles(ref.name, 1, name);
      // Agent libraries scope names by plugin; the fleet's do not, and a walk of ten thousand roles per unknown name is not free.
      if (suggestion.length === 0 && format.parse.referenceForms.includes('body')) suggestion.push(...scopedNames(view, ref.name, name));
      const fix =
        suggestion.length > 0
          ? didYouMean(suggestion)
          : namedByKey(format.identity)
            ? ` No role of this library is named '${ref.name}', by its ${format.identity.key} or its file's name.`
            : ` No role file '${ref.name}${format.extension}' exists in this library.`;
      context.report('unknown-role', ref.start, ref.end, `Unknown role '${ref.name}'.${fix}`);
    }
  }
  role.sectionBullets.forEach((bullet, index) => {
    if (named.has(index)) return;
    const range = role.lines.lineRange(bullet.line);
    context.reportRange('boundary-without-role', range, 'This boundary names no role: say whose lane the work is, as **role-name**.');
  });
};

/** Most scoped names a did-you-mean lists. */
const MAX_SCOPED = 3;

/**
 * The names that scope this one (`payments-api-designer` for `api-designer`):
 * plugins name their agents after themselves so names stay unique across a
 * marketplace, and the agents' prose keeps the short names. Asked only of
 * a name that has no closer suggestion.
 */
function scopedNames(view: LibraryView, name: string, self: string): string[] {
  const tail = `-${name}`;
  const found: string[] = [];
  for (const name of view.roleNames()) if (name.endsWith(tail) && name !== self) found.push(name);
  return found.sort().slice(0, MAX_SCOPED);
}

/**
 * Whether a reference where references are checked must name a role: all
 * but prose, that is a weak name no role has, unless it is a name
 * where a name stands, one edit or so from exactly one role (a typo of
 * that role), or a name of a roster whose other names name roles.
 * `self` is the referring role's name, never a suggestion; `groups`, the
 * rosters of the file that name a role (namingGroups).
 */
export function mustNameRole(view: LibraryView, ref: RoleReference, self: string, groups: ReadonlySet<number>): boolean {
  return (
    !ref.weak ||
    view.hasRole(ref.name) ||
    (ref.group !== undefined && groups.has(ref.group)) ||
    (ref.spelling === true && view.closestRoles(ref.name, 2, self).length === 1)
  );
}

/**
 * Whether a name that no role has is only words, to hover and highlight as
 * the checks see it: bold outside the places where references are checked
 * is emphasis (`**persistent**`), and a name that need not name a role is prose.
 */
export function isUnreportedProse(view: LibraryView, ref: RoleReference, self: string, groups: ReadonlySet<number>): boolean {
  return (!ref.inCheckedPlace && ref.kind === 'bold') || !mustNameRole(view, ref, self, groups);
}

/** The rosters, labelled lists and agents columns of a file of which some name is a role's: a list of agents. */
export function namingGroups(view: LibraryView, references: readonly RoleReference[]): Set<number> {
  const groups = new Set<number>();
  for (const ref of references) if (ref.group !== undefined && !groups.has(ref.group) && view.hasRole(ref.name)) groups.add(ref.group);
  return groups;
}
