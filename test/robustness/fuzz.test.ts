/**
 * Property-based attacks on the checker (fast-check): random and mutated role
 * files, starting from the seed role file, fed to parseRole and the
 * diagnostics (through checkLibrary's core) and to the real server.
 *
 * Every text must give: no throw, a bounded time, every diagnostic range
 * inside the document (line < line count, character <= the line's UTF-16
 * length), every code one of DIAGNOSTIC_CODES, and the same diagnostics
 * (codes, places, messages) with LF, CRLF and CR line ends.
 *
 * The seed and the number of runs are fixed, so CI runs the same cases every
 * time (about 45 s here). To run longer:
 *
 *   FLEET_ROLES_FUZZ_RUNS=20000 node --test out/test/robustness/fuzz.test.js
 *
 * FLEET_ROLES_FUZZ_RUNS sets the runs of every property (and scales the
 * server's buffers); FLEET_ROLES_FUZZ_SEED picks another seed.
 * A failure prints fast-check's seed and path: set them to replay it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { RoleLanguageService } from '../../server/src/core';
import { parseRole } from '../../server/src/core/parse/roleFile';
import { checkLibrary } from '../support/checkLibrary';
import type { LspTestClient } from '../support/lspClient';
import {
  assertWellFormed,
  Editor,
  placed,
  prng,
  sampleFiles,
  sampleLibrary,
  seedText,
  SEED_NAME,
  startServer,
  stopServer,
  tempWorkspace,
  uriOf,
  within,
} from './support';
import { underHostileFormat } from './customFormats';
import { linesUpTo, LONGEST, longTextTests, repeated, sizeOf, type LongTextCase } from './longTexts';

const SEED = Number(process.env.FLEET_ROLES_FUZZ_SEED ?? 0x5eed7);
const RUNS = process.env.FLEET_ROLES_FUZZ_RUNS ? Number(process.env.FLEET_ROLES_FUZZ_RUNS) : undefined;
const runs = (ci: number) => RUNS ?? ci;
const params = (ci: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: runs(ci) });

const PATH = `/ws/roles/${SEED_NAME}`;
const SEED_TEXT = seedText();
/** Per text of the mutated kind (at most a few hundred KB): a check slower than this is a hang. */
const CHECK_MS = 2000;
/** Texts grow by duplication; past this they are cut, so a run stays a run. */
const MAX_CHARS = 400_000;

/** What a mutation inserts: the Markdown that role files use and the characters that break naive code. */
const TOKENS = [
  '---',
  '---js',
  '...',
  '```',
  '~~~',
  '````',
  '**',
  '*',
  '`',
  '``',
  '[',
  ']',
  '](',
  '(',
  ')',
  '<',
  '>',
  '\\',
  '!',
  '_',
  '\n',
  '\r',
  '\r\n',
  '\n\n',
  '\n---\n',
  '- ',
  '  - ',
  '* ',
  '+ ',
  '1. ',
  '1) ',
  '# ',
  '## ',
  '### ',
  '> ',
  '\t',
  ' ',
  '|',
  '## Boundaries\n',
  '## Mandate\n',
  '## Persona\n',
  '# Title\n',
  '<!--',
  '-->',
  '<!-- fleet-roles-disable -->',
  '<!-- fleet-roles-disable-next-line unknown-role -->',
  '`class: x`',
  '`class: operations-manager`',
  '`domain: `',
  '`domain: operatons`',
  '`persistent_persona: maybe`',
  'class: ',
  'domain: hr\n',
  'persistent_persona: true\n',
  '**hr-generalist**',
  '**hr-generalst**',
  '**x-y**',
  '**operations-manager**',
  '[a](./hr-generalist.md)',
  '[a](<./b c.md>)',
  '[a](./%E0%A4%A.md)',
  '[a](./x.md#y "t")',
  '![i](./x.md)',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\u0000',
  '\uFFFD',
  '\uFEFF',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000B',
  '\u000C',
  '😀',
  '👩‍👩‍👧',
  'é',
  'e\u0301',
  '\u202E',
  'İ',
  'ß',
];

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'lineEnds'; style: 'crlf' | 'cr' | 'mixed'; at: number }
  | { kind: 'nest'; at: number; depth: number; marker: string }
  | { kind: 'longLine'; at: number; token: string; length: number }
  | { kind: 'swapLines'; at: number; other: number };

const at = fc.integer({ min: 0, max: 0x7fffffff });
const insertText = fc.oneof(
  { arbitrary: fc.constantFrom(...TOKENS), weight: 6 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 12 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 2 },
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: insertText }), weight: 8 },
  { arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 300 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 600 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('lineEnds' as const), style: fc.constantFrom('crlf' as const, 'cr' as const, 'mixed' as const), at }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('nest' as const),
      at,
      depth: fc.integer({ min: 1, max: 300 }),
      marker: fc.constantFrom('- ', '* ', '1. ', '> ', '- **a** '),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('longLine' as const), at, token: fc.constantFrom(...TOKENS), length: fc.integer({ min: 100, max: 20_000 }) }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('swapLines' as const), at, other: at }), weight: 1 },
);

function applyMutation(text: string, m: Mutation): string {
  const i = m.at % (text.length + 1);
  switch (m.kind) {
    case 'insert':
      return text.slice(0, i) + m.text + text.slice(i);
    case 'truncate':
      return text.slice(0, i);
    case 'delete':
      return text.slice(0, i) + text.slice(i + m.length);
    case 'duplicate':
      return text.slice(0, i + m.length) + text.slice(i, i + m.length) + text.slice(i + m.length);
    case 'lineEnds': {
      const lf = text.replace(/\r\n?/g, '\n');
      if (m.style === 'crlf') return lf.replace(/\n/g, '\r\n');
      if (m.style === 'cr') return lf.replace(/\n/g, '\r');
      let n = m.at;
      return lf.replace(/\n/g, () => ['\n', '\r\n', '\r'][(n = (n * 1103515245 + 12345) >>> 0) % 3]);
    }
    case 'nest': {
      const lines = Array.from({ length: m.depth }, (_, d) => `${'  '.repeat(d)}${m.marker}x`);
      return `${text.slice(0, i)}\n${lines.join('\n')}\n${text.slice(i)}`;
    }
    case 'longLine':
      return text.slice(0, i) + m.token.repeat(Math.ceil(m.length / m.token.length)) + text.slice(i);
    case 'swapLines': {
      const lines = text.split('\n');
      const a = m.at % lines.length;
      const b = m.other % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
  }
}

/** The seed file, mutated one to twelve times. */
const mutatedSeed: fc.Arbitrary<string> = fc
  .array(mutation, { minLength: 1, maxLength: 12 })
  .map(ms => ms.reduce(applyMutation, SEED_TEXT).slice(0, MAX_CHARS));

/** Text from nothing: Markdown-ish pieces, any code unit, or both. */
const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom(...TOKENS, 'a', 'b', 'hr-generalist', 'x', ' ', ':'), maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 2000 }),
  fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 5 })), { maxLength: 300 }).map(parts => parts.join('')),
);

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
/** Bytes as the disk layer decodes them: invalid UTF-8 becomes U+FFFD. */
const invalidUtf8: fc.Arbitrary<string> = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }).map(b => decoder.decode(b)),
  fc.array(fc.record({ at, byte: fc.integer({ min: 0x80, max: 0xff }) }), { minLength: 1, maxLength: 40 }).map(flips => {
    const bytes = Buffer.from(SEED_TEXT, 'utf8');
    for (const f of flips) bytes[f.at % bytes.length] = f.byte;
    return decoder.decode(bytes);
  }),
);

const lfOf = (text: string) => text.replace(/\r\n?/g, '\n');

/** Where the seed's library keeps a configuration of its own: beside its roles. */
const CONFIG_PATH = `${nodePath.posix.dirname(PATH)}/fleet-roles.json`;

/** The sample library under the fleet format, and under a hostile format of its own over it: every shape runs under both. */
const FORMATS: ReadonlyArray<readonly [title: string, files: () => Record<string, string>]> = [
  ['the fleet format', () => sampleFiles()],
  ['a hostile format of its own over the fleet format', () => underHostileFormat(sampleLibrary(), CONFIG_PATH, 'fleet').files],
];

for (const [formatTitle, libraryFiles] of FORMATS)
  describe(`fuzz: the core checks any text, under ${formatTitle} (fast-check, fixed seed)`, () => {
    let service: RoleLanguageService;
    before(async () => {
      service = (await checkLibrary(libraryFiles())).service;
    });

    /** Checks a text as the seed's open buffer: no throw, in time, well formed. */
    function check(text: string): Diagnostic[] {
      const started = performance.now();
      parseRole(PATH, text);
      service.setDocument(PATH, text);
      const diagnostics = service.getDiagnostics(PATH)?.diagnostics ?? [];
      const ms = performance.now() - started;
      assert.ok(ms < CHECK_MS, `checking ${text.length} characters took ${ms.toFixed(0)} ms`);
      assertWellFormed(text, diagnostics);
      return diagnostics;
    }

    /** The text as it is, then with LF, CRLF and CR line ends: the same diagnostics, messages included, at the same places. */
    function checkLineEndings(text: string): void {
      check(text);
      const lf = lfOf(text);
      const expected = placed(check(lf));
      assert.deepEqual(placed(check(lf.replace(/\n/g, '\r\n'))), expected, 'CRLF differs from LF');
      assert.deepEqual(placed(check(lf.replace(/\n/g, '\r'))), expected, 'CR differs from LF');
    }

    test('the seed, mutated: truncations, insertions, surrogates, NUL, line ends, nesting, long lines', () => {
      fc.assert(
        fc.property(mutatedSeed, text => checkLineEndings(text)),
        params(400),
      );
    });

    test('found by longer runs (FLEET_ROLES_FUZZ_SEED=42, 1, 2, 3): a declaration whose code span crosses a line break', () => {
      checkLineEndings(SEED_TEXT.replace('`persistent_persona: true`', '`persistent_persona: tr\nue`'));
    });

    test('random text', () => {
      fc.assert(
        fc.property(randomText, text => checkLineEndings(text)),
        params(300),
      );
    });

    test('invalid UTF-8, decoded as the disk layer decodes it', () => {
      fc.assert(
        fc.property(invalidUtf8, text => checkLineEndings(text)),
        params(150),
      );
    });

    test('every feature answers at any position of a mutated file, even outside it', async () => {
      const position = fc.record({
        line: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.constantFrom(-1, 1e6, 2 ** 31 - 1)),
        character: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constantFrom(-1, 1e6, 2 ** 31 - 1)),
      });
      await fc.assert(
        fc.asyncProperty(mutatedSeed, fc.array(position, { minLength: 1, maxLength: 6 }), async (text, positions) => {
          service.setDocument(PATH, text);
          const started = performance.now();
          for (const p of positions) {
            service.getCompletions(PATH, p);
            service.getHover(PATH, p);
            for (const location of service.getDefinition(PATH, p)) assert.match(location.uri, /^file:\/\/\/ws\/roles\/[^/]+\.md$/);
            service.getReferences(PATH, p, true);
            service.prepareRename(PATH, p);
            await service.rename(PATH, p, 'renamed-role');
            await service.getCodeActions(PATH, { start: p, end: p });
          }
          service.getDocumentSymbols(PATH);
          service.getSemanticTokens(PATH);
          service.getDocumentLinks(PATH);
          service.getCodeLenses(PATH);
          service.getRoleGraphs();
          await service.getCodeActions(PATH, { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } });
          assert.ok(performance.now() - started < CHECK_MS * 2, `features took ${(performance.now() - started).toFixed(0)} ms`);
        }),
        params(150),
      );
    });

    test('a fresh load reads a mutated file from the disk layer as well (NUL: one unreadable-file)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(mutatedSeed, invalidUtf8), async text => {
          const lib = await checkLibrary({ ...libraryFiles(), [PATH]: text });
          const ds = lib.diagnostics(PATH);
          assertWellFormed(text, ds);
          if (text.includes('\u0000'))
            assert.deepEqual(
              ds.map(d => d.code),
              ['unreadable-file'],
            );
          else assert.deepEqual(placed(ds), placed(check(text)), 'a fresh load and an open buffer differ');
        }),
        params(40),
      );
    });
  });

/**
 * Long lines and long runs of lines of one token, at four places of the
 * seed, through longTextTests: the longest a role file may be (4 MiB; a
 * 10 MB text, as this suite used, is refused unread, which timed nothing),
 * within a bound per MB, and no faster than linear growth from a quarter
 * to the whole.
 */
describe('fuzz: long lines and long runs, in a worker that a hang cannot stop', () => {
  const SIZE = LONGEST;
  const place = (where: string, block: string) => {
    switch (where) {
      case 'lead':
        return SEED_TEXT.replace('It owns', `${block} It owns`);
      case 'boundaries':
        return SEED_TEXT.replace('- **Does NOT own staffing', `- ${block} **Does NOT own staffing`);
      case 'frontmatter':
        return `---\nclass: operations-manager\nnote: ${block}\n---\n${SEED_TEXT}`;
      default:
        return `${block}\n${SEED_TEXT}`;
    }
  };

  /** The shapes, each placed where it does the most harm. */
  const SHAPES: Array<{ name: string; token: string; where: string[] }> = [
    { name: 'letters', token: 'a', where: ['frontmatter'] },
    { name: 'double asterisks', token: '**', where: ['boundaries'] },
    { name: 'unclosed bold', token: '**a ', where: ['boundaries'] },
    { name: 'backticks', token: '`', where: ['lead'] },
    { name: 'unmatched backtick runs', token: '``a', where: ['boundaries'] },
    { name: 'bold references', token: '**hr-generalist** ', where: ['boundaries'] },
    { name: 'link references', token: '[a](./hr-generalist.md) ', where: ['boundaries'] },
    { name: 'opening brackets', token: '[', where: ['lead'] },
    { name: 'links with no closing parenthesis', token: '[a](b ', where: ['lead'] },
    { name: 'link closers', token: '](', where: ['boundaries'] },
    { name: 'HTML comments', token: '<!-- x -->', where: ['boundaries'] },
    { name: 'HTML comments left open, one per paragraph', token: '<!--\n\n', where: ['lead'] },
    { name: 'links to an unclosed <destination>', token: '[a](<', where: ['lead'] },
    { name: 'inline declarations', token: '`class: x` ', where: ['lead'] },
    { name: 'lone surrogates', token: '\uD800', where: ['boundaries'] },
    { name: 'NUL characters', token: '\u0000', where: ['lead'] },
    { name: 'CR line ends', token: '\r', where: ['boundaries'] },
    { name: 'CRLF line ends', token: '\r\n', where: ['lead'] },
    { name: 'headings', token: '\n## B', where: ['lead'] },
    { name: 'Boundaries bullets naming a role', token: '\n- **x**', where: ['boundaries'] },
    { name: 'Boundaries bullets naming no role', token: '\n- x', where: ['boundaries'] },
    { name: 'numbered items', token: '\n1. ', where: ['boundaries'] },
    { name: 'fences', token: '\n```', where: ['lead'] },
    { name: 'block quote markers', token: '>', where: ['boundaries', 'top'] },
    { name: 'quotes of list items', token: '> - ', where: ['top'] },
    { name: 'frontmatter keys', token: '\nk: v', where: ['frontmatter'] },
    { name: 'Boundaries sections', token: '\n## Boundaries\n- **x**\n', where: ['lead'] },
  ];

  /** Deep nesting: a list nested as deep as the size allows (indentation grows with depth). */
  const nested = (size: number) => linesUpTo(size, d => `${'  '.repeat(d % 5000)}- **x** ${d}`);

  const cases: LongTextCase[] = [];
  for (const s of SHAPES) {
    for (const where of s.where)
      cases.push({
        name: `${s.name} (${JSON.stringify(s.token)}) in the ${where}`,
        small: place(where, repeated(s.token, SIZE / 4)),
        full: place(where, repeated(s.token, SIZE)),
      });
  }
  cases.push({ name: 'a list nested deep, in the Boundaries', small: place('boundaries', nested(SIZE / 4)), full: place('boundaries', nested(SIZE)) });
  // A run of blanks between two letters, where a parse pattern once rescanned the run at each blank (quadratic: 100,000 blanks took 9 s).
  const blanks = (size: number) => `a${repeated(' ', size - 2)}b`;
  cases.push({
    name: 'blanks between two letters, a frontmatter line with no colon',
    small: `---\nclass: operations-manager\n${blanks(SIZE / 4)}\n---\n${SEED_TEXT}`,
    full: `---\nclass: operations-manager\n${blanks(SIZE)}\n---\n${SEED_TEXT}`,
  });
  cases.push({
    name: 'blanks between two letters, the value of a frontmatter `key: value` line',
    small: `---\nnote: ${blanks(SIZE / 4)}\n---\n${SEED_TEXT}`,
    full: `---\nnote: ${blanks(SIZE)}\n---\n${SEED_TEXT}`,
  });
  cases.push({ name: 'blanks between two letters, a heading', small: place('top', `## ${blanks(SIZE / 4)}`), full: place('top', `## ${blanks(SIZE)}`) });
  cases.push({
    name: 'blanks between two letters, a `key: value` code span in the lead',
    small: place('lead', `\`class: ${blanks(SIZE / 4)}\``),
    full: place('lead', `\`class: ${blanks(SIZE)}\``),
  });

  describe('under the fleet format', () => longTextTests(c => `${sizeOf(c)} of ${c.name}`, cases));
  describe('under a hostile format of its own over the fleet format', () =>
    longTextTests(c => `${sizeOf(c)} of ${c.name}`, cases, underHostileFormat(sampleLibrary(), CONFIG_PATH, 'fleet')));
});

for (const [formatTitle, libraryFiles] of FORMATS)
  describe(`fuzz: the server takes a few hundred mutated buffers and goes on answering, under ${formatTitle}`, () => {
    const ws = tempWorkspace();
    const config = libraryFiles()[CONFIG_PATH];
    if (config !== undefined) writeFileSync(nodePath.join(ws.roles, 'fleet-roles.json'), config);
    const seedUri = uriOf(nodePath.join(ws.roles, SEED_NAME));
    const logErrors: string[] = [];
    let client: LspTestClient;
    before(async () => {
      client = await startServer([ws.workspace]);
      client.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
        if (p.type === 1) logErrors.push(p.message);
      });
      await client.diagnostics(seedUri);
    });
    after(async () => {
      await stopServer(client);
      ws.dispose();
    });

    test("full and incremental didChange of mutated texts; diagnostics always well formed and, at the end, the core's", async () => {
      const count = runs(300);
      const texts = fc.sample(mutatedSeed, { seed: SEED, numRuns: count });
      const random = prng(SEED);
      const editor = new Editor(client);
      await editor.open(seedUri, SEED_TEXT);
      const pending: Array<Promise<void>> = [];
      for (const [i, text] of texts.entries()) {
        if (i % 3 === 2) {
          // An incremental edit: a range of the current text (sometimes past its end) replaced by a piece of the mutated text.
          const lines = editor.text(seedUri).split('\n');
          const line = random.int(lines.length + 2);
          const character = random.int((lines[line]?.length ?? 0) + 3);
          const piece = text.slice(random.int(text.length), random.int(text.length) + random.int(400));
          await editor.change(seedUri, [
            { range: { start: { line, character }, end: { line: line + random.int(3), character: random.int(20) } }, text: piece },
          ]);
        } else {
          await editor.replaceAll(seedUri, text);
        }
        if (i % 20 === 19) {
          const now = editor.text(seedUri);
          pending.push(client.diagnostics(seedUri).then(ds => assertWellFormed(now, ds, `buffer ${i}`)));
          pending.push(client.completion(seedUri, { line: random.int(40), character: random.int(30) }).then(() => undefined));
          pending.push(client.definition(seedUri, { line: random.int(40), character: random.int(30) }).then(() => undefined));
        }
      }
      await within(Promise.all(pending), 60000, 'the answers during the storm of changes');
      const finalText = editor.text(seedUri);
      const ds = await within(client.diagnostics(seedUri), 10000, 'diagnostics after the buffers');
      assertWellFormed(finalText, ds, 'final');
      const core = await checkLibrary({ ...libraryFiles(), [PATH]: finalText });
      core.service.setDocument(PATH, finalText);
      assert.deepEqual(
        ds.map(d => [d.code, d.range]),
        (core.service.getDiagnostics(PATH)?.diagnostics ?? []).map(d => [d.code, d.range]),
        'the server and the core disagree on the last text',
      );

      // Back to the seed: as the core sees it (clean under the fleet format), and completion and definition answer as before.
      await editor.replaceAll(seedUri, SEED_TEXT.replace('**project-manager**', '**pro'));
      const line = SEED_TEXT.split('\n').findIndex(l => l.includes('**project-manager**'));
      const character = SEED_TEXT.split('\n')[line].indexOf('**project-manager**') + 5;
      const list = await within(client.completion(seedUri, { line, character }), 10000, 'completion after the buffers');
      assert.ok(
        list.items.some(i => i.label === 'project-manager'),
        list.items.map(i => i.label).join(),
      );
      await editor.replaceAll(seedUri, SEED_TEXT);
      const seedDiagnostics = (await checkLibrary(libraryFiles())).diagnostics(PATH).map(d => [d.code, d.range]);
      if (config === undefined) assert.deepEqual(seedDiagnostics, [], 'the seed is clean under the fleet format');
      assert.deepEqual(
        (await within(client.diagnostics(seedUri), 10000, 'diagnostics of the seed again')).map(d => [d.code, d.range]),
        seedDiagnostics,
      );
      const hrLine = SEED_TEXT.split('\n').findIndex(l => l.includes('**hr-generalist**'));
      const def = await client.definition(seedUri, { line: hrLine, character: SEED_TEXT.split('\n')[hrLine].indexOf('hr-generalist') + 2 });
      assert.equal(def[0]?.uri, uriOf(nodePath.join(ws.roles, 'hr-generalist.md')));
      await editor.close(seedUri);
      assert.deepEqual(logErrors, [], 'the server logged errors');
    });
  });
