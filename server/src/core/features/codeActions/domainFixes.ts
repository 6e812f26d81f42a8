import { applyEdits, modify } from 'jsonc-parser';
import type { CodeAction } from 'vscode-languageserver-types';
import { CONFIG_FILE_NAME } from '../../config/configFile';
import { closestMatches } from '../../util/editDistance';
import { joinPath } from '../../util/paths';
import { quickFix, singleEdit, textDocumentEdit } from './edits';
import type { FixContext } from './fixContext';

/** unknown-domain: a known domain close to it, or the domain added to the library's configuration. */
export function unknownDomainFixes(context: FixContext, configText: string | undefined): CodeAction[] {
  const { diagnostic, file, workspace, uri } = context;
  const lines = file.role.lines;
  const written = lines.text.slice(lines.offsetAt(diagnostic.range.start), lines.offsetAt(diagnostic.range.end));
  const domain = written.replace(/^['"]|['"]$/g, '');
  const actions = closestMatches(domain, file.library.domains, 3).map((d, i) =>
    quickFix(`Change the domain to '${d}'`, singleEdit(uri, { range: diagnostic.range, newText: d }), diagnostic, i === 0),
  );
  if (/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(domain)) {
    const configPath = file.library.configPath ?? joinPath(file.library.root, CONFIG_FILE_NAME);
    const configUri = workspace.uriOf(configPath);
    const domains = [...file.library.domains, domain];
    const title = `Add '${domain}' to the library's domains in ${CONFIG_FILE_NAME}`;
    if (configText === undefined) {
      const text = `${JSON.stringify({ domains }, null, 2)}\n`;
      actions.push(
        quickFix(
          title,
          {
            documentChanges: [
              { kind: 'create', uri: configUri, options: { ignoreIfExists: true } },
              textDocumentEdit(configUri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }]),
            ],
          },
          diagnostic,
        ),
      );
    } else {
      // A configuration without domains used the built-in list: it is written out with the new one.
      const hasDomains = file.library.configPath !== undefined && /"domains"\s*:/.test(configText);
      const jsonEdits = hasDomains
        ? modify(configText, ['domains', -1], domain, { isArrayInsertion: true, formattingOptions: { insertSpaces: true, tabSize: 2 } })
        : modify(configText, ['domains'], domains, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
      const updated = applyEdits(configText, jsonEdits);
      const end = endOf(configText);
      actions.push(quickFix(title, singleEdit(configUri, { range: { start: { line: 0, character: 0 }, end }, newText: updated }), diagnostic));
    }
  }
  return actions;
}

function endOf(text: string): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
