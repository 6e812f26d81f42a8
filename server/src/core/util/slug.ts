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

export function stemOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.toLowerCase().endsWith('.md') ? base.slice(0, -3) : base;
}
