import * as vscode from 'vscode';
import type { FleetRolesApi } from '../../client/src/extension';

export const EXTENSION_ID = 'fleet-roles.fleet-roles';

/** The extension's API once its server has indexed the workspace. */
export async function readyApi(): Promise<FleetRolesApi> {
  const extension = vscode.extensions.getExtension<FleetRolesApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  await api.whenReady();
  return api;
}

/** The diagnostics fleet-roles gives a document in VS Code's own collection. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === 'fleet-roles');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Polls until the probe answers; on timeout, `last` says what was seen instead. */
export function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  last: () => string | Promise<string> = () => '',
  timeoutMs = 60000,
): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = async () => {
      const value = await probe();
      if (value !== undefined && value !== false) return resolve(value as T);
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}; last seen: ${await last()}`));
      setTimeout(tick, 200);
    };
    void tick();
  });
}

/** Waits until VS Code's diagnostics for the document satisfy the predicate; on timeout, names what was there. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (ds: vscode.Diagnostic[]) => boolean,
  what = 'the expected diagnostics',
  timeoutMs = 60000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const ds = ours(uri);
      if (!predicate(ds)) return;
      done();
      resolve(ds);
    };
    const listener = vscode.languages.onDidChangeDiagnostics(e => {
      if (e.uris.some(u => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(
        new Error(
          `timed out after ${timeoutMs / 1000} s waiting for ${what} in ${uri.path.split('/').pop()}; there are: ${JSON.stringify(ours(uri).map(d => [codeOf(d), d.message]))}`,
        ),
      );
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      listener.dispose();
    };
    check();
  });
}

/** Replaces the first `from` in the document with `to`, as one edit. */
export async function replaceText(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const at = document.getText().indexOf(from);
  if (at < 0) throw new Error(`'${from}' is not in ${document.uri.path.split('/').pop()}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + from.length)), to);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`the edit of ${document.uri.path.split('/').pop()} was not applied`);
}

/** The position `shift` characters into the first `needle` of the document. */
export function positionOf(document: vscode.TextDocument, needle: string, shift = 0): vscode.Position {
  const at = document.getText().indexOf(needle);
  if (at < 0) throw new Error(`'${needle}' is not in ${document.uri.path.split('/').pop()}`);
  return document.positionAt(at + shift);
}

/** The range of the first `needle` of the document. */
export function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
  const start = positionOf(document, needle);
  return new vscode.Range(start, start.translate(0, needle.length));
}

export async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map(i => (typeof i.label === 'string' ? i.label : i.label.label));
}

/** The files go-to-definition answers at a position, by their paths. */
export async function definitionPaths(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', uri, position);
  return locations.map(l => ('targetUri' in l ? l.targetUri : l.uri).path);
}

export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** The file's text on disk, or undefined when there is no such file. */
export async function onDisk(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** Reverts every document left dirty, so a failed test's edits do not break the tests after it. */
export async function revertDirty(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter(d => d.isDirty && d.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}
