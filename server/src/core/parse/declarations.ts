import { DECLARATION_KEYS, type Declaration, type DeclarationKey, type ParsedRole } from './roleFile';

export interface KeyDeclarations {
  /** The declaration that counts: the frontmatter's, else the first inline one. */
  primary?: Declaration;
  /** Inline declarations that disagree with the primary one. */
  conflicts: Declaration[];
}

export type RoleDeclarations = Record<DeclarationKey, KeyDeclarations>;

/** Frontmatter keys as declarations, with the place of each value in the text. */
export function frontmatterDeclarations(role: ParsedRole): Declaration[] {
  const fm = role.frontmatter;
  if (!fm) return [];
  const out: Declaration[] = [];
  for (const [key, value] of fm.data) {
    const place = fm.keys.find(k => k.key === key);
    const keyStart = place?.keyStart ?? fm.start;
    const keyEnd = place?.keyEnd ?? fm.start;
    const hasValueText = place !== undefined && place.valueEnd > place.valueStart;
    out.push({
      key, value, form: 'frontmatter',
      raw: hasValueText ? role.lines.text.slice(place.valueStart, place.valueEnd) : value === null || value === undefined ? '' : String(value),
      keyStart, keyEnd,
      valueStart: hasValueText ? place.valueStart : keyStart,
      valueEnd: hasValueText ? place.valueEnd : keyEnd,
    });
  }
  return out;
}

export function roleDeclarations(role: ParsedRole): RoleDeclarations {
  const fromFrontmatter = frontmatterDeclarations(role);
  const result = {} as RoleDeclarations;
  for (const key of DECLARATION_KEYS) {
    const front = fromFrontmatter.find(d => d.key === key);
    const inline = role.inlineDeclarations.filter(d => d.key === key);
    const primary = front ?? inline[0];
    const conflicts = primary ? inline.filter(d => d !== primary && !sameValue(d.value, primary.value)) : [];
    result[key] = { primary, conflicts };
  }
  return result;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a !== 'object' && typeof b !== 'object' && String(a) === String(b));
}

/** The role's declared class when it is a string, for the library's class table. */
export function declaredClass(declarations: RoleDeclarations): string | undefined {
  const value = declarations.class.primary?.value;
  return typeof value === 'string' ? value : undefined;
}
