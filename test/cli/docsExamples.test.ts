import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { DIAGNOSTIC_CODES } from '../../server/src/core';
import { SEVERITY_NAMES } from '../../server/src/cli/report';
import { makeTree, runCli } from '../support/runCli';
import { REPO_ROOT } from '../support/tempLibrary';

/*
 * The documents' examples, run through the CLI so that no page can drift
 * from what the checker does. docs/diagnostics/ has a page per code: its
 * example must give that code and no other (but those its **Comes with:**
 * line names), and its fix must leave the library clean. The overview of
 * docs/role-format.md must check clean.
 */

const DOCS = nodePath.join(REPO_ROOT, 'docs');
const DOC = readFileSync(nodePath.join(DOCS, 'role-format.md'), 'utf8');
const PAGES = nodePath.join(DOCS, 'diagnostics');
const INDEX = readFileSync(nodePath.join(PAGES, 'README.md'), 'utf8');
const pageOf = (code: string) => readFileSync(nodePath.join(PAGES, `${code}.md`), 'utf8');

/** A fenced block: its language, the file it stands for (the info string's second word), its text. */
interface Block {
  language: string;
  path?: string;
  text: string;
}

function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  const fence = /^```(\w+)(?: (\S+))?\n([\s\S]*?)^```$/gm;
  for (const m of markdown.matchAll(fence)) blocks.push({ language: m[1], path: m[2], text: m[3] });
  return blocks;
}

/** The text under each heading of `level`, up to the next heading of that level or higher; lines in fenced code are no headings. */
function sections(markdown: string, level: number): Map<string, string> {
  const out = new Map<string, string>();
  let inFence = false;
  let current: { title: string; lines: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    const heading = inFence ? null : /^(#+) (.+)$/.exec(line);
    if (heading && heading[1].length <= level) {
      if (current) out.set(current.title, current.lines.join('\n'));
      current = heading[1].length === level ? { title: heading[2], lines: [] } : undefined;
    } else {
      current?.lines.push(line);
    }
  }
  if (current) out.set(current.title, current.lines.join('\n'));
  return out;
}

/** Applies a diff block: its context and `-` lines must stand once in the file, in a row; they become the context and `+` lines. */
function applyDiff(text: string, diff: string, file: string): string {
  const lines = diff.replace(/\n$/, '').split('\n');
  const before = lines.filter(l => !l.startsWith('+')).map(l => l.slice(1));
  const after = lines.filter(l => !l.startsWith('-')).map(l => l.slice(1));
  const fileLines = text.split('\n');
  const at: number[] = [];
  for (let i = 0; i + before.length <= fileLines.length; i++) {
    if (before.every((l, j) => fileLines[i + j] === l)) at.push(i);
  }
  assert.equal(at.length, 1, `the diff for ${file} must match exactly one place, found ${at.length}:\n${diff}`);
  fileLines.splice(at[0], before.length, ...after);
  return fileLines.join('\n');
}

/** Writes, changes or runs each block in the library folder. */
function apply(dir: string, blocks: Block[]): void {
  for (const block of blocks) {
    if (block.language === 'sh') {
      const result = spawnSync('bash', ['-euc', block.text], { cwd: dir, encoding: 'utf8' });
      assert.equal(result.status, 0, `${block.text}: ${result.stderr}`);
      continue;
    }
    assert.ok(block.path, `a ${block.language} block of an example names no file:\n${block.text}`);
    const path = nodePath.join(dir, block.path);
    if (block.language === 'diff') {
      assert.ok(existsSync(path), `the diff changes ${block.path}, which the example has not written`);
      writeFileSync(path, applyDiff(readFileSync(path, 'utf8'), block.text, block.path));
    } else {
      mkdirSync(nodePath.dirname(path), { recursive: true });
      writeFileSync(path, block.text);
    }
  }
}

/**
 * The codes the CLI reports for the library, configuration errors included.
 * Each exit code means one thing (docs/cli.md), and the output must agree
 * with it: 0 and 1 give the JSON report, without and with an error; 2 here
 * can only be an invalid configuration, on stderr; anything else is a failure.
 */
function check(dir: string): { codes: string[]; output: string } {
  const result = runCli(['check', '--format', 'json'], dir);
  const output = `exit ${result.status}\n${result.stdout}${result.stderr}`;
  if (result.status === 2) {
    // Each problem at its place, then the one line that says nothing was checked.
    const lines = result.stderr.split('\n').filter(line => line !== '');
    const problems = lines.slice(0, -1);
    assert.ok(
      result.stdout === '' &&
        problems.length > 0 &&
        lines.at(-1) === 'fleet-roles: the configuration is not valid; nothing was checked' &&
        problems.every(line => /^\S+:\d+:\d+ error invalid-config /.test(line)),
      `exit 2 for another reason than an invalid configuration:\n${output}`,
    );
    return { codes: problems.map(() => 'invalid-config'), output };
  }
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status} is no report:\n${output}`);
  const report = JSON.parse(result.stdout) as { files: Array<{ diagnostics: Array<{ code: string }> }>; summary: { errors: number } };
  assert.equal(result.status === 1, report.summary.errors > 0, `exit ${result.status} with ${report.summary.errors} errors:\n${output}`);
  return { codes: report.files.flatMap(f => f.diagnostics.map(d => d.code)), output };
}

const baseLibrary = blocksOf(sections(INDEX, 2).get('The library of the examples') ?? '');
const CODES = Object.keys(DIAGNOSTIC_CODES);

describe('docs/diagnostics', () => {
  test('the library of the examples is there and checks clean', () => {
    assert.equal(baseLibrary.length, 2);
    const tree = makeTree({});
    try {
      apply(tree.dir, baseLibrary);
      assert.deepEqual(check(tree.dir).codes, []);
    } finally {
      tree.dispose();
    }
  });

  test('the table lists every code once, with its severity and a link to its page', () => {
    const rows = [...INDEX.matchAll(/^\| \[`([a-z-]+)`\]\(([a-z-]+)\.md\) \| (\w+) \|/gm)].map(m => [m[1], m[2], m[3]]);
    assert.deepEqual(
      rows,
      Object.entries(DIAGNOSTIC_CODES).map(([code, { severity }]) => [code, code, SEVERITY_NAMES[severity]]),
    );
  });

  test('every code has a page, and every page is a code', () => {
    const pages = readdirSync(PAGES)
      .filter(name => name !== 'README.md')
      .sort();
    assert.deepEqual(pages, CODES.map(code => `${code}.md`).sort());
  });

  for (const code of CODES) {
    test(`${code}: its page says what, why, an example and the fix; the example gives ${code} and nothing else; the fix leaves the library clean`, () => {
      const page = pageOf(code);
      assert.ok(page.startsWith(`# \`${code}\`\n`), `docs/diagnostics/${code}.md does not start with its code`);
      const parts = sections(page, 2);
      assert.deepEqual([...parts.keys()], ['What', 'Why', 'Example', 'Fix'], `the sections of docs/diagnostics/${code}.md`);
      for (const [title, text] of parts) assert.ok(text.trim() !== '', `${code}: ${title} is empty`);
      const example = parts.get('Example')!;
      const fix = parts.get('Fix')!;
      assert.ok(blocksOf(example).length > 0 && blocksOf(fix).length > 0, `${code}: the example and the fix each need a block to run`);
      const tree = makeTree({});
      try {
        apply(tree.dir, baseLibrary);
        apply(tree.dir, blocksOf(example));
        // Codes that cannot but follow from this one, as the page says.
        const comesWith = [...(/^\*\*Comes with:\*\* (.*)$/m.exec(example)?.[1].matchAll(/`([a-z-]+)`/g) ?? [])].map(m => m[1]);
        const failing = check(tree.dir);
        assert.ok(
          failing.codes.includes(code) && failing.codes.every(c => c === code || comesWith.includes(c)),
          `expected ${[code, ...comesWith].join(', ')}:\n${failing.output}`,
        );
        apply(tree.dir, blocksOf(fix));
        const fixed = check(tree.dir);
        assert.deepEqual(fixed.codes, [], fixed.output);
      } finally {
        tree.dispose();
      }
    });
  }
});

describe('docs/role-format.md', () => {
  test("the overview's role file and configuration check clean in the library of the examples", () => {
    const overview = blocksOf(DOC.slice(0, DOC.indexOf('\n## Diagnostics'))).filter(b => b.path);
    assert.deepEqual(
      overview.map(b => b.path),
      ['roles/sales-lead.md', 'fleet-roles.json'],
    );
    const tree = makeTree({});
    try {
      apply(tree.dir, baseLibrary);
      apply(tree.dir, overview);
      const result = check(tree.dir);
      assert.deepEqual(result.codes, [], result.output);
    } finally {
      tree.dispose();
    }
  });
});
