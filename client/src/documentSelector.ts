import { CURSOR_RULES_ENDING } from '../../server/src/core/util/markdownEnding';

/**
 * The documents the client sends the server: Markdown files, `.mdc` files
 * (Cursor's rules: VS Code gives them no language, and a format may name
 * them as its extension), and fleet-roles.json, whose problems the server
 * reports on the file itself. Other Markdown gets nothing from the server
 * and stays VS Code's.
 */
export const DOCUMENT_SELECTOR: Array<{ scheme: 'file'; language?: string; pattern?: string }> = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', pattern: `**/*${CURSOR_RULES_ENDING}` },
  { scheme: 'file', pattern: '**/fleet-roles.json' },
];
