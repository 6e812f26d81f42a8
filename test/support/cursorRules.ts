/** Cursor's rules as a format of one's own: `.mdc` files in `.cursor/rules`, a frontmatter of description, globs and alwaysApply. */
export const CURSOR_RULES_CONFIG = JSON.stringify({
  format: {
    name: 'cursor-rules',
    folders: ['.cursor/rules'],
    extension: '.mdc',
    declarations: [
      { key: 'description', required: true },
      { key: 'globs', type: 'list' },
      { key: 'alwaysApply', type: 'boolean' },
    ],
  },
});
