import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import * as ts from 'typescript';

/**
 * The layering ARCHITECTURE.md states, read from the
 * import lines of server/src. The core's folders, lowest first: a file may
 * import its own layer and those below it, never one above. The files at the
 * core's root (the language service, the file moves, the index) are its top.
 */
const CORE_LAYERS = ['util', 'text', 'parse', 'config', 'library', 'diagnostics', 'workspace', 'features', ''];
/** Packages that are the editor or the protocol's connection: the core answers in plain data and knows neither. */
const EDITOR_PACKAGES = /^(vscode|vscode-languageserver|vscode-languageserver\/.*|vscode-languageclient(\/.*)?|vscode-jsonrpc(\/.*)?)$/;

const SRC = nodePath.join(__dirname, '..', '..', '..', 'server', 'src');

interface Import {
  from: string;
  /** A file of server/src for a relative import, else the package's name. */
  to: string;
  relative: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const path = nodePath.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Every module a text names: `import … from`, `export … from`, `import 'x'`,
 * `import x = require('x')`, `require('x')` and `import('x')`, in either
 * quote. TypeScript's own scanner reads them, so a comment or a string that
 * looks like an import is none.
 */
function importSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map(f => f.fileName);
}

function importsOf(file: string): Import[] {
  const specs = importSpecifiers(readFileSync(file, 'utf8'));
  return specs.map(spec => {
    if (!spec.startsWith('.')) return { from: file, to: spec, relative: false };
    const base = nodePath.resolve(nodePath.dirname(file), spec);
    const to = [`${base}.ts`, nodePath.join(base, 'index.ts')].find(existsSync);
    assert.ok(to, `${rel(file)}: cannot resolve '${spec}'`);
    return { from: file, to, relative: true };
  });
}

const rel = (file: string) => nodePath.relative(SRC, file).split(nodePath.sep).join('/');

/** The core layer of a file ('' for the core's root), or undefined outside the core. */
function coreLayer(file: string): string | undefined {
  const parts = rel(file).split('/');
  if (parts[0] !== 'core') return undefined;
  return parts.length === 2 ? '' : parts[1];
}

const files = sourceFiles(SRC);
const imports = files.flatMap(importsOf);

test('the scan reads every import form, in either quote, and no comment or string', () => {
  const text = [
    'import a from "./a";',
    "import type { B } from './b';",
    'export { c } from "./c";',
    "export * from './d';",
    'import "./e";',
    'const f = require("./f");',
    'const g = import("./g");',
    "import h = require('./h');",
    "// import x from './comment';",
    'const s = "import y from \'./string\'";',
  ].join('\n');
  assert.deepEqual(importSpecifiers(text), ['./a', './b', './c', './d', './e', './f', './g', './h']);
});

test('the scan sees the imports (a scan that found none would pass everything)', () => {
  assert.ok(files.length > 80, `${files.length} files`);
  const edges = new Set(imports.filter(i => i.relative).map(i => `${rel(i.from)} -> ${rel(i.to)}`));
  assert.ok(edges.has('core/languageService.ts -> core/workspace/roleWorkspace.ts'));
  assert.ok(edges.has('cli/main.ts -> lsp/startServer.ts'), 'a dynamic import counts too');
  for (const layer of CORE_LAYERS.filter(Boolean))
    assert.ok(
      files.some(f => coreLayer(f) === layer),
      `no folder core/${layer}`,
    );
});

test('every folder of the core has its place in the layers', () => {
  const unplaced = [...new Set(files.map(coreLayer).filter(l => l !== undefined && !CORE_LAYERS.includes(l)))];
  assert.deepEqual(unplaced, []);
});

test('no import in the core runs up the layers', () => {
  const upward = imports.filter(i => {
    const from = coreLayer(i.from);
    if (from === undefined || !i.relative) return false;
    const to = coreLayer(i.to);
    return to === undefined || CORE_LAYERS.indexOf(to) > CORE_LAYERS.indexOf(from);
  });
  assert.deepEqual(
    upward.map(i => `${rel(i.from)} -> ${rel(i.to)}`),
    [],
  );
});

test("the core imports neither the editor nor the protocol's connection", () => {
  const editor = imports.filter(i => coreLayer(i.from) !== undefined && !i.relative && EDITOR_PACKAGES.test(i.to));
  assert.deepEqual(
    editor.map(i => `${rel(i.from)} -> ${i.to}`),
    [],
  );
});

test('the shells reach the core through its index only', () => {
  const internal = imports.filter(i => coreLayer(i.from) === undefined && i.relative && coreLayer(i.to) !== undefined && rel(i.to) !== 'core/index.ts');
  assert.deepEqual(
    internal.map(i => `${rel(i.from)} -> ${rel(i.to)}`),
    [],
  );
});

test('no two files import each other, directly or round a cycle', () => {
  const graph = new Map<string, string[]>();
  for (const i of imports) if (i.relative) graph.set(i.from, [...(graph.get(i.from) ?? []), i.to]);
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (file: string, path: string[]) => {
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].map(rel).join(' -> '));
      else if (!state.has(next)) visit(next, [...path, next]);
    }
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file, [file]);
  assert.deepEqual(cycles, []);
});
