import { CompletionItemKind, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver-types';
import type { DeclarationSpec } from '../config/roleFormat';
import type { IndexedFile } from '../library/roleIndex';
import { namedSample } from '../util/namedSample';

/** What the cursor stands on in the frontmatter: a key being typed, or a value of a key (a path such as `handoffs[].agent` for a nested one). */
export type FrontmatterSpot =
  | { kind: 'key'; typed: string; hasColon: boolean; range: Range }
  | { kind: 'value'; path: string; key: string; typed: string; range: Range };

/** The spot at the position, when it is inside the frontmatter. */
export function frontmatterSpot(file: IndexedFile, position: Position): FrontmatterSpot | undefined {
  const { lines, frontmatter } = file.role;
  if (!frontmatter || (frontmatter.problem !== undefined && frontmatter.keys.length === 0)) return undefined;
  if (position.line <= 0 || position.line >= frontmatter.bodyLine - 1) return undefined;
  const lineText = lines.lineText(position.line);
  const before = lineText.slice(0, position.character);
  const rest = /^[^\s,\]'"]*/.exec(lineText.slice(position.character))![0];
  const word = (typed: string): Range => ({
    start: { line: position.line, character: position.character - typed.length },
    end: { line: position.line, character: position.character + rest.length },
  });
  const key = /^([A-Za-z_][\w-]*)?$/.exec(before);
  if (key) {
    // On a key already followed by its colon, only the key is replaced.
    const keyRest = /^[\w-]*/.exec(lineText.slice(position.character))![0];
    const typed = key[1] ?? '';
    const hasColon = /^[\w-]*[ \t]*:/.test(lineText.slice(position.character));
    return {
      kind: 'key',
      typed,
      hasColon,
      range: {
        start: { line: position.line, character: position.character - typed.length },
        end: { line: position.line, character: position.character + keyRest.length },
      },
    };
  }
  const value = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(?:.*[,[][ \t]*)?['"]?([^\s,'"[\]]*)$/.exec(before);
  if (value) return { kind: 'value', path: value[1], key: value[1], typed: value[2], range: word(value[2]) };
  // A nested line: the top-level key it belongs to is the nearest line above that is not indented.
  // What is typed may hold spaces: a display name ('Feature Builder') on an entry line of a list.
  const nested = /^[ \t]+(?:-[ \t]+)?(?:([A-Za-z_][\w-]*)[ \t]*:[ \t]*)?['"]?([^,'"[\]]*)$/.exec(before);
  if (!nested) return undefined;
  let owner: string | undefined;
  for (let line = position.line - 1; line > 0; line--) {
    const m = /^([A-Za-z_][\w-]*)[ \t]*:/.exec(lines.lineText(line));
    if (m) {
      owner = m[1];
      break;
    }
    if (!/^[ \t-]/.test(lines.lineText(line)) && lines.lineText(line).trim() !== '') return undefined;
  }
  if (!owner) return undefined;
  const path = nested[1] ? `${owner}[].${nested[1]}` : `${owner}[]`;
  return { kind: 'value', path, key: owner, typed: nested[2], range: word(nested[2]) };
}

/** The format's keys the frontmatter does not hold yet, the required first; no deprecated one. */
export function completeKeys(file: IndexedFile, spot: Extract<FrontmatterSpot, { kind: 'key' }>): CompletionList {
  // The key being retyped on this line is not taken yet.
  const present = new Set(file.role.frontmatter?.keys.filter(k => file.role.lines.lineAt(k.keyStart) !== spot.range.start.line).map(k => k.key));
  // A deprecated key (`infer`, `user-invokable`) is one to take out, not to write.
  const items = file.library.format.declarations
    .filter(d => !present.has(d.key) && d.in !== 'inline' && d.deprecated === undefined)
    .map(
      (d, i): CompletionItem => ({
        label: d.key,
        kind: CompletionItemKind.Property,
        detail: `${d.required ? 'required' : 'optional'} ${describeType(d)}`,
        sortText: `${d.required ? 0 : 1}${String(i).padStart(3, '0')}`,
        textEdit: { range: spot.range, newText: spot.hasColon ? d.key : `${d.key}: ` },
      }),
    );
  return { isIncomplete: false, items };
}

function describeType(d: DeclarationSpec): string {
  if (d.values) return `one of ${namedSample(d.values)}`;
  if (d.valuesFrom === 'domains') return "one of the library's domains";
  return d.type ?? 'string';
}

/** The values a key allows, as completion items. */
export function valueItems(spec: DeclarationSpec | undefined, range: Range): CompletionItem[] {
  if (!spec) return [];
  const values = spec.type === 'boolean' ? ['true', 'false'] : (spec.values ?? []);
  return values.map(v => ({ label: v, kind: CompletionItemKind.EnumMember, detail: spec.key, textEdit: { range, newText: v } }));
}

/** Known tools for a key that lists tools. */
export function toolItems(file: IndexedFile, range: Range): CompletionItem[] {
  return file.library.format.tools.known.map(tool => ({ label: tool, kind: CompletionItemKind.Function, detail: 'tool', textEdit: { range, newText: tool } }));
}
