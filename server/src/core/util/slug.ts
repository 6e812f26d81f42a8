/** The contract's slug: kebab-case, lower case, starting with a letter. */
export const SLUG_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function isSlug(text: string): boolean {
  return SLUG_PATTERN.test(text);
}

/**
 * Upper-case file names (README.md, LIBRARY.md, CHANGELOG.md) are the
 * library's documents, read for references but never checked as roles.
 */
export function isDocumentName(stem: string): boolean {
  return /[A-Z]/.test(stem) && stem === stem.toUpperCase();
}

/** The file's name without its extension ('.md', or a format's longer one such as '.agent.md'). */
export function stemOf(path: string, extension = '.md'): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base.toLowerCase().endsWith(extension.toLowerCase())) return base.slice(0, -extension.length);
  return base.toLowerCase().endsWith('.md') ? base.slice(0, -3) : base;
}
