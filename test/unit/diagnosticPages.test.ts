import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { DIAGNOSTIC_CODES, diagnosticPage, isDiagnosticCode, type DiagnosticCode } from '../../server/src/core';
import { REPO_ROOT } from '../support/tempLibrary';

/*
 * The link each diagnostic carries (codeDescription, SARIF's helpUri) is
 * built from package.json's repository and names a page that exists here:
 * moving the repository or a page breaks this test, not the links.
 */

const repository = (JSON.parse(readFileSync(nodePath.join(REPO_ROOT, 'package.json'), 'utf8')) as { repository: { url: string } }).repository.url;
const codes = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

test("each code's page is docs/diagnostics/<code>.md of package.json's repository, and the file exists", () => {
  assert.ok(codes.length > 30);
  for (const code of codes) {
    assert.equal(diagnosticPage(code), `${repository.replace(/\.git$/, '')}/blob/main/docs/diagnostics/${code}.md`);
    assert.ok(existsSync(nodePath.join(REPO_ROOT, 'docs', 'diagnostics', `${code}.md`)), code);
  }
});

test('only the codes of the list are codes: not a prototype key, a number or a near miss', () => {
  assert.ok(codes.every(isDiagnosticCode));
  for (const other of ['constructor', '__proto__', 'toString', 'unknown-rol', '', 2, undefined]) assert.equal(isDiagnosticCode(other), false, String(other));
});
