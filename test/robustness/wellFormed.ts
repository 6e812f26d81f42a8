/** What every diagnostic must look like, wherever it comes from: the core, the server, a worker. */
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_SOURCE } from '../../server/src/core/config/diagnosticCodes';

/** The lines of a text as LSP counts them: \r\n, \r and \n all end a line. */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const KNOWN_CODES = new Set(Object.keys(DIAGNOSTIC_CODES));

/**
 * Every diagnostic well formed for its text: a known code, our source, a
 * range inside the document (line < line count, character <= the line's
 * UTF-16 length), start not after end.
 */
export function assertWellFormed(text: string, diagnostics: readonly Diagnostic[], context = ''): void {
  const lines = lspLines(text);
  for (const d of diagnostics) {
    const where = `${context} ${d.code} ${JSON.stringify(d.range)} (${lines.length} lines)`;
    assert.ok(KNOWN_CODES.has(String(d.code)), `unknown code ${where}`);
    assert.equal(d.source, DIAGNOSTIC_SOURCE, where);
    assert.equal(typeof d.message, 'string', where);
    assert.ok(d.message.length > 0, where);
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `line out of the document: ${where}`);
      assert.ok(
        Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length,
        `character out of its line (length ${lines[p.line]?.length}): ${where}`,
      );
    }
    const { start, end } = d.range;
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `range ends before it starts: ${where}`);
  }
}
