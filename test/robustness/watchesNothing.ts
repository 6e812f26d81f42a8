import type { ClientCapabilities } from 'vscode-languageserver-protocol';

/** A client that applies workspace edits with file moves but watches no files (Neovim 0.7, ALE): the server watches the disk itself. */
export const WATCHES_NOTHING: ClientCapabilities = {
  workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } },
  textDocument: { synchronization: { didSave: true }, publishDiagnostics: {}, rename: { prepareSupport: true } },
};
