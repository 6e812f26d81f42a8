import type { FrontmatterKey } from './frontmatter';
import type { DeclaredKey } from './parseRules';
import type { Declaration, ParsedRole } from './roleFile';

export interface KeyDeclarations {
  /** The declaration that counts: the frontmatter's, else the first inline one. */
  primary?: Declaration;
  /** Inline declarations that disagree with the primary one. */
  conflicts: Declaration[];
}

/** The declarations of each key the format declares, by key. */
export type RoleDeclarations = Readonly<Record<string, KeyDeclarations>>;

/** Frontmatter keys as declarations, with the place of each value in the text. */
export function frontmatterDeclarations(role: ParsedRole): Declaration[] {
  const fm = role.frontmatter;
  if (!fm) return [];
  const out: Declaration[] = [];
  // The first place of each key, found once: a find per key made a frontmatter of many keys quadratic.
  const places = new Map<string, FrontmatterKey>();
  for (const k of fm.keys) if (!places.has(k.key)) places.set(k.key, k);
  for (const [key, value] of fm.data) {
    const place = places.get(key);
    const keyStart = place?.keyStart ?? fm.start;
    const keyEnd = place?.keyEnd ?? fm.start;
    const hasValueText = place !== undefined && place.valueEnd > place.valueStart;
    out.push({
      key,
      value,
      form: 'frontmatter',
      raw: hasValueText ? role.lines.text.slice(place.valueStart, place.valueEnd) : value === null || value === undefined ? '' : String(value),
      keyStart,
      keyEnd,
      valueStart: hasValueText ? place.valueStart : keyStart,
      valueEnd: hasValueText ? place.valueEnd : keyEnd,
    });
  }
  return out;
}

/**
 * Each declared key's declarations, in the places the format allows it.
 * Inline values are text; a boolean key's bare `true` and `false` read as booleans.
 */
export function roleDeclarations(role: ParsedRole, keys: readonly DeclaredKey[]): RoleDeclarations {
  const fromFrontmatter = keys.some(k => k.in !== 'inline') ? frontmatterDeclarations(role) : [];
  const result: Record<string, KeyDeclarations> = Object.create(null);
  for (const { key, in: place, type } of keys) {
    const front = place === 'inline' ? undefined : fromFrontmatter.find(d => d.key === key);
    const inline =
      place === 'frontmatter'
        ? []
        : role.inlineDeclarations.filter(d => d.key === key).map(d => (type === 'boolean' ? { ...d, value: inlineBoolean(d.raw) } : d));
    const primary = front ?? inline[0];
    const conflicts = primary ? inline.filter(d => d !== primary && !sameValue(d.value, primary.value)) : [];
    result[key] = { primary, conflicts };
  }
  return result;
}

function inlineBoolean(raw: string): unknown {
  return raw === 'true' ? true : raw === 'false' ? false : raw;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a !== 'object' && typeof b !== 'object' && String(a) === String(b));
}

/** The value of a key when it is a string: the role's declared name, domain, description. */
export function declaredString(declarations: RoleDeclarations, key: string | undefined): string | undefined {
  const value = key === undefined ? undefined : declarations[key]?.primary?.value;
  return typeof value === 'string' ? value : undefined;
}
