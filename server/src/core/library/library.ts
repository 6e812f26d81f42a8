import picomatch from 'picomatch';
import { DEFAULT_DOMAINS } from '../config/defaultDomains';
import type { ConfigFileContent, ConfigProblem } from '../config/configFile';
import { basename, isWithin, relativePath, resolvePath } from '../util/paths';
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
  problems: ConfigProblem[];
  /** Severity per diagnostic code, from the configuration; 'off' silences a code. */
  severity: Readonly<Record<string, SeveritySetting>>;
  isExcluded(path: string): boolean;
  /** The library's index document: the configured one, else any LIBRARY.md. */
  isIndex(path: string): boolean;
}

export function createLibrary(
  root: string, configPath: string | undefined, config: ConfigFileContent | undefined, roleFolders: string[], problems: ConfigProblem[] = [],
): Library {
  const matchers = (config?.exclude ?? []).map(p => picomatch(p, { dot: true }));
  const indexPath = config?.index ? resolvePath(root, config.index) : undefined;
  return {
    id: configPath ?? root,
    root,
    configPath,
    roleFolders,
    domains: config?.domains ?? DEFAULT_DOMAINS,
    problems,
    severity: config?.severity ?? {},
    isExcluded: path => matchers.some(m => m(relativePath(root, path))),
    isIndex: path => (indexPath ? path === indexPath : basename(path) === 'LIBRARY.md'),
  };
}

/** Whether a Markdown file at `path` belongs to the library. */
export function libraryOwns(library: Library, path: string): boolean {
  return path.toLowerCase().endsWith('.md') && library.roleFolders.some(f => isWithin(path, f)) && !library.isExcluded(path);
}
