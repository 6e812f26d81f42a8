/**
 * Differential test: the product's reading of role files against an
 * independent CommonMark reader (micromark with its GFM table extension, see
 * test/support/commonmarkOracle.ts), on generated files that mix every
 * construct that decides whether a reference is one, with LF, CRLF and CR.
 * Compared: every reference (bold or link, its name and its place), every
 * top-level heading (the section boundaries: level, first and last line) and
 * every code span (its place).
 *
 * The seed and the number of files are fixed, so CI reads the same files
 * every time. To read more:
 *
 *   FLEET_ROLES_COMMONMARK_RUNS=100000 node --test out/test/robustness/commonmark.test.js
 *
 * (FLEET_ROLES_COMMONMARK_SEED picks another seed.) A disagreement prints
 * the file and both readings; fast-check shrinks it first.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseRole } from '../../server/src/core/parse/roleFile';
import { scanBody } from '../../server/src/core/parse/markdownScanner';
import { loadOracle, type OracleDocument } from '../support/commonmarkOracle';
import { roleMarkdown } from '../support/roleMarkdown';

const SEED = Number(process.env.FLEET_ROLES_COMMONMARK_SEED ?? 0xc0ffee);
const RUNS = Number(process.env.FLEET_ROLES_COMMONMARK_RUNS ?? 5000);

function productReading(text: string): OracleDocument {
  const role = parseRole('/ws/roles/generated.md', text);
  const body = scanBody(role.lines, role.frontmatter?.bodyLine ?? 0);
  return {
    // The fleet's format (the parse's default) finds bold and links only.
    references: role.references.map(r => ({ slug: r.name, kind: r.kind as 'bold' | 'link', start: r.start, end: r.end })),
    headings: role.headings.map(h => ({ level: h.level, line: h.line, endLine: role.lines.lineAt(h.end) })),
    codeSpans: body.codeSpans.map(c => ({ start: c.start, end: c.end })),
  };
}

describe('differential: references, sections and code spans as CommonMark (micromark + GFM tables) reads them', () => {
  let oracle: (text: string) => OracleDocument;
  before(async () => {
    oracle = await loadOracle();
  });

  test(`${RUNS} generated role files, LF, CRLF, CR and mixed: no disagreement`, () => {
    let files = 0;
    let references = 0;
    const lineEnds = new Map<string, number>();
    fc.assert(fc.property(roleMarkdown, ({ text, lineEnd }) => {
      const expected = oracle(text);
      assert.deepEqual(productReading(text), expected, `the file was ${JSON.stringify(text)}`);
      files++;
      references += expected.references.length;
      lineEnds.set(lineEnd, (lineEnds.get(lineEnd) ?? 0) + 1);
    }), { seed: SEED, numRuns: RUNS });
    // The generator must exercise what it claims to: references found, every kind of line end used.
    assert.ok(references > files, `only ${references} references in ${files} files`);
    assert.deepEqual([...lineEnds.keys()].sort(), ['\n', '\r', '\r\n', 'mixed']);
  });
});
