import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isSlug } from '../../server/src/core/util/slug';
import { NEW_ROLE_REQUEST, type NewRoleParams, type NewRoleResult } from '../../server/src/lsp/protocol';

/**
 * Fleet Roles: New Role…: asks for a name, has the server write the role in
 * the format of the library of the active file (or the only library), applies
 * the edit (the file and its line in the index) and opens the new file. A
 * name passed as the argument skips the question (for tests and keybindings).
 */
export async function newRole(client: LanguageClient, given?: unknown): Promise<vscode.Uri | undefined> {
  // Anything but a string (a keybinding's odd `args`, a menu's URI) asks, as the palette does.
  const name =
    typeof given === 'string'
      ? given
      : await vscode.window.showInputBox({
          title: 'New Role',
          prompt: "The role's name, as a kebab-case slug",
          placeHolder: 'code-reviewer',
          validateInput: value => (isSlug(value) ? undefined : 'A kebab-case slug, such as code-reviewer'),
        });
  if (!name) return undefined;
  const active = vscode.window.activeTextEditor?.document.uri;
  const params: NewRoleParams = { name, near: active?.scheme === 'file' ? active.toString() : undefined };
  let result: NewRoleResult;
  try {
    result = await client.sendRequest<NewRoleResult>(NEW_ROLE_REQUEST, params);
  } catch (error) {
    void vscode.window.showErrorMessage(`New role: ${(error as Error).message}`);
    return undefined;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`New role: the edit could not be applied.`);
    return undefined;
  }
  const uri = vscode.Uri.parse(result.uri);
  const document = await vscode.workspace.openTextDocument(uri);
  await document.save();
  await vscode.window.showTextDocument(document);
  return uri;
}
