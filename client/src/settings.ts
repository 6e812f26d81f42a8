import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InitializationOptions } from '../../server/src/lsp/protocol';

export const SECTION = 'fleetRoles';

/** The extension's settings as the server takes them: paths made absolute against the first workspace folder. */
export function initializationOptions(): InitializationOptions {
  const config = vscode.workspace.getConfiguration(SECTION);
  const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  const resolve = (p: string) => (path.isAbsolute(p) ? p : path.join(base, p));
  const configFile = config.get<string>('configFile', '').trim();
  const roleFolders = config.get<string[]>('roleFolders', []).filter(f => typeof f === 'string' && f.trim() !== '');
  // Untrusted, the server reads nothing outside the workspace folders (and VS Code gives only the user's own values of these settings).
  return { configFile: configFile ? resolve(configFile) : undefined, roleFolders: roleFolders.map(resolve), trusted: vscode.workspace.isTrusted };
}

/** Settings whose change needs the server started again with new options. */
export function affectsServer(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.configFile`) || event.affectsConfiguration(`${SECTION}.roleFolders`);
}
