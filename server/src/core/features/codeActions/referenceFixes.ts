import type { CodeAction } from 'vscode-languageserver-types';
import { dirname, joinPath } from '../../util/paths';
import { quickFix, singleEdit, textDocumentEdit } from './edits';
import type { FixContext } from './fixContext';
import { roleTemplate } from './roleTemplate';

/** Names close to an unknown role, best first. */
export function roleSuggestions(context: FixContext, name: string): string[] {
  return context.workspace.index.closestRoles(context.file.library, name, 3);
}

/** unknown-role: replace with a close role, or create the role's file from a template that checks clean. */
export function unknownRoleFixes(context: FixContext): CodeAction[] {
  const { diagnostic, file, workspace, uri, path } = context;
  const lines = file.role.lines;
  const name = lines.text.slice(lines.offsetAt(diagnostic.range.start), lines.offsetAt(diagnostic.range.end));
  const actions = roleSuggestions(context, name).map((s, i) =>
    quickFix(`Replace with '${s}'`, singleEdit(uri, { range: diagnostic.range, newText: s }), diagnostic, i === 0),
  );
  const folder = file.library.roleFolders.find(f => path.startsWith(`${f}/`)) ?? dirname(path);
  const extension = file.library.format.extension;
  const newUri = workspace.uriOf(joinPath(folder, `${name}${extension}`));
  const domain = file.summary.domain ?? file.library.domains[0];
  actions.push(
    quickFix(
      `Create role file ${name}${extension}`,
      {
        documentChanges: [
          { kind: 'create', uri: newUri, options: { ignoreIfExists: true } },
          textDocumentEdit(newUri, [
            {
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
              newText: roleTemplate(name, domain, file.role.isDocument ? undefined : file.role.stem, file.library.format),
            },
          ]),
        ],
      },
      diagnostic,
    ),
  );
  return actions;
}
