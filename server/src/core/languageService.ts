import type { CompletionList, Location, Position } from 'vscode-languageserver-types';
import type { RoleFileSystem } from './library/fileSystem';
import { complete } from './features/completion';
import { findDefinition } from './features/definition';
import { NEVER_CANCELLED, type CancellationToken } from './util/cancellation';
import { RoleWorkspace, type DiagnosticsResult } from './workspace/roleWorkspace';

export interface LanguageServiceOptions {
  fs: RoleFileSystem;
  /** How a core path is named to the outside: a file URI for LSP, a relative path for the CLI. */
  uriOf(path: string): string;
}

/**
 * The one entry point of the core. Every answer is a plain function of the
 * workspace's state; nothing here knows the protocol or the editor.
 */
export interface RoleLanguageService {
  readonly workspace: RoleWorkspace;
  getDiagnostics(path: string): DiagnosticsResult | undefined;
  getCompletions(path: string, position: Position, token?: CancellationToken): CompletionList;
  getDefinition(path: string, position: Position, token?: CancellationToken): Location[];
}

export function createLanguageService(options: LanguageServiceOptions): RoleLanguageService {
  const workspace = new RoleWorkspace(options.fs, options.uriOf);
  return {
    workspace,
    getDiagnostics: path => workspace.diagnosticsOf(path),
    getCompletions: (path, position, token = NEVER_CANCELLED) => complete(workspace, path, position, token),
    getDefinition: (path, position) => findDefinition(workspace, path, position),
  };
}
