/** Keys that name a JavaScript object's prototype machinery: a role file's frontmatter refuses them, so a format cannot declare them. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
