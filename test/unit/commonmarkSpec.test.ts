/**
 * The CommonMark specification's examples (the `commonmark-spec` package),
 * each read by the product and by commonmark.js, the reference
 * implementation: what the product reads must be the same (see
 * test/support/commonmarkReading.ts for what is compared). Rendering (HTML
 * output, hard breaks, entities in text) is not compared: the product
 * renders nothing. No example is skipped.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readings } from '../support/commonmarkReading';

interface SpecExample {
  markdown: string;
  section: string;
  number: number;
}

// The package has no type declarations.
const specExamples = (require('commonmark-spec') as { tests: SpecExample[] }).tests;

describe("the CommonMark specification's examples, read as commonmark.js reads them", () => {
  for (const example of specExamples) {
    const markdown = example.markdown.replace(/→/g, '\t');
    test(`example ${example.number} (${example.section})`, () => {
      const { actual, expected } = readings(markdown);
      assert.deepEqual(actual, expected, JSON.stringify(markdown));
    });
  }
});
