import { isSlug } from '../util/slug';
import { closestMatches } from '../util/editDistance';
import type { Check, CheckContext } from './checkContext';
import type { DeclarationKey } from '../parse/roleFile';
import { didYouMean } from './makeDiagnostic';

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

const MAX_NAMED = 3;
const MAX_RELATED = 10;

function describe(value: unknown, raw: string): string {
  return typeof value === 'string' ? value : raw;
}

function reportMissing(context: CheckContext, key: DeclarationKey, code: 'missing-class' | 'missing-domain' | 'missing-persistence', example: string): void {
  if (context.declarations[key].primary) return;
  const form = context.role.frontmatter ? 'the frontmatter' : 'the lead, as an inline code span,';
  context.reportRange(code, context.titleRange, `The role declares no ${key}: add \`${key}: ${example}\` to ${form} before the first '##' heading.`);
}

export const checkClass: Check = context => {
  reportMissing(context, 'class', 'missing-class', isSlug(context.role.stem) ? context.role.stem : 'role-name');
  const declaration = context.declarations.class.primary;
  if (!declaration) return;
  const { value, raw, valueStart, valueEnd } = declaration;
  if (typeof value !== 'string' || !isSlug(value)) {
    const hint = typeof value === 'string' ? toSlug(value) : '';
    const fix = hint && isSlug(hint) ? ` Use '${hint}'.` : '';
    const what = isEmpty(value) ? 'The class is empty' : `Invalid class '${describe(value, raw)}'`;
    context.report('invalid-class', valueStart, valueEnd, `${what}: a class is a kebab-case slug such as 'project-manager'.${fix}`);
    return;
  }
  if (value !== context.role.stem) {
    context.report('class-filename-mismatch', valueStart, valueEnd,
      `Class '${value}' does not match the file name '${context.role.stem}.md': rename the class to '${context.role.stem}' or the file to '${value}.md'.`);
  }
  const others = context.view.filesDeclaringClass(value).filter(p => p !== context.role.path);
  if (others.length > 0) {
    // Named in full up to a few: a library where hundreds share a class must not get messages of hundreds of names.
    const names = others.slice(0, MAX_NAMED).map(p => p.slice(context.view.library.root.length + 1));
    const more = others.length > MAX_NAMED ? ` and ${others.length - MAX_NAMED} more` : '';
    context.report('duplicate-class', valueStart, valueEnd, `Class '${value}' is also declared by ${names.join(', ')}${more}: a class is unique in its library.`,
      others.slice(0, MAX_RELATED).map(p => ({ location: { uri: context.view.uriOf(p), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, message: `'${value}' is declared here too.` })));
  }
};

export const checkDomain: Check = context => {
  reportMissing(context, 'domain', 'missing-domain', context.view.library.domains[0] ?? 'operations');
  const declaration = context.declarations.domain.primary;
  if (!declaration) return;
  const { value, raw, valueStart, valueEnd } = declaration;
  const domains = context.view.library.domains;
  if (typeof value === 'string' && domains.includes(value)) return;
  const text = describe(value, raw);
  if (isEmpty(value)) {
    context.report('unknown-domain', valueStart, valueEnd, `The domain is empty: name one of the known domains (${domains.join(', ')}).`);
    return;
  }
  const suggestions = closestMatches(text, domains, 1);
  const fix = suggestions.length > 0 ? didYouMean(suggestions) : ` Known domains: ${domains.join(', ')}.`;
  context.report('unknown-domain', valueStart, valueEnd, `Unknown domain '${text}'.${fix}`);
};

export const checkPersistence: Check = context => {
  reportMissing(context, 'persistent_persona', 'missing-persistence', 'false');
  const declaration = context.declarations.persistent_persona.primary;
  if (!declaration || typeof declaration.value === 'boolean') return;
  const what = isEmpty(declaration.value) ? 'persistent_persona is empty' : `Invalid persistent_persona '${declaration.raw}'`;
  context.report('invalid-persistence', declaration.valueStart, declaration.valueEnd, `${what}: the flag is true or false, unquoted.`);
};

export const checkConflicts: Check = context => {
  for (const key of Object.keys(context.declarations) as DeclarationKey[]) {
    const { primary, conflicts } = context.declarations[key];
    for (const conflict of conflicts) {
      context.report('conflicting-declaration', conflict.valueStart, conflict.valueEnd,
        `This ${key} '${conflict.raw}' disagrees with the ${primary!.form === 'frontmatter' ? 'frontmatter' : 'first inline'} ${key} '${primary!.raw}': a role declares each fact once, or the same way twice.`);
    }
  }
};

function toSlug(value: string): string {
  return value.trim().replace(/^['"]|['"]$/g, '').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[\s_]+/g, '-');
}
