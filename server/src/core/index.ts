export { createLanguageService, type RoleLanguageService, type LanguageServiceOptions } from './languageService';
export type { RoleFileSystem, DirectoryEntry, EntryType } from './library/fileSystem';
export type { Library } from './library/library';
export { RoleWorkspace, type DiagnosticsResult } from './workspace/roleWorkspace';
export { DIAGNOSTIC_CODES, DIAGNOSTIC_SOURCE, type DiagnosticCode } from './diagnostics/codes';
export { CONFIG_FILE_NAME, type ConfigProblem } from './config/configFile';
export { CancelledError, type CancellationToken } from './util/cancellation';
export { parseRole, type ParsedRole } from './parse/roleFile';
export { isWithin, relativePath } from './util/paths';
