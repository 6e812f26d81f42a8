import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import { isUnreportedProse, namingGroups } from '../diagnostics/referenceChecks';
import type { RoleWorkspace } from '../workspace/roleWorkspace';

/** A role reference is a `role`; one to a role that does not exist carries `unknown`. */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: ['role'], tokenModifiers: ['unknown'] };

const UNKNOWN = 1 << 0;

/** References that exist and references that do not, told apart where a grammar cannot know. */
export function semanticTokens(workspace: RoleWorkspace, path: string): SemanticTokens {
  const file = workspace.file(path);
  if (!file) return { data: [] };
  const lines = file.role.lines;
  const data: number[] = [];
  const view = workspace.index.view(file.library, workspace.uriOf);
  const groups = namingGroups(view, file.role.references);
  let previousLine = 0;
  let previousChar = 0;
  for (const ref of file.role.references) {
    const start = lines.positionAt(ref.start);
    const end = lines.positionAt(ref.end);
    // Tokens are single-line; a name never spans lines, but a guard keeps the encoding valid.
    if (end.line !== start.line) continue;
    const unknown = workspace.index.roleFiles(file.library, ref.name).length === 0;
    if (unknown && isUnreportedProse(view, ref, file.name, groups)) continue;
    const modifiers = unknown ? UNKNOWN : 0;
    data.push(
      start.line - previousLine,
      start.line === previousLine ? start.character - previousChar : start.character,
      end.character - start.character,
      0,
      modifiers,
    );
    previousLine = start.line;
    previousChar = start.character;
  }
  return { data };
}
