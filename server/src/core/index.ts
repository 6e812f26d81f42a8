/** The core's public face: the shells import from here and nowhere else in the core. */
export { createLanguageService, type RoleLanguageService, type LanguageServiceOptions } from './languageService';
export { MAX_ROLE_FILE_BYTES, type RoleFileSystem, type DirectoryEntry, type EntryType } from './library/fileSystem';
export type { DiscoveryOptions } from './library/discovery';
export type { DiagnosticsResult } from './workspace/roleWorkspace';
export type { DiagnosticsReport } from './workspace/changedDiagnostics';
export type { FileEvent, FileEventsResult } from './workspace/fileEvents';
export type { LibraryStatus, WorkspaceStatus } from './workspace/status';
export { DIAGNOSTIC_CODES, DIAGNOSTIC_SOURCE, type DiagnosticCode } from './config/diagnosticCodes';
export { CONFIG_FILE_NAME, problemLocation, type ConfigProblem } from './config/configFile';
export { CancelledError, type CancellationToken } from './util/cancellation';
export { describeReadFailure } from './util/readFailure';
export { isWithin, relativePath } from './util/paths';
export { isRefusal, type FileMove, type Refusal } from './features/rename';
export { SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';
export { FIX_ALL_KIND } from './features/codeActions/codeActions';
export type { ReferrersLens } from './features/codeLens';
export type { RoleGraph, GraphNode, GraphEdge } from './features/roleGraph';
