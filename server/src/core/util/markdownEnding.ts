/**
 * Whether a file's name ends as the files a walk reads do: `.md`, or `.mdc`,
 * the Markdown of Cursor's rules, which a format may name as its extension.
 * Which of them are roles is each library's to say (libraryOwns): an `.mdc`
 * file only where the format's extension names it.
 */
export function hasMarkdownEnding(path: string): boolean {
  const lower = path.toLowerCase();
  return lower.endsWith('.md') || lower.endsWith('.mdc');
}
