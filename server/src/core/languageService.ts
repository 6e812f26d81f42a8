import type {
  CodeAction, CodeLens, CompletionList, DocumentLink, DocumentSymbol, Hover, Location, Position, Range, SemanticTokens, WorkspaceEdit, WorkspaceSymbol,
} from 'vscode-languageserver-types';
import type { RoleFileSystem } from './library/fileSystem';
import { codeActions } from './features/codeActions/codeActions';
import { codeLenses } from './features/codeLens';
import { complete } from './features/completion';
import { findDefinition } from './features/definition';
import { documentLinks } from './features/documentLinks';
import { hover } from './features/hover';
import { findReferences } from './features/references';
import { editsForFileRename, prepareRename, rename, type Refusal } from './features/rename';
import { roleGraphs, type RoleGraph } from './features/roleGraph';
import { semanticTokens } from './features/semanticTokens';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { NEVER_CANCELLED, type CancellationToken } from './util/cancellation';
import { RoleWorkspace, type DiagnosticsResult } from './workspace/roleWorkspace';

export interface LanguageServiceOptions {
  fs: RoleFileSystem;
  /** How a core path is named to the outside: a file URI for LSP, a relative path for the CLI. */
  uriOf(path: string): string;
}

/**
 * The one entry point of the core. Every answer is a plain function of the
 * workspace's state; nothing here knows the protocol or the editor. Each
 * feature lives in its own file under features/.
 */
export interface RoleLanguageService {
  readonly workspace: RoleWorkspace;
  getDiagnostics(path: string): DiagnosticsResult | undefined;
  getCompletions(path: string, position: Position, token?: CancellationToken): CompletionList;
  getDefinition(path: string, position: Position): Location[];
  getHover(path: string, position: Position): Hover | null;
  getReferences(path: string, position: Position, includeDeclaration: boolean): Location[];
  getCodeLenses(path: string): CodeLens[];
  prepareRename(path: string, position: Position): { range: Range; placeholder: string } | Refusal;
  rename(path: string, position: Position, newName: string): WorkspaceEdit | Refusal;
  /** The edits that follow a file's move (before it moves), or undefined when none do. */
  getFileRenameEdits(oldPath: string, newPath: string): WorkspaceEdit | undefined;
  getCodeActions(path: string, range: Range, only?: string[]): Promise<CodeAction[]>;
  getDocumentSymbols(path: string): DocumentSymbol[];
  getWorkspaceSymbols(query: string, token?: CancellationToken): WorkspaceSymbol[];
  getDocumentLinks(path: string): DocumentLink[];
  getSemanticTokens(path: string): SemanticTokens;
  getRoleGraphs(): RoleGraph[];
}

export function createLanguageService(options: LanguageServiceOptions): RoleLanguageService {
  const workspace = new RoleWorkspace(options.fs, options.uriOf);
  return {
    workspace,
    getDiagnostics: path => workspace.diagnosticsOf(path),
    getCompletions: (path, position, token = NEVER_CANCELLED) => complete(workspace, path, position, token),
    getDefinition: (path, position) => findDefinition(workspace, path, position),
    getHover: (path, position) => hover(workspace, path, position),
    getReferences: (path, position, includeDeclaration) => findReferences(workspace, path, position, includeDeclaration),
    getCodeLenses: path => codeLenses(workspace, path),
    prepareRename: (path, position) => prepareRename(workspace, path, position),
    rename: (path, position, newName) => rename(workspace, path, position, newName),
    getFileRenameEdits: (oldPath, newPath) => editsForFileRename(workspace, oldPath, newPath),
    getCodeActions: (path, range, only) => codeActions(workspace, path, range, only),
    getDocumentSymbols: path => documentSymbols(workspace, path),
    getWorkspaceSymbols: (query, token = NEVER_CANCELLED) => workspaceSymbols(workspace, query, token),
    getDocumentLinks: path => documentLinks(workspace, path),
    getSemanticTokens: path => semanticTokens(workspace, path),
    getRoleGraphs: () => roleGraphs(workspace),
  };
}
