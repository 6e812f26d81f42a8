import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver-types';
import { LineIndex } from '../text/lineIndex';
import type { ConfigFileContent } from './configSchema';
import { pathsOutside } from './confinedPaths';
import { duplicateKeys } from './duplicateKeys';
import { MAX_CONFIG_DEPTH, tooDeepAt } from './nestingDepth';
import { unknownSeverityKeys } from './severityKeys';
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

/** Where a problem stands, `path:line:column` (1-based), as every message about one names it. */
export function problemLocation(problem: ConfigProblem, path = problem.path): string {
  return `${path}:${problem.range.start.line + 1}:${problem.range.start.character + 1}`;
}

export type ConfigParseResult = { ok: true; config: ConfigFileContent } | { ok: false; problems: ConfigProblem[] };

/**
 * Reads a configuration file's text. JSON with comments is accepted, as in
 * VS Code's own settings; every problem comes back with its place in the file.
 */
export function parseConfigText(path: string, text: string): ConfigParseResult {
  const lines = new LineIndex(text);
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    return {
      ok: false,
      problems: [
        {
          path,
          message: `Invalid JSON: nested more than ${MAX_CONFIG_DEPTH} levels deep; the configuration was not read.`,
          range: lines.range(deep, deep + 1),
        },
      ],
    };
  }
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  try {
    tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (error) {
    // The depth count above follows well-formed nesting; broken brackets can still make the parser recurse too deep.
    if (!(error instanceof RangeError)) throw error;
    return { ok: false, problems: [{ path, message: `Invalid JSON: nested too deep to read; the configuration was not read.`, range: lines.range(0, 0) }] };
  }
  if (errors.length > 0 || !tree) {
    const problems = errors.map(e => ({
      path,
      message: `Invalid JSON: ${describeParseError(printParseErrorCode(e.error))}.`,
      range: lines.range(e.offset, e.offset + e.length),
    }));
    if (problems.length === 0) problems.push({ path, message: 'The configuration file is empty.', range: lines.range(0, 0) });
    return { ok: false, problems };
  }
  const repeated = duplicateKeys(tree);
  if (repeated.length > 0) {
    return {
      ok: false,
      problems: repeated.map(key => ({
        path,
        message: `The key '${String(key.value)}' is given twice; name each key once.`,
        range: lines.range(key.offset, key.offset + key.length),
      })),
    };
  }
  const unknownKeys = unknownSeverityKeys(tree);
  // Each is reported here and kept from zod, which would drop or misread it.
  const problems: ConfigProblem[] = unknownKeys.map(({ key, message }) => ({ path, message, range: lines.range(key.offset, key.offset + key.length) }));
  const value = parseTreeValue(tree, new Set(unknownKeys.map(u => u.key)));
  const confined = (config: ConfigFileContent): ConfigParseResult => {
    const outside = pathsOutside(path, tree!, config).map(({ node, message }) => ({
      path,
      message,
      range: lines.range(node.offset, node.offset + node.length),
    }));
    return outside.length === 0 && problems.length === 0 ? { ok: true, config } : { ok: false, problems: [...problems, ...outside] };
  };
  const valid = problems.length === 0 ? readValidConfig(value) : undefined;
  if (valid) return confined(valid);
  // Loaded only for a configuration that is not plainly valid: zod is slow to load, and its messages are the ones shown.
  const { configSchema } = require('./configSchema') as typeof import('./configSchema');
  const result = configSchema.safeParse(value);
  if (result.success) return confined(result.data);
  for (const issue of result.error.issues.flatMap(i => unionBranchIssues(i, value))) {
    const location = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = location.length > 0 ? `'${location.join('.')}' ` : '';
    if (issue.code === 'unrecognized_keys') {
      // One problem per key, at the key itself: the object's whole range starts at 1:1 for a top-level key.
      for (const key of issue.keys) {
        const node = findNodeAtLocation(tree, [...location, key])?.parent?.children?.[0] ?? findNodeAtLocation(tree, location) ?? tree;
        problems.push({
          path,
          message: `Invalid configuration: unknown key '${[...location, key].join('.')}'.`,
          range: lines.range(node.offset, node.offset + node.length),
        });
      }
      continue;
    }
    const node = findNodeAtLocation(tree, location) ?? tree;
    problems.push({ path, message: `Invalid configuration: ${where}${issue.message}.`, range: lines.range(node.offset, node.offset + node.length) });
  }
  return { ok: false, problems };
}

type Issue = import('zod').core.$ZodIssue;

/**
 * A value that fits no branch of a union (`format`: a built-in's name or a
 * format of one's own) is reported by the branch of its own kind, a string's
 * or an object's: "Invalid input" says nothing, the branch's issues say where.
 */
function unionBranchIssues(issue: Issue, root: unknown): Issue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  let at = root;
  for (const key of issue.path) at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  const branch = issue.errors[typeof at === 'string' ? 0 : issue.errors.length - 1];
  return branch.map(inner => ({ ...inner, path: [...issue.path, ...inner.path] }) as Issue).flatMap(inner => unionBranchIssues(inner, root));
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
