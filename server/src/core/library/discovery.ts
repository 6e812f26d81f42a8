import { CONFIG_FILE_NAME, parseConfigText, type ConfigFileContent, type ConfigProblem } from '../config/configFile';
import { DETECTED_HIDDEN_FOLDERS, detectFormat, resolveFormat } from '../config/compiledFormat';
import type { RoleFormat } from '../config/roleFormat';
import { basename, childPath, dirname, isWithin, joinPath, normalizePath, resolvePath } from '../util/paths';
import { describeReadFailure } from '../util/readFailure';
import { MAX_ROLE_FILE_BYTES, type RoleFileSystem } from './fileSystem';
import { confinedFileSystem, type ConfinedFileSystem } from './confinedFileSystem';
import { listFolderFiles } from './folderFiles';
import { createLibrary, libraryOwns, type Library } from './library';
import { showsRoleLibrary } from './libraryEvidence';
import { hasMarkdownEnding } from '../util/markdownEnding';

export interface Layout {
  /** Deepest root first, so the nearest configuration owns a file. */
  libraries: Library[];
  /** Every role file and library document, with its library. */
  files: Map<string, Library>;
  /** Folders the walk could not read (not those that do not exist), with why: the CLI must not call them empty. */
  unreadableFolders: ReadonlyMap<string, string>;
  /** Where the walk stopped at one of its bounds, in words; empty when it saw everything. */
  walkLimits: readonly string[];
  /** The file system confined to the folders this layout may read: every later read of its files goes through it. */
  reader: ConfinedFileSystem;
}

export interface DiscoveryOptions {
  /** A configuration named on the command line or in the editor's settings: it alone defines the library. */
  configPath?: string;
  /** Folders of role files beyond those named `roles`, from the editor's settings; they join the default library. */
  extraRoleFolders?: string[];
  /** Read nothing outside the roots, not even a configuration above them (an untrusted workspace). */
  withinRootsOnly?: boolean;
}

/**
 * Bounds of a walk. A role library is a few folders of at most tens of
 * thousands of files; a walk that goes past these was pointed at something
 * else (a home folder, the whole disk) and stops, saying so, instead of
 * reading the machine.
 */
export const WALK_LIMITS = { entries: 200_000, depth: 32 } as const;

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

interface Walk {
  configs: Set<string>;
  roleFolders: Set<string>;
  /** Folders where a built-in format's files live (`.claude/agents`), with that format. */
  formatFolders: Map<string, RoleFormat>;
  markdown: Set<string>;
  walked: Set<string>;
  unreadable: Map<string, string>;
  entries: number;
  tooDeep: boolean;
  limits: string[];
}

/**
 * Finds the libraries under the given roots: each configuration file defines
 * one, rooted at its folder; `roles` folders that no configuration covers
 * form a default library per root. A configuration above a root applies too,
 * as a project's `tsconfig.json` does for a file deep inside it.
 */
export async function discoverLayout(disk: RoleFileSystem, roots: string[], options: DiscoveryOptions = {}): Promise<Layout> {
  const walk = newWalk();
  const trusted = !options.withinRootsOnly;
  const above = new Map<string, string | undefined>();
  if (!options.configPath && trusted) for (const root of roots) above.set(root, await findConfigAbove(disk, root));
  // What the user named (the roots; trusted, a configuration and its folder, the settings' folders) bounds every read, by real path.
  const bounds = [
    ...roots,
    ...(trusted ? [options.configPath, ...above.values()].flatMap(c => (c === undefined ? [] : [dirname(c)])) : []),
    ...(trusted ? (options.extraRoleFolders ?? []) : []),
  ];
  const fs = confinedFileSystem(disk, bounds);
  if (options.configPath) {
    walk.configs.add(options.configPath);
  } else {
    for (const root of roots) {
      await walkTree(fs, root, walk);
      const config = above.get(root);
      if (config) walk.configs.add(config);
    }
    const inRoots = (folder: string) => trusted || roots.some(r => isWithin(folder, r));
    for (const folder of (options.extraRoleFolders ?? []).filter(inRoots)) {
      await walkTree(fs, folder, walk);
      walk.roleFolders.add(folder);
    }
  }

  const configLibraries: Array<{ root: string; path: string; config?: ConfigFileContent; problems: ConfigProblem[] }> = [];
  for (const path of walk.configs) {
    const { config, problems } = await readConfig(fs, path);
    const root = dirname(path);
    configLibraries.push({ root, path, config, problems });
    const fromFormat = formatFolders(root, config);
    const folders = config?.roleFolders?.map(f => resolvePath(root, f)) ?? (fromFormat.length > 0 ? fromFormat : [root]);
    for (const folder of folders) await walkTree(fs, folder, walk);
  }
  configLibraries.sort((a, b) => b.root.length - a.root.length);

  const configRoots = configLibraries.map(c => c.root);
  const foundUnder = (root: string) =>
    [...walk.roleFolders].filter(f => isWithin(f, root) && !configRoots.some(c => c !== root && isWithin(c, root) && isWithin(f, c)));

  // A configuration without roleFolders takes its format's folders, or the `roles` folders below it, or else its own folder.
  const defaultFolders = (root: string, config: ConfigFileContent | undefined) => {
    const fromFormat = formatFolders(root, config);
    if (fromFormat.length > 0) return fromFormat;
    const found = foundUnder(root);
    return found.length > 0 ? found : [root];
  };
  const libraries: Library[] = configLibraries.map(c =>
    createLibrary(c.root, c.path, c.config, c.config?.roleFolders?.map(f => resolvePath(c.root, f)) ?? defaultFolders(c.root, c.config), c.problems),
  );
  if (!options.configPath) {
    // A `roles` folder joins the default library only with evidence of one; a folder named in the settings needs none.
    const named = new Set(options.extraRoleFolders ?? []);
    const evident = new Set<string>();
    for (const folder of walk.roleFolders) {
      if (configRoots.some(c => isWithin(folder, c))) continue;
      if (named.has(folder) || (await showsRoleLibrary(fs, folder, walk.markdown))) evident.add(folder);
    }
    for (const root of roots) {
      const folders = [...evident].filter(f => isWithin(f, root));
      if (folders.length > 0 && !libraries.some(l => l.id === root)) libraries.push(createLibrary(root, undefined, undefined, folders));
    }
    // `.claude/agents`, `.github/agents`: a library of their format each, unless a configuration names the folder; rooted there, the deepest, so it owns its files.
    for (const [folder, format] of walk.formatFolders) {
      const named = libraries.some(l => l.configPath !== undefined && l.roleFolders.some(f => isWithin(folder, f) && f !== l.root));
      if (!named && !libraries.some(l => l.id === folder)) libraries.push(createLibrary(folder, undefined, undefined, [folder], [], format, folder));
    }
  }
  libraries.sort((a, b) => b.root.length - a.root.length);
  for (const library of libraries) if (library.format.roleFile !== undefined) library.folderFiles = await listFolderFiles(fs, library.roleFolders);

  const files = new Map<string, Library>();
  for (const path of [...walk.markdown].sort()) {
    const owner = libraries.find(l => libraryOwns(l, path));
    if (owner) files.set(path, owner);
  }
  return { libraries, files, unreadableFolders: walk.unreadable, walkLimits: walk.limits, reader: fs };
}

/** The folders a configuration's format puts its role files in by default (`.claude/agents`), absolute; none for the fleet's. */
function formatFolders(root: string, config: ConfigFileContent | undefined): string[] {
  return resolveFormat(config?.format).folders.map(f => resolvePath(root, f));
}

/** The library a Markdown file belongs to under a known layout, if any. */
export function ownerOf(layout: Layout, path: string): Library | undefined {
  return layout.libraries.find(l => libraryOwns(l, path));
}

function newWalk(): Walk {
  return {
    configs: new Set(),
    roleFolders: new Set(),
    formatFolders: new Map(),
    markdown: new Set(),
    walked: new Set(),
    unreadable: new Map(),
    entries: 0,
    tooDeep: false,
    limits: [],
  };
}

/** The Markdown files and configurations below a folder, found as discovery finds them (links to folders not followed). */
export async function filesBelow(fs: RoleFileSystem, folder: string): Promise<{ markdown: ReadonlySet<string>; configs: ReadonlySet<string> }> {
  const walk = newWalk();
  await walkTree(fs, folder, walk);
  return { markdown: walk.markdown, configs: walk.configs };
}

async function walkTree(fs: RoleFileSystem, root: string, walk: Walk, depth = 0): Promise<void> {
  if (walk.walked.has(root)) return;
  if (walk.entries >= WALK_LIMITS.entries) return;
  if (depth > WALK_LIMITS.depth) {
    if (!walk.tooDeep) walk.limits.push(`Folders nested more than ${WALK_LIMITS.depth} levels deep (the first: ${root}) were not searched for role files.`);
    walk.tooDeep = true;
    return;
  }
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
  // A built-in format's folder makes a library only where it is: `.claude` holds `agents`, `skills`, or either.
  const format = detectFormat(root);
  if (format) walk.formatFolders.set(root, format);
  const dir = normalizePath(root);
  for (const entry of entries) {
    if (++walk.entries > WALK_LIMITS.entries) {
      // Said once, where the walk stopped; the folders above it stop at their next entry.
      if (walk.entries === WALK_LIMITS.entries + 1)
        walk.limits.push(
          `The search for role files stopped after ${WALK_LIMITS.entries.toLocaleString('en-US')} files and folders, in ${root}: a role library is smaller; point the workspace or roleFolders at the library's own folder.`,
        );
      return;
    }
    const path = childPath(dir, entry.name);
    if (entry.type === 'directory') {
      if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
      if (entry.name.startsWith('.')) {
        // Of a hidden folder, only a built-in format's folder is walked (`.claude/agents`, not `.claude/commands`).
        for (const tail of DETECTED_HIDDEN_FOLDERS.get(entry.name) ?? []) await walkTree(fs, joinPath(dir, tail), walk, depth + tail.split('/').length);
        continue;
      }
      await walkTree(fs, path, walk, depth + 1);
    } else if (entry.type === 'file') {
      if (entry.name === CONFIG_FILE_NAME) walk.configs.add(path);
      else if (hasMarkdownEnding(entry.name)) walk.markdown.add(path);
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
    return {
      problems: [
        { path, message: `The configuration file cannot be read (${reason}).`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
      ],
    };
  }
  const result = parseConfigText(path, text);
  return result.ok ? { config: result.config, problems: [] } : { problems: result.problems };
}
