import picomatch from 'picomatch';
import { DEFAULT_DOMAINS } from '../config/defaultDomains';
import type { ConfigFileContent, ConfigProblem } from '../config/configFile';
import { isWithin, relativePath } from '../util/paths';

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
  isExcluded(path: string): boolean;
}

export function createLibrary(
  root: string, configPath: string | undefined, config: ConfigFileContent | undefined, roleFolders: string[], problems: ConfigProblem[] = [],
): Library {
  const matchers = (config?.exclude ?? []).map(p => picomatch(p, { dot: true }));
  return {
    id: configPath ?? root,
    root,
    configPath,
    roleFolders,
    domains: config?.domains ?? DEFAULT_DOMAINS,
    problems,
    isExcluded: path => matchers.some(m => m(relativePath(root, path))),
  };
}

/** Whether a Markdown file at `path` belongs to the library. */
export function libraryOwns(library: Library, path: string): boolean {
  return path.toLowerCase().endsWith('.md') && library.roleFolders.some(f => isWithin(path, f)) && !library.isExcluded(path);
}
