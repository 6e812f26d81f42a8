import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SECTION } from './settings';

const CONFIG_FILE = 'fleet-roles.json';
/** The folders of the agent formats found with no configuration (the core's built-in formats). */
const AGENT_FOLDERS = ['.claude/agents', '.github/agents'];

/**
 * Whether the workspace holds a role library, as the server finds them: a
 * folder named `roles` (the workspace folder itself included, as in
 * `code roles/`), a `.claude/agents` or `.github/agents` folder, a
 * fleet-roles.json, or role folders named in the settings.
 * The extension activates for any Markdown, so this is what keeps a plain
 * Markdown workspace from starting a server it has no use for.
 */
export async function workspaceHoldsLibrary(): Promise<boolean> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.some(f => f.uri.scheme === 'file' && path.basename(f.uri.fsPath) === 'roles')) return true;
  const settings = vscode.workspace.getConfiguration(SECTION);
  if (settings.get<string>('configFile', '').trim() !== '' || settings.get<string[]>('roleFolders', []).length > 0) return true;
  if (folders.length > 0) {
    const found = await vscode.workspace.findFiles(`{**/${CONFIG_FILE},**/roles/**/*.md,${AGENT_FOLDERS.map(f => `${f}/**/*.md`).join(',')}}`, '**/node_modules/**', 1);
    if (found.length > 0) return true;
  }
  return vscode.workspace.textDocuments.some(isInLibrary);
}

/** A Markdown file on disk inside a folder named `roles` or an agents folder, or below a fleet-roles.json: a role file opened on its own. */
export function isInLibrary(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file' || document.languageId !== 'markdown') return false;
  let dir = path.dirname(document.uri.fsPath);
  for (;;) {
    if (path.basename(dir) === 'roles' || fs.existsSync(path.join(dir, CONFIG_FILE))) return true;
    if (AGENT_FOLDERS.some(f => dir.split(path.sep).join('/').endsWith(`/${f}`))) return true;
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}
