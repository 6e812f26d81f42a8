import { CONFIG_FILE_NAME, parseConfigText, type ConfigFileContent, type ConfigProblem } from '../config/configFile';
import { basename, childPath, dirname, isWithin, joinPath, normalizePath, resolvePath } from '../util/paths';
import { describeReadFailure } from '../util/readFailure';
import { MAX_ROLE_FILE_BYTES, type RoleFileSystem } from './fileSystem';
import { createLibrary, libraryOwns, type Library } from './library';

export interface Layout {
  /** Deepest root first, so the nearest configuration owns a file. */
  libraries: Library[];
  /** Every role file and library document, with its library. */
  files: Map<string, Library>;
  /** Folders the walk could not read (not those that do not exist), with why: the CLI must not call them empty. */
  unreadableFolders: ReadonlyMap<string, string>;
}

export interface DiscoveryOptions {
  /** A configuration named on the command line or in the editor's settings: it alone defines the library. */
  configPath?: string;
  /** Folders of role files beyond those named `roles`, from the editor's settings; they join the default library. */
  extraRoleFolders?: string[];
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

interface Walk {
  configs: Set<string>;
  roleFolders: Set<string>;
  markdown: Set<string>;
  walked: Set<string>;
  unreadable: Map<string, string>;
}

/**
 * Finds the libraries under the given roots: each configuration file defines
 * one, rooted at its folder; `roles` folders that no configuration covers
 * form a default library per root. A configuration above a root applies too,
 * as a project's `tsconfig.json` does for a file deep inside it.
 */
export async function discoverLayout(fs: RoleFileSystem, roots: string[], options: DiscoveryOptions = {}): Promise<Layout> {
  const walk = newWalk();
  if (options.configPath) {
    walk.configs.add(options.configPath);
  } else {
    for (const root of roots) {
      await walkTree(fs, root, walk);
      const above = await findConfigAbove(fs, root);
      if (above) walk.configs.add(above);
    }
    for (const folder of options.extraRoleFolders ?? []) {
      await walkTree(fs, folder, walk);
      walk.roleFolders.add(folder);
    }
  }

  const configLibraries: Array<{ root: string; path: string; config?: ConfigFileContent; problems: ConfigProblem[] }> = [];
  for (const path of walk.configs) {
    const { config, problems } = await readConfig(fs, path);
    const root = dirname(path);
    configLibraries.push({ root, path, config, problems });
    const folders = config?.roleFolders?.map(f => resolvePath(root, f)) ?? [root];
    for (const folder of folders) await walkTree(fs, folder, walk);
  }
  configLibraries.sort((a, b) => b.root.length - a.root.length);

  const configRoots = configLibraries.map(c => c.root);
  const foundUnder = (root: string) =>
    [...walk.roleFolders].filter(f => isWithin(f, root) && !configRoots.some(c => c !== root && isWithin(c, root) && isWithin(f, c)));

  // A configuration without roleFolders takes the `roles` folders below it, or else its own folder.
  const defaultFolders = (root: string) => {
    const found = foundUnder(root);
    return found.length > 0 ? found : [root];
  };
  const libraries: Library[] = configLibraries.map(c =>
    createLibrary(c.root, c.path, c.config, c.config?.roleFolders?.map(f => resolvePath(c.root, f)) ?? defaultFolders(c.root), c.problems));
  if (!options.configPath) {
    for (const root of roots) {
      const folders = [...walk.roleFolders].filter(f => isWithin(f, root) && !configRoots.some(c => isWithin(f, c)));
      if (folders.length > 0 && !libraries.some(l => l.id === root)) libraries.push(createLibrary(root, undefined, undefined, folders));
    }
  }
  libraries.sort((a, b) => b.root.length - a.root.length);

  const files = new Map<string, Library>();
  for (const path of [...walk.markdown].sort()) {
    const owner = libraries.find(l => libraryOwns(l, path));
    if (owner) files.set(path, owner);
  }
  return { libraries, files, unreadableFolders: walk.unreadable };
}

/** The library a Markdown file belongs to under a known layout, if any. */
export function ownerOf(layout: Layout, path: string): Library | undefined {
  return layout.libraries.find(l => libraryOwns(l, path));
}

function newWalk(): Walk {
  return { configs: new Set(), roleFolders: new Set(), markdown: new Set(), walked: new Set(), unreadable: new Map() };
}

/** The Markdown files and configurations below a folder, found as discovery finds them (links to folders not followed). */
export async function filesBelow(fs: RoleFileSystem, folder: string): Promise<{ markdown: ReadonlySet<string>; configs: ReadonlySet<string> }> {
  const walk = newWalk();
  await walkTree(fs, folder, walk);
  return { markdown: walk.markdown, configs: walk.configs };
}

async function walkTree(fs: RoleFileSystem, root: string, walk: Walk): Promise<void> {
  if (walk.walked.has(root)) return;
  walk.walked.add(root);
  if (basename(root) === 'roles') walk.roleFolders.add(root);
  let entries;
  try {
    entries = await fs.readDirectory(root);
  } catch (error) {
    // A configured folder may not exist yet; one that exists and cannot be read is worth saying.
    const code = (error as { code?: string }).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') walk.unreadable.set(root, describeReadFailure(error, MAX_ROLE_FILE_BYTES));
    return;
  }
  const dir = normalizePath(root);
  for (const entry of entries) {
    const path = childPath(dir, entry.name);
    if (entry.type === 'directory') {
      if (SKIPPED_DIRECTORIES.has(entry.name) || entry.name.startsWith('.')) continue;
      await walkTree(fs, path, walk);
    } else if (entry.type === 'file') {
      if (entry.name === CONFIG_FILE_NAME) walk.configs.add(path);
      else if (entry.name.toLowerCase().endsWith('.md')) walk.markdown.add(path);
    }
  }
}

async function findConfigAbove(fs: RoleFileSystem, root: string): Promise<string | undefined> {
  let dir = root;
  for (;;) {
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
    const candidate = joinPath(dir, CONFIG_FILE_NAME);
    if ((await fs.stat(candidate)) === 'file') return candidate;
  }
}

async function readConfig(fs: RoleFileSystem, path: string): Promise<{ config?: ConfigFileContent; problems: ConfigProblem[] }> {
  let text: string;
  try {
    text = await fs.readFile(path);
  } catch (error) {
    const reason = describeReadFailure(error, MAX_ROLE_FILE_BYTES);
    return { problems: [{ path, message: `The configuration file cannot be read (${reason}).`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] };
  }
  const result = parseConfigText(path, text);
  return result.ok ? { config: result.config, problems: [] } : { problems: result.problems };
}
