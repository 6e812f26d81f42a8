import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  Hover,
  Location,
  Position,
  Range,
  SemanticTokens,
  WorkspaceEdit,
  WorkspaceSymbol,
} from 'vscode-languageserver-types';
import { FileMoves } from './fileMoves';
import { codeActions } from './features/codeActions/codeActions';
import { codeLenses, type ReferrersLens } from './features/codeLens';
import { complete } from './features/completion';
import { findDefinition } from './features/definition';
import { documentLinks } from './features/documentLinks';
import { hover } from './features/hover';
import { planNewRole, type NewRole } from './features/newRole';
import { findReferences } from './features/references';
import type { FileMove } from './features/fileMove';
import { isRefusal, type Refusal } from './features/refusal';
import { prepareRename, rename, type RenameTarget } from './features/rename';
import { roleGraphs, type RoleGraph } from './features/roleGraph';
import { semanticTokens } from './features/semanticTokens';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import type { DiscoveryOptions } from './library/discovery';
import type { RoleFileSystem } from './library/fileSystem';
import { NEVER_CANCELLED, throwIfCancelled, type CancellationToken } from './util/cancellation';
import { changedDiagnostics, type DiagnosticsReport } from './workspace/changedDiagnostics';
import { applyFileEvents, type FileEvent, type FileEventsResult } from './workspace/fileEvents';
import { RoleWorkspace, type DiagnosticsResult, type LoadObserver } from './workspace/roleWorkspace';
import { checkedFiles, workspaceStatus, type WorkspaceStatus } from './workspace/status';

export interface LanguageServiceOptions {
  fs: RoleFileSystem;
  /** How a core path is named to the outside: a file URI for LSP, a relative path for the CLI. */
  uriOf(path: string): string;
  /**
   * A move the editor announced and never reported done: its old path is to
   * be read again, which the shell does as a file event, in the order of its
   * other file events.
   */
  onMoveAbandoned?(path: string): void;
}

/**
 * The one door of the core: the shells tell it what happened (a load, a
 * document opened, changed or closed, files changed or moved) and ask it
 * questions, with core paths (absolute, '/'-separated). Answers are in LSP's
 * plain data types, which the CLI prints too; what the protocol's messages
 * are, and what an editor's commands are called, is the shells' business.
 *
 * Every question takes a cancellation token: a cancelled one makes the call
 * throw `CancelledError`, before any work and, in the walks over a library,
 * between steps.
 */
export interface RoleLanguageService {
  /** Discovers the libraries under the roots and reads every role file; what was known before is dropped. The observer hears how far it got. */
  load(roots: string[], discovery?: DiscoveryOptions, token?: CancellationToken, observer?: LoadObserver): Promise<void>;
  /** The libraries (with their roles and configuration problems), the files indexed, the folders that could not be read. */
  status(): WorkspaceStatus;
  /** The files the checks cover, in path order, each with its library's id. */
  checkedFiles(): Array<{ path: string; library: string }>;

  /** An editor opened the document or changed it: its text wins over the disk. Returns the files whose answers may have changed. */
  setDocument(path: string, text: string): Set<string>;
  /**
   * The editor closed the document: the disk's text counts again, or, when the
   * close is part of a move the editor announced, the file is dropped (its old
   * path may still be on disk for a moment).
   */
  closeDocument(path: string): Promise<Set<string>>;
  /** Files or folders that changed on disk (a watcher's events), applied in order. */
  filesChanged(events: readonly FileEvent[]): Promise<FileEventsResult>;
  /** The editor is about to move files: the edits that follow (references to the old names), or undefined when none do. */
  willRenameFiles(moves: readonly FileMove[], token?: CancellationToken): WorkspaceEdit | undefined;
  /** The editor moved files. */
  didRenameFiles(moves: readonly FileMove[]): Promise<FileEventsResult>;

  getDiagnostics(path: string, token?: CancellationToken): DiagnosticsResult | undefined;
  /** Problems of a library's configuration file, as diagnostics; undefined for other paths. */
  getConfigDiagnostics(path: string, token?: CancellationToken): Diagnostic[] | undefined;
  /** The diagnostics a client that holds these result ids (by path) lacks. */
  getChangedDiagnostics(previous: ReadonlyMap<string, string>, token?: CancellationToken): Promise<DiagnosticsReport[]>;
  getCompletions(path: string, position: Position, token?: CancellationToken): CompletionList;
  getDefinition(path: string, position: Position, token?: CancellationToken): Location[];
  getHover(path: string, position: Position, token?: CancellationToken): Hover | null;
  getReferences(path: string, position: Position, includeDeclaration: boolean, token?: CancellationToken): Location[];
  getCodeLenses(path: string, token?: CancellationToken): ReferrersLens[];
  prepareRename(path: string, position: Position, token?: CancellationToken): RenameTarget | Refusal;
  /**
   * The edit that renames the role at the position, made on the files' text as the editor holds
   * it or as the disk holds it now; the file moves it holds are remembered, so willRenameFiles does not answer them twice.
   */
  rename(path: string, position: Position, newName: string, token?: CancellationToken): Promise<WorkspaceEdit | Refusal>;
  getCodeActions(path: string, range: Range, only?: string[], token?: CancellationToken): Promise<CodeAction[]>;
  getDocumentSymbols(path: string, token?: CancellationToken): DocumentSymbol[];
  getWorkspaceSymbols(query: string, token?: CancellationToken): WorkspaceSymbol[];
  getDocumentLinks(path: string, token?: CancellationToken): DocumentLink[];
  getSemanticTokens(path: string, token?: CancellationToken): SemanticTokens;
  getRoleGraphs(token?: CancellationToken): RoleGraph[];
  /** A new role in the format of the library that holds `near` (or the only library): its file, and its line in the index. */
  planNewRole(name: string, near?: string, token?: CancellationToken): Promise<NewRole | Refusal>;
}

/** How often a rename is computed again when the disk changed under it, before it gives up. */
const RENAME_ATTEMPTS = 3;

export function createLanguageService(options: LanguageServiceOptions): RoleLanguageService {
  return serviceOver(new RoleWorkspace(options.fs, options.uriOf), options);
}

/**
 * The service over a given workspace. Not exported from the core's index:
 * the shells have the service only; tests of the workspace's own work (what
 * an edit re-parses) look at both.
 */
export function serviceOver(workspace: RoleWorkspace, options: Pick<LanguageServiceOptions, 'onMoveAbandoned'> = {}): RoleLanguageService {
  const moves = new FileMoves(workspace, path => options.onMoveAbandoned?.(path));
  /** A question's answer, unless the question was cancelled before it is asked. */
  const ask = <T>(token: CancellationToken, answer: () => T): T => {
    throwIfCancelled(token);
    return answer();
  };
  return {
    load: (roots, discovery = {}, token = NEVER_CANCELLED, observer = {}) => workspace.load(roots, discovery, token, observer),
    status: () => workspaceStatus(workspace),
    checkedFiles: () => checkedFiles(workspace),

    setDocument: (path, text) => workspace.setOverlay(path, text),
    closeDocument: path => moves.close(path),
    filesChanged: events => applyFileEvents(workspace, events),
    willRenameFiles: (files, token = NEVER_CANCELLED) => ask(token, () => moves.willRename(files, token)),
    didRenameFiles: files => applyFileEvents(workspace, moves.didRename(files)),

    getDiagnostics: (path, token = NEVER_CANCELLED) => ask(token, () => workspace.diagnosticsOf(path)),
    getConfigDiagnostics: (path, token = NEVER_CANCELLED) => ask(token, () => workspace.configDiagnostics(path)),
    getChangedDiagnostics: async (previous, token = NEVER_CANCELLED) => ask(token, () => changedDiagnostics(workspace, previous, token)),
    getCompletions: (path, position, token = NEVER_CANCELLED) => ask(token, () => complete(workspace, path, position, token)),
    getDefinition: (path, position, token = NEVER_CANCELLED) => ask(token, () => findDefinition(workspace, path, position)),
    getHover: (path, position, token = NEVER_CANCELLED) => ask(token, () => hover(workspace, path, position)),
    getReferences: (path, position, includeDeclaration, token = NEVER_CANCELLED) =>
      ask(token, () => findReferences(workspace, path, position, includeDeclaration, token)),
    getCodeLenses: (path, token = NEVER_CANCELLED) => ask(token, () => codeLenses(workspace, path, token)),
    prepareRename: (path, position, token = NEVER_CANCELLED) => ask(token, () => prepareRename(workspace, path, position)),
    rename: async (path, position, newName, token = NEVER_CANCELLED) => {
      throwIfCancelled(token);
      // The index may lag the disk by a watcher's settle time: the edit is made on the text the files hold now.
      for (let attempt = 1; ; attempt++) {
        const result = rename(workspace, path, position, newName, token);
        if (isRefusal(result)) return result;
        const stale = await workspace.staleOnDisk(result.edited);
        if (stale.length === 0) {
          moves.requested(result.moves);
          return result.edit;
        }
        if (attempt === RENAME_ATTEMPTS) return { error: 'Files the rename edits keep changing on disk: try the rename again once they settle.' };
        await applyFileEvents(
          workspace,
          stale.map(p => ({ path: p, deleted: false })),
        );
      }
    },
    getCodeActions: async (path, range, only, token = NEVER_CANCELLED) => ask(token, () => codeActions(workspace, path, range, only, token)),
    getDocumentSymbols: (path, token = NEVER_CANCELLED) => ask(token, () => documentSymbols(workspace, path)),
    getWorkspaceSymbols: (query, token = NEVER_CANCELLED) => ask(token, () => workspaceSymbols(workspace, query, token)),
    getDocumentLinks: (path, token = NEVER_CANCELLED) => ask(token, () => documentLinks(workspace, path)),
    getSemanticTokens: (path, token = NEVER_CANCELLED) => ask(token, () => semanticTokens(workspace, path)),
    getRoleGraphs: (token = NEVER_CANCELLED) => ask(token, () => roleGraphs(workspace, token)),
    planNewRole: (name, near, token = NEVER_CANCELLED) => ask(token, () => planNewRole(workspace, name, near)),
  };
}
