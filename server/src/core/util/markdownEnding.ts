/** Markdown's own ending, the one every built-in format's role files have. */
export const MARKDOWN_ENDING = '.md';
/** The ending of Cursor's rules: Markdown, though VS Code gives it no language; a format may name it as its extension. */
export const CURSOR_RULES_ENDING = '.mdc';
/** The endings of the files a walk reads, the editor sends and the server watches. */
export const MARKDOWN_ENDINGS = [MARKDOWN_ENDING, CURSOR_RULES_ENDING] as const;
/** A glob of the files of every workspace folder with one of those endings. */
export const MARKDOWN_GLOBS = MARKDOWN_ENDINGS.map(ending => `**/*${ending}`);

/**
 * Whether a file's name ends as the files a walk reads do: `.md`, or `.mdc`.
 * Which of them are roles is each library's to say (libraryOwns): an `.mdc`
 * file only where the format's extension names it.
 */
export function hasMarkdownEnding(path: string): boolean {
  const lower = path.toLowerCase();
  return MARKDOWN_ENDINGS.some(ending => lower.endsWith(ending));
}

/**
 * What a format's extension may be: one of those endings, alone or after
 * dotted words (`.agent.md`). Anything else (`.agentmd`, `.txt`) names files
 * no walk reads, so a library of them would look empty.
 */
export const EXTENSION_PATTERN = new RegExp(`^(\\.[\\w-]+)*(${MARKDOWN_ENDINGS.map(ending => `\\${ending}`).join('|')})$`, 'i');
