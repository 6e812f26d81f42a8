/**
 * Differential tests: the product's reading of role files against
 * independent CommonMark readers, on generated files that mix every
 * construct that decides whether a reference is one, with LF, CRLF and CR.
 *
 * - commonmark.js, the reference implementation, which the product follows
 *   where readers disagree (see test/support/commonmarkReading.ts for what is
 *   compared), on files without GFM tables: commonmark.js reads none.
 * - micromark with its GFM table extension (test/support/commonmarkOracle.ts)
 *   for what commonmark.js cannot give: every reference with its exact
 *   place, every top-level heading and every code span's place, in tables
 *   too. micromark departs from the specification where a lazy line opens
 *   an HTML block of type 7, and in the rule of 3 for emphasis: these files
 *   have no such line, and only the written blocks (no lines made from
 *   nothing).
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
import { readings } from '../support/commonmarkReading';
import { roleFiles } from '../support/roleMarkdown';

const SEED = Number(process.env.FLEET_ROLES_COMMONMARK_SEED ?? 0xc0ffee);
const RUNS = Number(process.env.FLEET_ROLES_COMMONMARK_RUNS ?? 5000);

/**
 * A tab in the blanks before or after the destination of a link or a
 * definition, each of which may hold a line break (and the next line's quote
 * markers).
 */
const TAB_IN_LINK = /\][(:][ ]*(?:(?:\r\n?|\n)[ >]*)?(?:[^\s)]+[ ]*(?:(?:\r\n?|\n)[ >]*)?)?\t/;

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

describe('differential: the reading of role files as commonmark.js reads them', () => {
  test(`${RUNS} generated role files without tables, LF, CRLF, CR and mixed: no disagreement`, t => {
    let strongs = 0;
    let skipped = 0;
    fc.assert(
      fc.property(roleFiles({ tables: false, typeSevenHtml: true, soups: true, inlineTabs: false }), ({ text }) => {
        // commonmark.js takes no tab for the blanks around a link's or a definition's destination and title, where the
        // specification, micromark and markdown-it do: the product follows the specification there.
        if (TAB_IN_LINK.test(text)) {
          skipped++;
          return;
        }
        const { actual, expected } = readings(text);
        assert.deepEqual(actual, expected, `the file was ${JSON.stringify(text)}`);
        strongs += expected.strongs.length;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    assert.ok(strongs > RUNS, `only ${strongs} strong spans in ${RUNS} files`);
    assert.ok(skipped < RUNS / 10, `${skipped} of ${RUNS} files skipped`);
    t.diagnostic(`${RUNS - skipped} files compared, ${strongs} strong spans; ${skipped} skipped for a tab in a link`);
  });
});

describe('differential: references, sections and code spans as CommonMark (micromark + GFM tables) reads them', () => {
  let oracle: (text: string) => OracleDocument;
  before(async () => {
    oracle = await loadOracle();
  });

  test(`${RUNS} generated role files, LF, CRLF, CR and mixed: no disagreement`, () => {
    let files = 0;
    let references = 0;
    const lineEnds = new Map<string, number>();
    fc.assert(
      fc.property(roleFiles({ tables: true, typeSevenHtml: false, soups: false, inlineTabs: true }), ({ text, lineEnd }) => {
        const expected = oracle(text);
        assert.deepEqual(productReading(text), expected, `the file was ${JSON.stringify(text)}`);
        files++;
        references += expected.references.length;
        lineEnds.set(lineEnd, (lineEnds.get(lineEnd) ?? 0) + 1);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The generator must exercise what it claims to: references found, every kind of line end used.
    assert.ok(references > files, `only ${references} references in ${files} files`);
    assert.deepEqual([...lineEnds.keys()].sort(), ['\n', '\r', '\r\n', 'mixed']);
  });
});
