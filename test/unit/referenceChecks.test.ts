import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkLibrary } from '../support/checkLibrary';
import { sampleLibrary, SEED_PATH } from '../support/seed';
import { codes, lineOf, lineRange, peers, rangeOf, roleText, single } from './helpers';

const PATH = '/ws/roles/x-role.md';

async function checkBoundaries(boundaries: string[], extra: Record<string, string> = {}) {
  const text = roleText('x-role', { boundaries });
  const lib = await checkLibrary(peers({ [PATH]: text, ...extra }));
  return { text, diagnostics: lib.diagnostics(PATH) };
}

describe('unknown roles in Boundaries', () => {
  test('a misspelt role: exact message, range is the name inside the asterisks', async () => {
    const files = sampleLibrary();
    const text = files[SEED_PATH].replace('**hr-generalist**', '**hr-generalst**');
    const lib = await checkLibrary({ ...files, [SEED_PATH]: text });
    const diagnostics = lib.diagnostics(SEED_PATH);
    assert.deepEqual(codes(diagnostics), ['unknown-role']);
    const d = diagnostics[0];
    assert.equal(d.message, "Unknown role 'hr-generalst'. Did you mean 'hr-generalist'?");
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(d.source, 'fleet-roles');
    const line = lineOf(text, 'belong to the **hr-generalst**, even when ops feels the headcount gap.');
    const column = 'belong to the **'.length;
    assert.deepEqual(d.range, { start: { line, character: column }, end: { line, character: column + 'hr-generalst'.length } });
  });

  test('an unknown role with no near miss says that no such file exists', async () => {
    const { text, diagnostics } = await checkBoundaries(["- **Does NOT x** — that is the **zzz-qqq-www**'s lane."]);
    const d = single(diagnostics, 'unknown-role');
    assert.deepEqual(d.range, rangeOf(text, 'zzz-qqq-www'));
    assert.equal(d.message, "Unknown role 'zzz-qqq-www'. No role file 'zzz-qqq-www.md' exists in this library.");
  });

  test('the did-you-mean never suggests the role itself', async () => {
    const { diagnostics } = await checkBoundaries(['- **Does NOT x** — that is the **x-rolr**.']);
    assert.equal(single(diagnostics, 'unknown-role').message, "Unknown role 'x-rolr'. No role file 'x-rolr.md' exists in this library.");
  });

  test('a possessive after a reference is part of no name', async () => {
    const { text, diagnostics } = await checkBoundaries(["- **Does NOT x** — that is the **missing-role**'s lane."]);
    assert.deepEqual(codes(diagnostics), ['unknown-role']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'missing-role'));
  });

  test("a possessive reference (**peer-role**'s) to an existing role is valid", async () => {
    const { diagnostics } = await checkBoundaries(["- **Does NOT x** — that is the **peer-role**'s lane."]);
    assert.deepEqual(diagnostics, []);
  });

  test('every reference of a bullet is checked', async () => {
    const { text, diagnostics } = await checkBoundaries(['- **Does NOT x** — the **peer-role**, the **missing-one** and the **missing-two**.']);
    assert.deepEqual(codes(diagnostics), ['unknown-role', 'unknown-role']);
    assert.deepEqual(
      diagnostics.map(d => d.range),
      [rangeOf(text, 'missing-one'), rangeOf(text, 'missing-two')],
    );
  });

  test('bold text that is not a slug is emphasis, not a reference', async () => {
    const { text, diagnostics } = await checkBoundaries(['- **Does NOT author the spec** — **Peer-Role** and **not a slug** decide.']);
    assert.deepEqual(codes(diagnostics), ['boundary-without-role']);
    assert.deepEqual(diagnostics[0].range, lineRange(text, lineOf(text, '- **Does NOT author the spec**', true)));
  });

  test('a code span holding ** does not pair with a later bold', async () => {
    const { text, diagnostics } = await checkBoundaries(['- **Does NOT x** — `**` is markup; the **missing-role** decides.']);
    assert.deepEqual(codes(diagnostics), ['unknown-role']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'missing-role'));
  });

  test('escaped asterisks make no reference', async () => {
    const { diagnostics } = await checkBoundaries(['- **Does NOT x** — \\*\\*missing-role\\*\\* is literal text.']);
    assert.deepEqual(codes(diagnostics), ['boundary-without-role']);
  });
});

describe('code hides references', () => {
  test('a reference inside an inline code span is no reference', async () => {
    const { diagnostics } = await checkBoundaries(['- **Does NOT x** — write `**missing-role**` for a reference.']);
    assert.deepEqual(codes(diagnostics), ['boundary-without-role']);
  });

  test('a reference inside a double-backtick code span is no reference', async () => {
    const { diagnostics } = await checkBoundaries(['- **Does NOT x** — the **peer-role**; write ``a ` **missing-role**`` for one.']);
    assert.deepEqual(diagnostics, []);
  });

  for (const fence of ['```', '~~~', '````']) {
    test(`references inside a ${fence} fenced code block are no references`, async () => {
      const { diagnostics } = await checkBoundaries([
        '- **Does NOT x** — the **peer-role**.',
        '',
        `${fence}markdown`,
        '- **Does NOT y** — the **missing-role**.',
        '[missing](./missing-link.md)',
        fence,
      ]);
      assert.deepEqual(diagnostics, []);
    });
  }

  test('a fence closes only with its own character', async () => {
    const { diagnostics } = await checkBoundaries([
      '- **Does NOT x** — the **peer-role**.',
      '',
      '~~~',
      '```',
      '- **Does NOT y** — the **missing-role**.',
      '~~~',
    ]);
    assert.deepEqual(diagnostics, []);
  });

  test('a reference inside an HTML comment is no reference', async () => {
    const { diagnostics } = await checkBoundaries(['- **Does NOT x** — the **peer-role** <!-- not **missing-role** -->.']);
    assert.deepEqual(diagnostics, []);
  });
});

describe('links as references', () => {
  test('a link to a missing role file is unknown-role at the file name in the link', async () => {
    const { text, diagnostics } = await checkBoundaries(['- **Does NOT x** — see [the other lane](./missing-role.md).']);
    assert.deepEqual(codes(diagnostics), ['unknown-role']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'missing-role'));
  });

  test('a link to an existing role file is a valid reference', async () => {
    const { diagnostics } = await checkBoundaries(['- **Does NOT x** — see [peer](./peer-role.md).']);
    assert.deepEqual(diagnostics, []);
  });

  test('a link with an anchor, a title or angle brackets still names the file', async () => {
    const { text, diagnostics } = await checkBoundaries([
      '- **Does NOT a** — see [a](./missing-a.md#mandate).',
      '- **Does NOT b** — see [b](missing-b.md "The b role").',
      '- **Does NOT c** — see [c](<../roles/missing-c.md>).',
    ]);
    assert.deepEqual(codes(diagnostics), ['unknown-role', 'unknown-role', 'unknown-role']);
    assert.deepEqual(
      diagnostics.map(d => d.range),
      [rangeOf(text, 'missing-a'), rangeOf(text, 'missing-b'), rangeOf(text, 'missing-c')],
    );
  });

  test('links to web pages or non-Markdown files are no references', async () => {
    const { diagnostics } = await checkBoundaries([
      '- **Does NOT x** — the **peer-role**; see [web](https://example.com/missing-role.md) and [pic](./missing-role.png).',
    ]);
    assert.deepEqual(diagnostics, []);
  });
});

describe('self references and bullets', () => {
  test('a Boundaries reference to the role itself is a self-reference warning at the name', async () => {
    const { text, diagnostics } = await checkBoundaries(["- **Does NOT x** — that is the **x-role**'s own lane."]);
    assert.deepEqual(codes(diagnostics), ['self-reference']);
    const d = diagnostics[0];
    const line = lineOf(text, "- **Does NOT x** — that is the **x-role**'s own lane.");
    const column = '- **Does NOT x** — that is the **'.length;
    assert.deepEqual(d.range, { start: { line, character: column }, end: { line, character: column + 'x-role'.length } });
    assert.equal(d.severity, DiagnosticSeverity.Warning);
  });

  test('a link to the role itself is a self-reference too', async () => {
    const { diagnostics } = await checkBoundaries(['- **Does NOT x** — see [me](./x-role.md).']);
    assert.deepEqual(codes(diagnostics), ['self-reference']);
  });

  test('a bullet naming no role is boundary-without-role at its first line', async () => {
    const { text, diagnostics } = await checkBoundaries(['- **Does NOT x** — the **peer-role**.', '- **Does NOT y** — nobody in', 'particular.']);
    assert.deepEqual(codes(diagnostics), ['boundary-without-role']);
    const d = diagnostics[0];
    assert.deepEqual(d.range, lineRange(text, lineOf(text, '- **Does NOT y** — nobody in')));
    assert.equal(d.severity, DiagnosticSeverity.Warning);
  });

  test('a bullet whose reference is on its second line (as in the seed) names a role', async () => {
    const { diagnostics } = await checkBoundaries([
      '- **Does NOT run one-off initiatives** — bounded, time-boxed change is the',
      "**peer-role**'s lane; the ops manager owns the steady state.",
      '- **Does NOT author the spec** — requirements come from the',
      '  **other-role**; ops runs what is defined.',
    ]);
    assert.deepEqual(diagnostics, []);
  });

  test('each of several numbered or starred bullets is checked on its own', async () => {
    const { text, diagnostics } = await checkBoundaries([
      '* **Does NOT a** — the **peer-role**.',
      '* **Does NOT b** — nobody.',
      '1. **Does NOT c** — the **other-role**.',
      '2. **Does NOT d** — nobody.',
    ]);
    assert.deepEqual(codes(diagnostics), ['boundary-without-role', 'boundary-without-role']);
    assert.deepEqual(
      diagnostics.map(d => d.range.start.line),
      [lineOf(text, '* **Does NOT b** — nobody.'), lineOf(text, '2. **Does NOT d** — nobody.')],
    );
  });

  test('the seed file checks clean once its three named roles exist', async () => {
    const lib = await checkLibrary(sampleLibrary());
    assert.deepEqual(lib.diagnostics(SEED_PATH), []);
  });
});

describe('references in Boundaries outside bullets', () => {
  test('an unknown role in an introductory Boundaries paragraph is unknown-role', async () => {
    const { text, diagnostics } = await checkBoundaries(['Work of the **missing-role** is out of scope:', '', '- **Does NOT x** — the **peer-role**.']);
    assert.deepEqual(codes(diagnostics), ['unknown-role']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'missing-role'));
  });

  test('an unknown role in a paragraph after the Boundaries list is unknown-role', async () => {
    const { text, diagnostics } = await checkBoundaries(['- **Does NOT x** — the **peer-role**.', '', 'See also [them](./missing-role.md).']);
    assert.deepEqual(codes(diagnostics), ['unknown-role']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'missing-role'));
  });

  test('a lazy continuation line belongs to its bullet', async () => {
    const { text, diagnostics } = await checkBoundaries(['- **Does NOT x** — the **peer-role**', 'and the **missing-role**.']);
    assert.deepEqual(codes(diagnostics), ['unknown-role']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'missing-role'));
  });
});

describe('outside Boundaries', () => {
  test('an unknown bold slug outside Boundaries is emphasis: no diagnostic', async () => {
    const text = roleText('x-role', {
      lead: ['The **x-role** is a **persistent** role; it works with the **missing-role**.'],
      mandate: ['1. **Coordinate** — talk to the **other-missing-role** daily; see [m](./missing-link.md).'],
      persona: ['Friendly to the **missing-persona-role**.'],
    });
    const lib = await checkLibrary(peers({ [PATH]: text }));
    assert.deepEqual(lib.diagnostics(PATH), []);
  });

  test('a section after Boundaries ends it: its unknown slugs give nothing', async () => {
    const text = roleText('x-role', { persona: ['- a bullet naming the **missing-role** is no boundary.'] });
    const lib = await checkLibrary(peers({ [PATH]: text }));
    assert.deepEqual(lib.diagnostics(PATH), []);
  });
});
