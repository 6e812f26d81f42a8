import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLibrary } from '../support/checkLibrary';
import { sampleLibrary, SEED_PATH } from '../support/seed';
import { codes, lineOf, peers, placed, rangeOf, roleText, single } from './helpers';

const PATH = '/ws/roles/x-role.md';
const seed = () => sampleLibrary()[SEED_PATH];

const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const cr = (text: string) => text.replace(/\n/g, '\r');

async function seedDiagnostics(text: string) {
  const lib = await checkLibrary({ ...sampleLibrary(), [SEED_PATH]: text });
  return lib.diagnostics(SEED_PATH);
}

async function roleDiagnostics(text: string) {
  const lib = await checkLibrary(peers({ [PATH]: text }));
  return lib.diagnostics(PATH);
}

/** The seed with several things wrong: a misspelt role, a bad domain, a bullet naming no role, a duplicate section. */
function brokenSeed(): string {
  return seed()
    .replace('**hr-generalist**', '**hr-generalst**')
    .replace('`domain: operations`', '`domain: operatons`')
    .replace('**business-analyst**; ops runs', 'analysts; ops runs')
    .replace('`persistent_persona: true`', '`persistent_persona: yes`')
    .concat('\n## Mandate\n\nAgain.\n');
}

/** A frontmatter role with errors in the frontmatter, the lead and the Boundaries. */
function brokenFrontmatterRole(): string {
  return roleText('x-role', {
    frontmatter: ['class: y-role', 'domain: delivry', 'persistant_persona: true'],
    lead: ['The **x-role** (`domain: operations`) works.'],
    boundaries: ['- **Does NOT x** — see [m](./missing-role.md) and', '  the **missing-two**.', '- **Does NOT y** — nobody.'],
  });
}

describe('line endings', () => {
  test('the seed in CRLF checks clean, as in LF', async () => {
    assert.deepEqual(await seedDiagnostics(crlf(seed())), []);
  });

  test('the seed with CR-only line breaks checks clean', async () => {
    assert.deepEqual(await seedDiagnostics(cr(seed())), []);
  });

  test('a broken seed gives the same codes and positions in LF and CRLF', async () => {
    const lf = await seedDiagnostics(brokenSeed());
    assert.deepEqual(codes(lf).sort(), ['boundary-without-role', 'duplicate-section', 'invalid-persistence', 'unknown-domain', 'unknown-role']);
    const windows = await seedDiagnostics(crlf(brokenSeed()));
    assert.deepEqual(placed(windows), placed(lf));
    assert.deepEqual(
      windows.map(d => d.message),
      lf.map(d => d.message),
    );
  });

  test('a broken frontmatter role gives the same codes and positions in LF, CRLF and CR', async () => {
    const lf = await roleDiagnostics(brokenFrontmatterRole());
    assert.deepEqual(codes(lf).sort(), [
      'boundary-without-role',
      'class-filename-mismatch',
      'conflicting-declaration',
      'missing-persistence',
      'unknown-domain',
      'unknown-key',
      'unknown-role',
      'unknown-role',
    ]);
    assert.deepEqual(placed(await roleDiagnostics(crlf(brokenFrontmatterRole()))), placed(lf));
    assert.deepEqual(placed(await roleDiagnostics(cr(brokenFrontmatterRole()))), placed(lf));
  });

  test('a declaration whose code span breaks a line: one space for the break, in LF, CRLF and CR, at the value', async () => {
    // The span's content is trimmed of the space its leading line break stands for: the value still starts at 'tr'.
    const text = seed().replace('`persistent_persona: true`', '`\npersistent_persona: tr\nue\n`');
    for (const variant of [text, crlf(text), cr(text)]) {
      const d = single(await seedDiagnostics(variant), 'invalid-persistence');
      assert.equal(d.message, "Invalid persistent_persona 'tr ue': the flag is true or false, unquoted.");
      assert.deepEqual(d.range, { start: { line: 8, character: 20 }, end: { line: 9, character: 2 } });
    }
  });

  test('a YAML error is placed the same in LF and CRLF', async () => {
    const text = roleText('x-role', { frontmatter: ['class: x-role', '  domain: operations', 'persistent_persona: false'] });
    const lf = single(await roleDiagnostics(text), 'invalid-frontmatter');
    const windows = single(await roleDiagnostics(crlf(text)), 'invalid-frontmatter');
    assert.deepEqual(windows.range, lf.range);
  });

  test('ranges never reach into a CRLF line break', async () => {
    const text = crlf(brokenFrontmatterRole());
    const lines = text.split('\r\n');
    const diagnostics = await roleDiagnostics(text);
    assert.ok(diagnostics.length > 0, 'a broken frontmatter is reported');
    for (const d of diagnostics) {
      assert.ok(d.range.end.character <= lines[d.range.end.line].length, `${d.code} ends past its line`);
    }
  });
});

describe('byte order mark', () => {
  test('a UTF-8 BOM before the frontmatter changes nothing', async () => {
    assert.deepEqual(await roleDiagnostics(`\uFEFF${roleText('x-role', { boundaries: ['- **Does NOT x** — the **peer-role**.'] })}`), []);
  });

  test('a UTF-8 BOM before the frontmatter keeps positions of later lines', async () => {
    const text = brokenFrontmatterRole();
    const plain = placed(await roleDiagnostics(text)).filter(p => !/ 0:/.test(p));
    const bom = placed(await roleDiagnostics(`\uFEFF${text}`)).filter(p => !/ 0:/.test(p));
    assert.deepEqual(bom, plain);
  });

  test('the seed with a UTF-8 BOM (no frontmatter, title on line 0) checks clean', async () => {
    assert.deepEqual(await seedDiagnostics(`\uFEFF${seed()}`), []);
  });

  test('the seed with a BOM and CRLF checks clean', async () => {
    assert.deepEqual(await seedDiagnostics(`\uFEFF${crlf(seed())}`), []);
  });
});

describe('columns', () => {
  test('tabs count as one UTF-16 unit and may separate a marker from its text', async () => {
    const text = roleText('x-role', { boundaries: ['-\t**Does NOT x** —\tthe\t**missing-role**.', '-\t**Does NOT y** — the', "\t**peer-role**'s lane."] });
    const diagnostics = await roleDiagnostics(text);
    assert.deepEqual(codes(diagnostics), ['unknown-role']);
    const line = lineOf(text, '-\t**Does NOT x**', true);
    const column = '-\t**Does NOT x** —\tthe\t**'.length;
    assert.deepEqual(diagnostics[0].range, { start: { line, character: column }, end: { line, character: column + 'missing-role'.length } });
  });

  test('an em dash before a reference is one UTF-16 unit', async () => {
    const text = roleText('x-role', { boundaries: ['- **Does NOT x** — **missing-x**.'] });
    const d = single(await roleDiagnostics(text), 'unknown-role');
    assert.deepEqual(d.range.start.character, '- **Does NOT x** — **'.length);
    assert.equal('- **Does NOT x** — **'.length, 21);
  });

  test('an emoji before a reference counts as two UTF-16 units', async () => {
    const text = roleText('x-role', { boundaries: ['- **Does NOT x** 😀 **missing-x**.'] });
    const d = single(await roleDiagnostics(text), 'unknown-role');
    const line = lineOf(text, '- **Does NOT x** 😀 **missing-x**.');
    assert.deepEqual(d.range, { start: { line, character: 22 }, end: { line, character: 31 } });
    assert.deepEqual(d.range, rangeOf(text, 'missing-x'));
  });

  test('a line starting with an emoji: the reference column is 5', async () => {
    const text = roleText('x-role', { boundaries: ['- **Does NOT x** — the', '😀 **missing-x** lane.'] });
    const d = single(await roleDiagnostics(text), 'unknown-role');
    assert.equal(d.range.start.character, 5);
    assert.equal(d.range.end.character, 14);
  });

  test('non-ASCII values in the frontmatter are placed in UTF-16 units', async () => {
    const text = roleText('x-role', { frontmatter: ['class: x-role', 'domain: opérations😀', 'persistent_persona: false'] });
    const d = single(await roleDiagnostics(text), 'unknown-domain');
    assert.deepEqual(d.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 8 + 'opérations😀'.length } });
    assert.equal('opérations😀'.length, 12);
  });

  test('an inline declaration after emoji is placed in UTF-16 units', async () => {
    const text = roleText('x-role', { frontmatter: null, lead: ['😀😀 (`class: x-role`, `domain: zzz`, `persistent_persona: true`).'] });
    const d = single(await roleDiagnostics(text), 'unknown-domain');
    assert.deepEqual(d.range, rangeOf(text, 'zzz'));
    assert.equal(d.range.start.character, '😀😀 (`class: x-role`, `domain: '.length);
  });

  test('a title line with non-ASCII characters: missing-class spans the whole line in UTF-16 units', async () => {
    const text = roleText('x-role', { frontmatter: ['domain: operations', 'persistent_persona: false'], title: '# Ωmega 😀 role' });
    const d = single(await roleDiagnostics(text), 'missing-class');
    assert.deepEqual(d.range, { start: { line: 4, character: 0 }, end: { line: 4, character: '# Ωmega 😀 role'.length } });
  });
});
