import { CompletionItemKind, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver-types';
import type { IndexedFile } from '../library/roleIndex';
import { NEVER_CANCELLED, throwIfCancelled, type CancellationToken } from '../util/cancellation';
import { dirname, relativePath } from '../util/paths';
import type { RoleWorkspace } from '../workspace/roleWorkspace';
import { describeRole } from './roleDescription';
import { yamlScalar } from '../parse/yamlScalar';
import { lowerBound } from '../util/lowerBound';
import { completeKeys, frontmatterSpot, toolItems, valueItems } from './frontmatterCompletion';
import { standsForAgent } from '../parse/bodyReferences';
import { completeSkillPaths } from './skillPathCompletion';

/**
 * Past this many matches the list is cut and marked incomplete, so the editor
 * asks again as the author types: a list of ten thousand roles is slow to
 * send and of no use to read, and a hundred fill any completion widget.
 */
const MAX_ITEMS = 100;

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/**
 * Role names wherever references stand: inside `**…**`, in a link's
 * destination, in the format's reference keys (`handoffs[].agent`) and,
 * where its forms allow plain names, in its sections and labelled lists.
 * In the frontmatter, the format's keys, and each key's values (domains,
 * enums, booleans, tools); values of inline declarations too.
 */
export function complete(workspace: RoleWorkspace, path: string, position: Position, token: CancellationToken = NEVER_CANCELLED): CompletionList {
  const file = workspace.file(path);
  if (!file) return EMPTY;
  const lines = file.role.lines;
  if (position.line >= lines.lineCount) return EMPTY;
  const lineText = lines.lineText(position.line);
  const before = lineText.slice(0, position.character);
  const after = lineText.slice(position.character);
  const offset = lines.offsetAt(position);
  const handedTo = handOff(workspace, file, before, after, position, offset, token);
  if (handedTo) return handedTo;
  if (insideCode(file, offset)) return EMPTY;

  const domain = domainContext(file, position.line, before);
  if (domain !== undefined) return completeDomains(workspace, file, position, domain);
  const spot = frontmatterSpot(file, position);
  if (spot) return spot.kind === 'key' ? completeKeys(file, spot) : completeFrontmatterValue(workspace, file, spot, token);
  const inline = /`([A-Za-z_][\w-]*):[ \t]*([^`\s]*)$/.exec(before);
  if (inline) {
    const range = { start: { line: position.line, character: position.character - inline[2].length }, end: position };
    return {
      isIncomplete: false,
      items: valueItems(
        file.library.format.declarations.find(d => d.key === inline[1] && d.in !== 'frontmatter'),
        range,
      ),
    };
  }

  const bold = /\*\*([a-z0-9-]*)$/.exec(before);
  if (bold) {
    const typed = bold[1];
    const rest = /^[a-z0-9-]*/.exec(after)![0];
    const closed = after.slice(rest.length).startsWith('**');
    // The edit takes in the opening ** too: clients read the word at point their own way (eglot takes
    // `**qa-eng` whole), and one that replaces its word and then applies the edit must find the edit covering it.
    const range = {
      start: { line: position.line, character: position.character - typed.length - 2 },
      end: { line: position.line, character: position.character + rest.length },
    };
    return completeRoles(workspace, file, typed, range, name => (closed ? `**${name}` : `**${name}**`), token);
  }
  const link = /\]\(([^()\s]*)$/.exec(before);
  if (link) {
    const typed = link[1];
    const rest = /^[^()\s]*/.exec(after)![0];
    const range = {
      start: { line: position.line, character: position.character - typed.length },
      end: { line: position.line, character: position.character + rest.length },
    };
    const skillPaths = completeSkillPaths(file, typed, range);
    if (skillPaths) return skillPaths;
    const fromDir = dirname(path);
    return completeRoles(
      workspace,
      file,
      typed,
      range,
      (_name, target) => {
        const rel = relativePath(fromDir, target);
        return rel.startsWith('.') ? rel : `./${rel}`;
      },
      token,
    );
  }
  const { referenceForms } = file.library.format.parse;
  const plain = /(?:^|[\s(,])([a-z][a-z0-9-]*)$/.exec(before);
  if (plain && referenceForms.includes('plain') && file.role.referencePlaces.some(p => offset >= p.start && offset <= p.end)) {
    const rest = /^[a-z0-9-]*/.exec(after)![0];
    const range = {
      start: { line: position.line, character: position.character - plain[1].length },
      end: { line: position.line, character: position.character + rest.length },
    };
    return completeRoles(workspace, file, plain[1], range, name => name, token);
  }
  return EMPTY;
}

/** Where only an agent's name stands in the body ("delegate to `", "@agent-"), in a format that reads names there: the agents. */
function handOff(
  workspace: RoleWorkspace,
  file: IndexedFile,
  before: string,
  after: string,
  position: Position,
  offset: number,
  token: CancellationToken,
): CompletionList | undefined {
  if (!file.library.format.parse.referenceForms.includes('body')) return undefined;
  // After `@agent-` the name is what follows the prefix, hyphens and all.
  const typed = (/@agent-([a-z0-9-]*)$/.exec(before) ?? /[a-z0-9-]*$/.exec(before)!).at(-1)!;
  if (!standsForAgent(before.slice(0, before.length - typed.length))) return undefined;
  if (file.role.codeBlocks.some(f => offset >= f.start && offset <= f.end)) return undefined;
  if (file.role.frontmatter && position.line < file.role.frontmatter.bodyLine) return undefined;
  const rest = /^[a-z0-9-]*/.exec(after)![0];
  const range = {
    start: { line: position.line, character: position.character - typed.length },
    end: { line: position.line, character: position.character + rest.length },
  };
  return completeRoles(workspace, file, typed, range, name => name, token);
}

/** A value in the frontmatter: role names for a reference key, tools for a tools key, else the key's values. */
function completeFrontmatterValue(
  workspace: RoleWorkspace,
  file: IndexedFile,
  spot: Extract<ReturnType<typeof frontmatterSpot>, { kind: 'value' }>,
  token: CancellationToken,
): CompletionList {
  const format = file.library.format;
  const isReference = format.references.keys.some(k => k === spot.path || k === `${spot.path}[]` || (spot.path === spot.key && k === `${spot.key}[]`));
  if (isReference) {
    const { typed, range, quoted } = referenceValueSpot(file, spot.range.start.line, spot.range.start.character + spot.typed.length);
    return completeRoles(workspace, file, typed, range, name => (quoted ? name : yamlScalar(name)), token);
  }
  if (format.tools.keys.includes(spot.key)) {
    const rule = toolRuleArgument(file, spot.range.start.line, spot.range.start.character + spot.typed.length);
    if (rule) return completeRoles(workspace, file, rule.typed, rule.range, name => name, token);
    return { isIncomplete: false, items: toolItems(file, spot.range) };
  }
  if (spot.path !== spot.key) return EMPTY;
  if (spot.key === format.identity.key) {
    return {
      isIncomplete: false,
      items: [{ label: file.role.stem, kind: CompletionItemKind.Value, detail: "the file's name", textEdit: { range: spot.range, newText: file.role.stem } }],
    };
  }
  return {
    isIncomplete: false,
    items: valueItems(
      format.declarations.find(d => d.key === spot.key),
      spot.range,
    ),
  };
}

/**
 * The name typed so far in a reference key's value, spaces included: a display name
 * ('Feature Builder') is one value, up to the quote, comma, bracket or colon before it.
 */
function referenceValueSpot(file: IndexedFile, line: number, character: number): { typed: string; range: Range; quoted: boolean } {
  const lineText = file.role.lines.lineText(line);
  const m = /(?:^[ \t]*-[ \t]*|^[ \t]*|:[ \t]*|[[,][ \t]*)(['"]?)([^'",[\]:]*)$/.exec(lineText.slice(0, character));
  const typed = m?.[2] ?? '';
  const rest = /^[^'",\]#]*/.exec(lineText.slice(character))![0].trimEnd();
  return {
    typed,
    quoted: (m?.[1] ?? '') !== '',
    range: { start: { line, character: character - typed.length }, end: { line, character: character + rest.length } },
  };
}

/** Inside `Agent(…)` of a tools key (a rule whose arguments name agents): the agent name typed so far. */
function toolRuleArgument(file: IndexedFile, line: number, character: number): { typed: string; range: Range } | undefined {
  const rules = file.library.format.references.toolRules;
  const lineText = file.role.lines.lineText(line);
  const m = /([A-Za-z]+)\(([^()]*)$/.exec(lineText.slice(0, character));
  if (!m || !rules.includes(m[1])) return undefined;
  const typed = /[^,\s]*$/.exec(m[2])![0];
  const rest = /^[^,\s)]*/.exec(lineText.slice(character))![0];
  return { typed, range: { start: { line, character: character - typed.length }, end: { line, character: character + rest.length } } };
}

function insideCode(file: IndexedFile, offset: number): boolean {
  // Completion inside code would write a reference where none counts.
  if (file.role.codeBlocks.some(f => offset >= f.start && offset <= f.end)) return true;
  const line = file.role.lines.lineAt(offset);
  const lineText = file.role.lines.lineText(line);
  const column = offset - file.role.lines.lineStarts[line];
  const ticks = (lineText.slice(0, column).match(/`/g) ?? []).length;
  const inlineKey = /`([A-Za-z_][\w-]*):[^`]*$/.exec(lineText.slice(0, column))?.[1];
  return ticks % 2 === 1 && !(inlineKey !== undefined && file.library.format.declared.some(d => d.key === inlineKey && d.in !== 'frontmatter'));
}

/** The domain typed so far when the cursor is in the value of a key that takes the library's domains, else undefined. */
function domainContext(file: IndexedFile, line: number, before: string): string | undefined {
  if (!file.library.format.declarations.some(d => d.key === 'domain' && d.valuesFrom === 'domains')) return undefined;
  const fm = file.role.frontmatter;
  const inFrontmatter = fm !== undefined && line > 0 && line < fm.bodyLine - 1;
  const pattern = inFrontmatter ? /^domain:[ \t]*([a-z0-9-]*)$/ : /`domain:[ \t]*([a-z0-9-]*)$/;
  return pattern.exec(before)?.[1];
}

function completeDomains(workspace: RoleWorkspace, file: IndexedFile, position: Position, typed: string): CompletionList {
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const counts = new Map<string, number>();
  for (const [, entry] of workspace.index.entries()) {
    if (entry.library !== file.library) continue;
    const domain = entry.summary.domain;
    if (domain) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  const items = file.library.domains.map(
    (domain): CompletionItem => ({
      label: domain,
      kind: CompletionItemKind.EnumMember,
      detail: `${counts.get(domain) ?? 0} roles`,
      textEdit: { range, newText: domain },
    }),
  );
  return { isIncomplete: false, items };
}

function completeRoles(
  workspace: RoleWorkspace,
  file: IndexedFile,
  typed: string,
  range: Range,
  insert: (name: string, target: string) => string,
  token: CancellationToken,
): CompletionList {
  const needle = typed.toLowerCase().replace(/^\.\//, '').replace(/\.md$/, '').split('/').pop() ?? '';
  const items: CompletionItem[] = [];
  let isIncomplete = false;
  for (const name of matchingNames(workspace.index.sortedRoleNames(file.library), needle)) {
    if (name === file.name) continue;
    if (items.length === MAX_ITEMS) {
      isIncomplete = true;
      break;
    }
    if (items.length % 64 === 0) throwIfCancelled(token);
    const target = workspace.index.roleFiles(file.library, name)[0];
    const newText = insert(name, target);
    // The edit's text doubles as insertText and filterText: a client filters by what lies in the edit's range
    // (`**qa-eng`, `./qa-eng`), and one that inserts insertText over its own word before applying the edit
    // (eglot) must insert at least as much as it then takes back.
    const item: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Reference,
      detail: describeRole(workspace.file(target)!.summary),
      textEdit: { range, newText },
      filterText: newText.replace(/\*\*$/, ''),
      insertText: newText,
    };
    items.push(item);
  }
  return { isIncomplete, items };
}

/**
 * Names that start with the needle first, found by a binary search of the
 * sorted names, then the other names that hold its letters in order.
 */
function* matchingNames(sorted: readonly string[], needle: string): Generator<string> {
  const first = lowerBound(sorted, name => name < needle);
  let end = first;
  while (end < sorted.length && sorted[end].startsWith(needle)) yield sorted[end++];
  // Display names ('Feature Builder') hold capitals: they match the lower-cased needle by their lower case.
  const prefixByCase = (name: string, lower: string) => lower !== name && lower.startsWith(needle);
  for (let i = 0; i < sorted.length; i++) {
    if (i >= first && i < end) continue;
    if (prefixByCase(sorted[i], sorted[i].toLowerCase())) yield sorted[i];
  }
  for (let i = 0; i < sorted.length; i++) {
    if (i >= first && i < end) continue;
    const lower = sorted[i].toLowerCase();
    if (!prefixByCase(sorted[i], lower) && isSubsequence(needle, lower)) yield sorted[i];
  }
}

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (let j = 0; j < hay.length && i < needle.length; j++) if (hay[j] === needle[i]) i++;
  return i === needle.length;
}
