import { MarkupKind, type Hover, type MarkupContent } from 'vscode-languageserver/node';

/**
 * The core words a hover in Markdown; a client that takes only plain text
 * (ALE, eglot without markdown-mode) gets the same words without the marks:
 * bold, code spans and backslash escapes.
 */
export function hoverForClient(hover: Hover | null, markdown: boolean): Hover | null {
  if (!hover || markdown) return hover;
  const contents = hover.contents as MarkupContent;
  if (contents.kind !== MarkupKind.Markdown) return hover;
  return { ...hover, contents: { kind: MarkupKind.PlainText, value: plainText(contents.value) } };
}

export function plainText(markdown: string): string {
  return markdown.replace(/\\([\\`*_[\]])|\*\*|__|`/g, (_all, escaped: string | undefined) => escaped ?? '');
}
