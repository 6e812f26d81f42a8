import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Location, Position } from 'vscode-languageserver-protocol';
import { SHOW_REFERENCES_COMMAND } from '../../server/src/lsp/protocol';

/** The code lens's command: the server names the locations, VS Code's peek view shows them. */
export function registerShowReferences(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, async (uri: string, position: Position, locations: Location[]) => {
    const converter = client.protocol2CodeConverter;
    await vscode.commands.executeCommand(
      'editor.action.showReferences',
      vscode.Uri.parse(uri),
      converter.asPosition(position),
      locations.map(l => converter.asLocation(l)),
    );
  });
}
