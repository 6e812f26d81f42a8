import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver-types';
import { LineIndex } from '../text/lineIndex';
import type { ConfigFileContent } from './configSchema';
import { readValidConfig } from './validConfig';

export type { SeveritySetting } from './severitySettings';
export type { ConfigFileContent } from './configSchema';

/** The library configuration's file name, looked for at a library's root. */
export const CONFIG_FILE_NAME = 'fleet-roles.json';

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
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !tree) {
    const problems = errors.map(e => ({
      path, message: `Invalid JSON: ${describeParseError(printParseErrorCode(e.error))}.`, range: lines.range(e.offset, e.offset + e.length),
    }));
    if (problems.length === 0) problems.push({ path, message: 'The configuration file is empty.', range: lines.range(0, 0) });
    return { ok: false, problems };
  }
  const value = parseTreeValue(tree);
  const valid = readValidConfig(value);
  if (valid) return { ok: true, config: valid };
  // Loaded only for a configuration that is not plainly valid: zod is slow to load, and its messages are the ones shown.
  const { configSchema } = require('./configSchema') as typeof import('./configSchema');
  const result = configSchema.safeParse(value);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map(issue => {
      const location = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const node = findNodeAtLocation(tree, location) ?? tree;
      const where = location.length > 0 ? `'${location.join('.')}' ` : '';
      const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.map(k => `'${k}'`).join(', ')})` : '';
      return { path, message: `Invalid configuration: ${where}${issue.message}${keys}.`, range: lines.range(node.offset, node.offset + node.length) };
    }),
  };
}

/** Builds the value without ever assigning a key to a plain object, so `__proto__` stays data. */
function parseTreeValue(node: NonNullable<ReturnType<typeof parseTree>>): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = Object.create(null);
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (keyNode && valueNode) Object.defineProperty(out, String(keyNode.value), { value: parseTreeValue(valueNode), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(parseTreeValue);
    default:
      return node.value;
  }
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
