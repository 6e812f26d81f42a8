import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { LineIndex } from '../text/lineIndex';
import { MAX_CONFIG_DEPTH, tooDeepAt } from './nestingDepth';
import { unknownSeverityKeys } from './severityKeys';
import { SLUG_PATTERN } from '../util/slug';
import type { Range } from 'vscode-languageserver-types';

/** The library configuration's file name, looked for at a library's root. */
export const CONFIG_FILE_NAME = 'fleet-roles.json';

const slug = z.string().regex(SLUG_PATTERN, 'must be a kebab-case slug such as "customer-success"');
const relativePath = z.string().min(1, 'must not be empty');

export const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  roleFolders: z.array(relativePath).optional(),
  exclude: z.array(relativePath).optional(),
  domains: z.array(slug).min(1, 'must name at least one domain').optional(),
  index: relativePath.optional(),
  severity: z.record(z.string(), z.enum(SEVERITY_SETTINGS)).optional(),
});

export type ConfigFileContent = z.infer<typeof configSchema>;

export interface ConfigProblem {
  path: string;
  message: string;
  range: Range;
}

export type ConfigParseResult =
  | { ok: true; config: ConfigFileContent }
  | { ok: false; problems: ConfigProblem[] };

/**
 * Reads a configuration file's text. JSON with comments is accepted, as in
 * VS Code's own settings; every problem comes back with its place in the file.
 */
export function parseConfigText(path: string, text: string): ConfigParseResult {
  const lines = new LineIndex(text);
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    return { ok: false, problems: [{ path, message: `Invalid JSON: nested more than ${MAX_CONFIG_DEPTH} levels deep; the configuration was not read.`, range: lines.range(deep, deep + 1) }] };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !tree) {
    const problems = errors.map(e => ({
      path, message: `Invalid JSON: ${describeParseError(printParseErrorCode(e.error))}.`, range: lines.range(e.offset, e.offset + e.length),
    }));
    if (problems.length === 0) problems.push({ path, message: 'The configuration file is empty.', range: lines.range(0, 0) });
    return { ok: false, problems };
  }
  const unknownKeys = unknownSeverityKeys(tree);
  // Each is reported here and kept from zod, which would drop or misread it.
  const result = configSchema.safeParse(parseTreeValue(tree, new Set(unknownKeys.map(u => u.key))));
  const problems: ConfigProblem[] = unknownKeys.map(({ key, message }) => ({ path, message, range: lines.range(key.offset, key.offset + key.length) }));
  if (result.success) return problems.length === 0 ? { ok: true, config: result.data } : { ok: false, problems };
  for (const issue of result.error.issues) {
    const location = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const node = findNodeAtLocation(tree, location) ?? tree;
    const where = location.length > 0 ? `'${location.join('.')}' ` : '';
    const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.map(k => `'${k}'`).join(', ')})` : '';
    problems.push({ path, message: `Invalid configuration: ${where}${issue.message}${keys}.`, range: lines.range(node.offset, node.offset + node.length) });
  }
  return { ok: false, problems };
}

/** Builds the value, less the properties of the keys to skip, without ever assigning a key to a plain object, so `__proto__` stays data. */
function parseTreeValue(node: Node, skip: ReadonlySet<Node>): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = Object.create(null);
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (keyNode && valueNode && !skip.has(keyNode)) {
          Object.defineProperty(out, String(keyNode.value), { value: parseTreeValue(valueNode, skip), enumerable: true, writable: true, configurable: true });
        }
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(child => parseTreeValue(child, skip));
    default:
      return node.value;
  }
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
