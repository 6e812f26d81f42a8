import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { declaresFleetRole, INDEX_FILE_NAME } from '../../server/src/core/library/libraryEvidence';
import { MAX_ROLE_FILE_BYTES } from '../../server/src/core/library/fileSystem';
import { SECTION } from './settings';

const CONFIG_FILE = 'fleet-roles.json';
/** The folders of the agent formats found with no configuration (the core's built-in formats). */
const AGENT_FOLDERS = ['.claude/agents', '.github/agents'];
/** The folders of skills, each a folder holding its SKILL.md. */
const SKILL_FOLDERS = ['.agents/skills', '.claude/skills', '.github/skills', '.opencode/skills'];
const EXCLUDE = '**/node_modules/**';
/** Markdown files in `roles` folders read for a declaration: a library shows one in its first files. */
const CANDIDATES = 200;

/**
 * Whether the workspace holds a role library, as the server finds them
 * (core/library/libraryEvidence.ts): a fleet-roles.json, a `.claude/agents`
 * or `.github/agents` folder, a skill's SKILL.md, role folders named in the settings, or a
 * folder named `roles` (the workspace folder itself included, as in
 * `code roles/`) that holds a LIBRARY.md or a role file declaring a key of
 * the format. A `roles` folder of another kind (Ansible's) starts nothing.
 */
export async function workspaceHoldsLibrary(): Promise<boolean> {
  const settings = vscode.workspace.getConfiguration(SECTION);
  if (settings.get<string>('configFile', '').trim() !== '' || settings.get<string[]>('roleFolders', []).length > 0) return true;
  const folders = (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file');
  if (folders.length > 0) {
    const evidence = `{**/${CONFIG_FILE},**/roles/**/${INDEX_FILE_NAME},${AGENT_FOLDERS.map(f => `${f}/**/*.md`).join(',')},${SKILL_FOLDERS.map(f => `${f}/*/SKILL.md`).join(',')}}`;
    if ((await vscode.workspace.findFiles(evidence, EXCLUDE, 1)).length > 0) return true;
    const rolesFolders = folders.filter(f => path.basename(f.uri.fsPath) === 'roles');
    if (rolesFolders.some(f => fs.existsSync(path.join(f.uri.fsPath, INDEX_FILE_NAME)))) return true;
    const candidates = [...rolesFolders.map(f => new vscode.RelativePattern(f, '**/*.md')), '**/roles/**/*.md'];
    for (const pattern of candidates) {
      for (const uri of await vscode.workspace.findFiles(pattern, EXCLUDE, CANDIDATES)) {
        if (declaresFleetRole(uri.path, await readSmall(uri.fsPath))) return true;
      }
    }
  }
  return vscode.workspace.textDocuments.some(isInLibrary);
}

/** A file's text, or '' when it cannot be read or is too large to be a role file. */
async function readSmall(file: string): Promise<string> {
  try {
    const stat = await fs.promises.stat(file);
    return stat.size > MAX_ROLE_FILE_BYTES ? '' : await fs.promises.readFile(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * A Markdown file on disk that is a role file opened on its own: below a
 * fleet-roles.json, inside an agents folder, or inside a folder named
 * `roles` that holds a LIBRARY.md, when the file itself declares a key.
 */
export function isInLibrary(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file' || document.languageId !== 'markdown') return false;
  let dir = path.dirname(document.uri.fsPath);
  for (;;) {
    if (fs.existsSync(path.join(dir, CONFIG_FILE))) return true;
    if (AGENT_FOLDERS.some(f => dir.split(path.sep).join('/').endsWith(`/${f}`))) return true;
    if (path.basename(dir) === 'roles' && (fs.existsSync(path.join(dir, INDEX_FILE_NAME)) || declaresFleetRole(document.uri.path, document.getText())))
      return true;
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}
