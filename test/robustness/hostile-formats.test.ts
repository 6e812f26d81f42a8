/**
 * A hostile fleet-roles.json: a format of one's own whose patterns, globs,
 * values, labels and keys are built to make the checker hang, crash or
 * mislead. Every check that could hang runs in a worker thread, which the
 * test terminates past its bound: a hang is a failed test, not a hung run.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { parseConfigText } from '../../server/src/core/config/configFile';
import { compileGlob } from '../../server/src/core/config/linearGlob';
import { closestInList } from '../../server/src/core/diagnostics/listSuggestions';
import { closestMatches } from '../../server/src/core/util/editDistance';
import { checkLibrary } from '../support/checkLibrary';
import { agent, agentLibrary, AGENTS, answered } from './customFormats';

/** The problems of a configuration text, as messages. */
function configProblems(config: unknown): string[] {
  const result = parseConfigText('/ws/fleet-roles.json', JSON.stringify(config));
  return result.ok ? [] : result.problems.map(p => p.message);
}

const CATASTROPHIC = '^(a+)+$';
const EVIL_VALUE = `${'a'.repeat(32)}!`;

describe('item 1: a pattern of the configuration runs in linear time, or is refused at load', () => {
  test(`a declaration's pattern ${CATASTROPHIC} against ${EVIL_VALUE.length} characters answers, and reports the value`, async () => {
    const library = agentLibrary({ declarations: [{ key: 'color', pattern: CATASTROPHIC }] });
    const outcome = await answered(library, agent([`color: ${EVIL_VALUE}`]));
    assert.deepEqual(outcome.codes, ['invalid-value']);
    // And at the longest a value can be: linear, not merely lucky.
    const long = await answered(library, agent([`color: ${'a'.repeat(1_000_000)}!`]), 4000);
    assert.deepEqual(long.codes, ['invalid-value']);
  });

  test(`a tools pattern ${CATASTROPHIC} against a ${EVIL_VALUE.length}-character tool name answers`, async () => {
    const library = agentLibrary({ tools: { known: ['Read'], patterns: ['^(a|aa)+$', CATASTROPHIC] } });
    const outcome = await answered(library, agent([`tools: Read, ${EVIL_VALUE}`]));
    assert.deepEqual(outcome.codes, ['unknown-tool']);
    assert.deepEqual((await answered(library, agent([`tools: Read, ${'a'.repeat(40)}`]))).codes, [], 'the pattern still matches what it should');
  });

  test('a pattern that needs backtracking (a backreference, lookaround) is refused by name, with why', () => {
    for (const pattern of ['^(a+)\\1$', '^(?<x>a+)\\k<x>$', '^(?=a)a+$', '^(?!b)a+$', '(?<=a)b']) {
      const problems = configProblems({ format: { extends: 'claude-code', declarations: [{ key: 'color', pattern }], tools: { patterns: [pattern] } } });
      assert.equal(problems.length, 2, `${pattern}: ${problems.join(' | ')}`);
      assert.match(problems[0], /^Invalid configuration: 'format\.declarations\.0\.pattern' '.+' is refused: .*(linear time|backreference)/);
      assert.ok(problems[0].includes(`'${pattern}'`), problems[0]);
      assert.match(problems[1], /^Invalid configuration: 'format\.tools\.patterns\.0' '.+' is refused/);
    }
  });

  test('patterns in JavaScript syntax keep their meaning: classes, escapes, Unicode properties, named groups', async () => {
    const library = agentLibrary({
      declarations: [
        { key: 'color', pattern: '^#[0-9a-f]{6}$|^(?<name>red|blue)$' },
        { key: 'emoji', pattern: '^[\\u{1F600}-\\u{1F64F}]\\p{L}*$' },
        { key: 'path', pattern: '^\\w+\\/\\d{2,}\\.md$' },
      ],
    });
    assert.deepEqual(configProblems(JSON.parse(library.files['/ws/fleet-roles.json'])), []);
    assert.deepEqual((await answered(library, agent(['color: "#a0b1c2"', 'emoji: 😀é', 'path: notes/12.md']))).codes, []);
    assert.deepEqual((await answered(library, agent(['color: green', 'emoji: x', 'path: notes/1.md']))).codes, ['invalid-value']);
  });
});

/** A library holding an agent file whose name is `letters` a's: 32 suffice for a nested extglob, a run of stars needs a long name. */
const named = (letters: number) => ({ [`${AGENTS}/${'a'.repeat(letters)}.md`]: agent([]).replace('name: checked', `name: ${'a'.repeat(letters)}`) });

describe('item 2: globs of the configuration (documents, exclude) match in linear time, or are refused at load', () => {
  for (const [documents, letters] of [
    [['+(+(a))b'], 32],
    [['*(a|a)b'], 32],
    [['*a*a*a*a*a*a*a*b'], 200],
  ] as const) {
    test(`documents ${JSON.stringify(documents)} with a file whose name has ${letters} letters answers`, async () => {
      const outcome = await answered(agentLibrary({ documents }, named(letters)), agent([]));
      assert.deepEqual(outcome.codes, []);
    });
  }

  for (const [exclude, letters] of [
    [['.claude/agents/+(+(a))b'], 32],
    [['**/*a*a*a*a*a*a*a*b'], 200],
  ] as const) {
    test(`exclude ${JSON.stringify(exclude)} with a file whose name has ${letters} letters answers`, async () => {
      const library = agentLibrary({}, named(letters));
      const config = JSON.parse(library.files['/ws/fleet-roles.json']);
      const outcome = await answered({ ...library, files: { ...library.files, '/ws/fleet-roles.json': JSON.stringify({ ...config, exclude }) } }, agent([]));
      assert.deepEqual(outcome.codes, []);
    });
  }

  test('a glob that needs backtracking (a negated extglob) is refused by name, with why', () => {
    const problems = configProblems({ exclude: ['drafts/!(keep)*.md'], format: { extends: 'claude-code', documents: ['!(x)*.md'] } });
    assert.equal(problems.length, 2, problems.join(' | '));
    assert.match(problems.join('\n'), /'exclude\.0' 'drafts\/!\(keep\)\*\.md' is refused: it cannot be matched in linear time/);
    assert.match(problems.join('\n'), /'format\.documents\.0' '!\(x\)\*\.md' is refused/);
  });

  test('ordinary globs match as picomatch matches them', () => {
    const globs = [
      '*.md',
      '**/*.md',
      'drafts/**',
      '**/drafts/**',
      'draft-*.md',
      '!draft-*.md',
      '{a,b}*.md',
      '*.{md,txt}',
      '[A-Z]*.md',
      '[!a-c]?.md',
      '?.md',
      'README*',
      'a/**/b/*.md',
      '.github/**',
      '@(x|y).md',
      '+(ab).md',
      'a\\*b.md',
      '**',
      '*',
      'roles/*/x.md',
      '*(a|b)c.md',
    ];
    const paths = [
      'a.md',
      'b.md',
      'x.md',
      'ab.md',
      'abab.md',
      'aac.md',
      'README.md',
      'README',
      'Readme.md',
      'draft-1.md',
      'drafts/a.md',
      'drafts/x/y.md',
      'x/drafts/a.md',
      'a/b/c.md',
      'a/b/x.md',
      'a/x/b/y.md',
      '.github/agents/a.agent.md',
      '.hidden.md',
      'notes.txt',
      'a*b.md',
      'roles/x/x.md',
      'é.md',
      'd.md',
      'dd.md',
    ];
    for (const glob of globs) {
      const ours = compileGlob(glob);
      const theirs = picomatch(glob, { dot: true });
      for (const path of paths) assert.equal(ours(path), theirs(path), `${glob} on ${path}`);
    }
  });
});

describe('item 5: a message names a bounded sample of a long list of values or tools', () => {
  const VALUES = 100_000;
  const values = ['red', ...Array.from({ length: VALUES - 1 }, (_, i) => `value-${i}`)];
  const known = ['Read', ...Array.from({ length: VALUES - 1 }, (_, i) => `Tool${i}`)];
  const FILES = 60;

  // A closed list (open: false): a name near none of it is reported with the list, which is what must stay short.
  test(`${VALUES.toLocaleString('en')} values and tools, ${FILES} files with unknown ones: short messages, exact did-you-mean`, async () => {
    const files: Record<string, string> = {
      '/ws/fleet-roles.json': JSON.stringify({ format: { extends: 'claude-code', declarations: [{ key: 'color', values }], tools: { known, open: false } } }),
    };
    for (let i = 0; i < FILES; i++) {
      const lines = i % 3 === 0 ? ['color: reed', 'tools: Raed'] : i % 3 === 1 ? ['color: "#zzzzzzzz"', 'tools: Qqqqqqqqqqqqq'] : ['color: ""'];
      files[`${AGENTS}/agent-${i}.md`] = agent(lines).replace('name: checked', `name: agent-${i}`);
    }
    const lib = await checkLibrary(files);
    let total = 0;
    for (let i = 0; i < FILES; i++) {
      const messages = lib.diagnostics(`${AGENTS}/agent-${i}.md`).map(d => d.message);
      total += messages.join('').length;
      for (const m of messages) assert.ok(m.length < 1000, `a message of ${m.length} characters: ${m.slice(0, 200)}…`);
      if (i % 3 === 0) assert.deepEqual(messages, ["Unknown color 'reed'. Did you mean 'red'?", "Unknown tool 'Raed'. Did you mean 'Read'?"]);
      else if (i % 3 === 1) {
        assert.equal(messages.length, 2, messages.join(' | '));
        assert.match(messages[0], /^Unknown color '#zzzzzzzz'\. Known values of color: red, value-0, value-1, .*, … \(99,?976 more\)\.$/);
        assert.match(messages[1], /^Unknown tool 'Qqqqqqqqqqqqq'\. Known tools: Read, Tool0, .*, … \(99,?976 more\); MCP tools/);
      } else assert.match(messages.join(), /^The color is empty: name one of the known values of color \(red, value-0, .*, … \(99,?976 more\)\)\.$/);
    }
    assert.ok(total < FILES * 1000, `${total} characters of messages`);
  });
});

describe("item 5: did-you-mean over a format's long list answers as a scan of the list would", () => {
  test('closestInList equals closestMatches, duplicates, case and ties included (fast-check, fixed seed)', () => {
    const name = fc.stringMatching(/^[a-cA-C-]{0,7}$/);
    fc.assert(
      fc.property(fc.array(name, { maxLength: 60 }), fc.array(name, { minLength: 1, maxLength: 10 }), (list, words) => {
        for (const word of words) assert.deepEqual(closestInList(word, list, 1), closestMatches(word, list, 1), `${word} in ${JSON.stringify(list)}`);
      }),
      { seed: 0x11575, numRuns: 300 },
    );
  });
});

describe('item 6: reference labels are looked up, not scanned, at each line', () => {
  test('100,000 labels over 300,000 lines answer within the bound, and a label still marks its list', async () => {
    const labels = Array.from({ length: 100_000 }, (_, i) => `Works with group ${i}`);
    const library = agentLibrary({ references: { labels } });
    const body = [...Array.from({ length: 300_000 }, (_, i) => `Note ${i}:`), '', 'Works with group 99999:', '', '- **no-such-agent**'].join('\n');
    const outcome = await answered(library, agent([], body), 4000);
    assert.deepEqual(outcome.codes, ['unknown-role']);
  });
});

describe('item 5: a format that declares a long list of keys loads in time', () => {
  test('100,000 declared keys, then overrides of a built-in key and of one of them: an answer within the bound, each override merged', async () => {
    const declarations = [
      ...Array.from({ length: 100_000 }, (_, i) => ({ key: `key-${i}` })),
      { key: 'color', values: ['red'] },
      { key: 'key-99999', required: true },
      { key: 'key-99999', values: ['yes'] },
    ];
    const outcome = await answered(agentLibrary({ declarations }), agent(['color: blue', 'key-99999: no']), 3000);
    assert.deepEqual([outcome.codes, outcome.count], [['unknown-value'], 2]);
    const missing = await answered(agentLibrary({ declarations }), agent(['color: red']), 3000);
    assert.deepEqual([missing.codes, missing.count], [['missing-key'], 1]);
  });
});

describe("item 18: a format's severity and keys are checked as the configuration's own", () => {
  test("an unknown code in format.severity is reported, with did-you-mean; 'constructor' and '__proto__' as what they are", () => {
    const problems = configProblems({ format: { extends: 'claude-code', severity: { 'unknwn-tool': 'off', constructor: 'off', 'unknown-tool': 'hint' } } });
    assert.deepEqual(
      problems.map(p => p.replace(/ Known codes: .*/, ' Known codes: …')),
      [
        "Invalid configuration: 'unknwn-tool' in 'format.severity' is not a diagnostic code. Did you mean 'unknown-tool'?",
        "Invalid configuration: 'constructor' in 'format.severity' is not a diagnostic code. Known codes: …",
      ],
    );
    const proto = parseConfigText('/ws/fleet-roles.json', '{ "format": { "severity": { "__proto__": "off" } } }');
    assert.deepEqual(proto.ok ? [] : proto.problems.map(p => p.message.replace(/ Known codes: .*/, '')), [
      "Invalid configuration: '__proto__' in 'format.severity' is not a diagnostic code.",
    ]);
  });

  test('a format cannot declare, or take its identity from, a key the frontmatter refuses (__proto__, constructor, prototype)', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      assert.deepEqual(configProblems({ format: { extends: 'fleet', declarations: [{ key, required: true }] } }), [
        `Invalid configuration: 'format.declarations.0.key' cannot be declared: a frontmatter key of that name is refused, as it names a JavaScript object's prototype.`,
      ]);
      assert.deepEqual(configProblems({ format: { identity: { key }, tools: { keys: [key] } } }).length, 2, key);
    }
  });
});
