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
  /** A diagnostic's codeDescription (the link to its code's page) is shown, in the way diagnostics reach this client. */
  codeDescription: boolean;
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
  const pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
  return {
    pullDiagnostics,
    codeDescription: codeDescriptionSupport(capabilities, pullDiagnostics),
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

/**
 * LSP 3.16 declares codeDescription under publishDiagnostics only, and 3.17's
 * pull capability has no such field, so a client that pulls declares it there
 * (VS Code's does); 3.18 adds it to textDocument.diagnostic, which wins when
 * the client states it.
 */
function codeDescriptionSupport(capabilities: ClientCapabilities, pulled: boolean): boolean {
  const published = capabilities.textDocument?.publishDiagnostics?.codeDescriptionSupport === true;
  if (!pulled) return published;
  const pull = capabilities.textDocument?.diagnostic as { codeDescriptionSupport?: boolean } | undefined;
  return pull?.codeDescriptionSupport ?? published;
}
