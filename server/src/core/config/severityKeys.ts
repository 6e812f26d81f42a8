import { findNodeAtLocation, type Node } from 'jsonc-parser';
import { DIAGNOSTIC_CODES } from './diagnosticCodes';
import { closestMatches } from '../util/editDistance';

/** The codes a configuration may set the severity of (the schema's list): every one but invalid-config, which is about the configuration itself. */
export const CONFIGURABLE_CODES: readonly string[] = Object.keys(DIAGNOSTIC_CODES).filter(code => code !== 'invalid-config');

/** Where a configuration sets severities: its own, and its format's. */
const SEVERITY_PLACES = [['severity'], ['format', 'severity']];

/**
 * The keys of a `severity` (the configuration's or its format's) that are
 * no diagnostic code, each with what to say. They are found on the syntax
 * tree, before zod sees the object: zod's record drops a `__proto__` key
 * without a word and takes a `constructor` key for the object's class, so
 * neither would be reported truly.
 */
export function unknownSeverityKeys(tree: Node): Array<{ key: Node; message: string }> {
  const unknown: Array<{ key: Node; message: string }> = [];
  for (const place of SEVERITY_PLACES) {
    const severity = findNodeAtLocation(tree, place);
    if (severity?.type !== 'object') continue;
    for (const property of severity.children ?? []) {
      const key = property.children?.[0];
      const name = String(key?.value);
      if (!key || CONFIGURABLE_CODES.includes(name)) continue;
      unknown.push({ key, message: `Invalid configuration: '${name}' in '${place.join('.')}' ${whyNot(name)}` });
    }
  }
  return unknown;
}

function whyNot(name: string): string {
  if (Object.hasOwn(DIAGNOSTIC_CODES, name)) return 'cannot be set: it reports the configuration itself.';
  const [suggestion] = closestMatches(name, CONFIGURABLE_CODES, 1);
  return `is not a diagnostic code.${suggestion ? ` Did you mean '${suggestion}'?` : ` Known codes: ${CONFIGURABLE_CODES.join(', ')}.`}`;
}
