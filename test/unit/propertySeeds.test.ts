import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import * as ts from 'typescript';
import { REPO_ROOT } from '../support/tempLibrary';

/**
 * Every fast-check run of the tests has a fixed seed: a failure found once
 * is found again on the next run, and fast-check's report names the seed
 * to replay it. A run without one draws a new seed each time, and its
 * failures come and go. The seed is given where the run is, in an object
 * literal, or by a helper of the same file that returns one.
 */
const TEST_ROOT = nodePath.join(REPO_ROOT, 'test');
const RUNNERS = new Set(['assert', 'check', 'sample']);

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const path = nodePath.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : testFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const hasSeed = (node: ts.Node): boolean =>
  ts.isObjectLiteralExpression(node) && node.properties.some(p => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'seed');

/** Helpers of the file that return parameters with a seed: `const params = (n) => ({ seed, numRuns: n })`. */
function seededHelpers(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isArrowFunction(node.initializer)) {
      let body: ts.Node = node.initializer.body;
      while (ts.isParenthesizedExpression(body)) body = body.expression;
      if (hasSeed(body)) names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** Each `fc.assert`, `fc.check` and `fc.sample` of a file, as `file:line`, and whether its parameters give a seed. */
function fastCheckRuns(file: string): Array<{ where: string; seeded: boolean }> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const helpers = seededHelpers(source);
  const runs: Array<{ where: string; seeded: boolean }> = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === 'fc' &&
      RUNNERS.has(node.expression.name.text)
    ) {
      const parameters = node.arguments[1];
      const seeded =
        parameters !== undefined &&
        (hasSeed(parameters) || (ts.isCallExpression(parameters) && ts.isIdentifier(parameters.expression) && helpers.has(parameters.expression.text)));
      runs.push({ where: `${nodePath.relative(REPO_ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, seeded });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return runs;
}

test('every fast-check run of the tests has a fixed seed', () => {
  const runs = testFiles(TEST_ROOT).flatMap(fastCheckRuns);
  assert.ok(runs.length >= 12, `only ${runs.length} fast-check runs found: the scan reads the wrong place`);
  assert.deepEqual(
    runs.filter(r => !r.seeded).map(r => r.where),
    [],
  );
});
