import { DEFAULT_DOMAINS } from '../config/defaultDomains';
import { compileFormat, resolveFormat, type CompiledFormat } from '../config/compiledFormat';
import { compileGlob } from '../config/linearGlob';
import type { RoleFormat } from '../config/roleFormat';
import type { ConfigFileContent, ConfigProblem } from '../config/configFile';
import { basename, dirname, isWithin, relativePath, resolvePath } from '../util/paths';
import { stemOf } from '../util/slug';
import type { FolderFiles } from './folderFiles';
import { INDEX_FILE_NAME } from './libraryEvidence';
import type { SeveritySetting } from '../config/configFile';

/** One library: a configuration (or the defaults) and its role folders together. */
export interface Library {
  /** The configuration file's path, or the workspace root for a library without one. */
  id: string;
  root: string;
  configPath?: string;
  /** Absolute role folders: the configured ones, or every folder named `roles` found below the root. */
  roleFolders: string[];
  domains: readonly string[];
  /** The library's format: the configured one, the one its folders imply, or the fleet's. */
  format: CompiledFormat;
  problems: ConfigProblem[];
  /** Severity per diagnostic code, from the configuration; 'off' silences a code. */
  severity: Readonly<Record<string, SeveritySetting>>;
  isExcluded(path: string): boolean;
  /** The library's index document: the configured one, else any LIBRARY.md. */
  isIndex(path: string): boolean;
  /** Where a folder is the role (a skill): the files and folders below the role folders, which its links name; discovery lists them. */
  folderFiles?: FolderFiles;
}

export function createLibrary(
  root: string,
  configPath: string | undefined,
  config: ConfigFileContent | undefined,
  roleFolders: string[],
  problems: ConfigProblem[] = [],
  detected?: RoleFormat,
  id?: string,
): Library {
  const format = compileFormat(resolveFormat(config?.format, detected));
  const matchers = (config?.exclude ?? []).map(compileGlob);
  const indexPath = config?.index ? resolvePath(root, config.index) : undefined;
  return {
    id: id ?? configPath ?? root,
    root,
    configPath,
    roleFolders,
    domains: config?.domains ?? DEFAULT_DOMAINS,
    format,
    problems,
    severity: config?.severity ? { ...format.severity, ...config.severity } : format.severity,
    isExcluded: path => matchers.some(m => m(relativePath(root, path))),
    isIndex: path => (indexPath ? path === indexPath : basename(path) === INDEX_FILE_NAME),
  };
}

/** Whether a Markdown file at `path` belongs to the library. */
export function libraryOwns(library: Library, path: string): boolean {
  const lower = path.toLowerCase();
  const extension = library.format.extension.toLowerCase();
  // Markdown, or the format's own ending when it is not Markdown's (Cursor's '.mdc').
  const ownEnding = lower.endsWith(extension);
  if (!(lower.endsWith('.md') || ownEnding) || !library.roleFolders.some(f => isWithin(path, f)) || library.isExcluded(path)) return false;
  // A skill's folder holds its SKILL.md and the files it reads (`references/forms.md`), which are no roles.
  // A skill is a folder of a role folder: a SKILL.md in the role folder itself names no skill.
  if (library.format.roleFile !== undefined) return basename(path) === library.format.roleFile && !library.roleFolders.includes(dirname(path));
  // A format whose role files end otherwise ('.agent.md') still reads the library's documents.
  return extension === '.md' || library.format.anyMarkdown || ownEnding || library.format.parse.isDocument(stemOf(path), path);
}
