import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileEvent, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { FileChangeType } from 'vscode-languageserver-protocol';

/** Applies LSP text edits to a text, as an editor does (edits never overlap; applied from the end). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

/** Applies a workspace edit to the disk, in order, and returns the file events an editor's watcher would send. */
export function applyWorkspaceEdit(edit: WorkspaceEdit): FileEvent[] {
  const events: FileEvent[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create') {
        const path = fileURLToPath(change.uri);
        if (!existsSync(path)) writeFileSync(path, '');
        events.push({ uri: change.uri, type: FileChangeType.Created });
      } else if (change.kind === 'rename') {
        renameSync(fileURLToPath(change.oldUri), fileURLToPath(change.newUri));
        events.push({ uri: change.oldUri, type: FileChangeType.Deleted }, { uri: change.newUri, type: FileChangeType.Created });
      }
      continue;
    }
    const path = fileURLToPath(change.textDocument.uri);
    writeFileSync(path, applyTextEdits(readFileSync(path, 'utf8'), change.edits as TextEdit[]));
    events.push({ uri: change.textDocument.uri, type: FileChangeType.Changed });
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const path = fileURLToPath(uri);
    writeFileSync(path, applyTextEdits(readFileSync(path, 'utf8'), edits));
    events.push({ uri, type: FileChangeType.Changed });
  }
  return events;
}

/** The text edits of a workspace edit's first document change (the usual shape of a quick fix). */
export function firstTextEdits(edit: WorkspaceEdit | undefined): TextEdit[] {
  const change = edit?.documentChanges?.find(c => 'textDocument' in c);
  if (!change || !('edits' in change)) throw new Error('the edit changes no document');
  return change.edits as TextEdit[];
}

/**
 * Applies a workspace edit to files held in memory by core path (URIs are
 * `file://` + path), in order, as an editor applies it to the disk.
 */
export function applyToMemory(files: Map<string, string>, edit: WorkspaceEdit): void {
  const pathOf = (uri: string) => uri.slice('file://'.length);
  for (const change of edit.documentChanges ?? []) {
    if (!('kind' in change)) {
      const path = pathOf(change.textDocument.uri);
      files.set(path, applyTextEdits(files.get(path) ?? '', change.edits as TextEdit[]));
    } else if (change.kind === 'create') {
      if (!files.has(pathOf(change.uri))) files.set(pathOf(change.uri), '');
    } else if (change.kind === 'rename') {
      files.set(pathOf(change.newUri), files.get(pathOf(change.oldUri))!);
      files.delete(pathOf(change.oldUri));
    }
  }
}
