import type { ClientCapabilities } from 'vscode-languageserver/node';

/**
 * What the client declared it can do, read once at initialize: every answer
 * and every request the server makes is shaped by it, so that a client that
 * declares little (ALE, eglot, Neovim's built-in client) gets answers it can
 * use and is asked nothing it does not know.
 */
export interface ClientSupport {
  /** textDocument/diagnostic: else diagnostics are pushed (textDocument/publishDiagnostics). */
  pullDiagnostics: boolean;
  workspaceFolders: boolean;
  /** workspace/didChangeWatchedFiles with dynamic registration: else the server watches the disk itself. */
  watchedFiles: boolean;
  /** Workspace edits as documentChanges; else as a map of text edits per URI. */
  documentChanges: boolean;
  /** Resource operations a workspace edit may hold. */
  createFiles: boolean;
  renameFiles: boolean;
  /** textDocument/prepareRename: a client that does not prepare may not show a rename's error (ALE). */
  prepareRename: boolean;
  /** Whether hover may be Markdown; else plain text. */
  markdownHover: boolean;
  refresh: { diagnostics: boolean; codeLenses: boolean; semanticTokens: boolean };
}

export function readClientSupport(capabilities: ClientCapabilities): ClientSupport {
  const workspace = capabilities.workspace;
  const resourceOperations = workspace?.workspaceEdit?.resourceOperations ?? [];
  const hoverFormats = capabilities.textDocument?.hover?.contentFormat;
  return {
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
    workspaceFolders: workspace?.workspaceFolders === true,
    watchedFiles: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    // Resource operations exist only in documentChanges: a client declaring them takes that form (Neovim 0.7 declares only the operations).
    documentChanges: workspace?.workspaceEdit?.documentChanges === true || resourceOperations.length > 0,
    createFiles: resourceOperations.includes('create'),
    renameFiles: resourceOperations.includes('rename'),
    prepareRename: capabilities.textDocument?.rename?.prepareSupport === true,
    // Markdown only to a client that lists it: one that says nothing may show the marks as they are.
    markdownHover: hoverFormats?.includes('markdown') === true,
    refresh: {
      diagnostics: workspace?.diagnostics?.refreshSupport === true,
      codeLenses: workspace?.codeLens?.refreshSupport === true,
      semanticTokens: workspace?.semanticTokens?.refreshSupport === true,
    },
  };
}
