import type { CodeAction, CreateFile, Diagnostic, RenameFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';

export function textDocumentEdit(uri: string, edits: TextEdit[]): TextDocumentEdit {
  return { textDocument: { uri, version: null }, edits };
}

export function quickFix(title: string, edit: WorkspaceEdit, diagnostic: Diagnostic, isPreferred = false): CodeAction {
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
  if (isPreferred) action.isPreferred = true;
  return action;
}

export function singleEdit(uri: string, edit: TextEdit): WorkspaceEdit {
  return { documentChanges: [textDocumentEdit(uri, [edit])] };
}

export type DocumentChange = TextDocumentEdit | CreateFile | RenameFile;
