import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { runCli } from '../support/runCli';
import { REPO_ROOT } from '../support/tempLibrary';
import { CASES, type SkillCase } from './skillsRefCases';
import { layOut, npmPeer, pythonPeer, pythonPeerHere } from './skillsRefPeer';

/*
 * The differential test against `skills-ref validate`, the Agent Skills
 * specification's reference validator. Its Python original is the peer; CI
 * cannot fetch it, so its verdicts on these cases are recorded
 * (skillsRefPython.json, by scripts/skills-ref-record.js) and, where
 * SKILLS_REF_SRC names its source, re-checked live. The npm package of the
 * same name runs live everywhere: it agrees with the original except on the
 * cases below, where it departs from the specification too, so it checks
 * the record but cannot stand in for the original.
 *
 * Each complaint of the peer is read as a rule; each rule is one code of
 * fleet-roles. On every case fleet-roles reports exactly the codes of the
 * peer's rules, or the case is one of the differences below, each a place
 * where the specification sides with fleet-roles.
 */

const record: { commit: string; verdicts: Record<string, string[]> } = JSON.parse(
  readFileSync(nodePath.join(REPO_ROOT, 'test', 'peers', 'skillsRefPython.json'), 'utf8'),
);

/** The peer's complaints as rules: the first pattern that matches a message names its rule. */
const RULES: [RegExp, string][] = [
  [/^Missing required file: SKILL\.md$/, 'skill-md-missing'],
  [/^SKILL\.md must start with YAML frontmatter/, 'frontmatter-missing'],
  [/^SKILL\.md frontmatter not properly closed/, 'frontmatter-unclosed'],
  [/SKILL\.md frontmatter must be a YAML mapping$/, 'not-a-mapping'],
  [/^Invalid YAML in frontmatter: /, 'yaml'],
  [/^Unexpected fields in frontmatter: /, 'unknown-field'],
  [/^Missing required field in frontmatter: (name|description)$/, 'missing'],
  [/^Field '(name|description)' must be a non-empty string$/, 'empty'],
  [/^Skill name '.*' exceeds 64 character limit/, 'name-length'],
  [/^Skill name '.*' must be lowercase$/, 'name-form'],
  [/^Skill name cannot start or end with a hyphen$/, 'name-form'],
  [/^Skill name cannot contain consecutive hyphens$/, 'name-form'],
  [/^Skill name '.*' contains invalid characters/, 'name-form'],
  [/^Directory name '.*' must match skill name /, 'name-folder'],
  [/^Description exceeds 1024 character limit/, 'description-length'],
  [/^Field 'compatibility' must be a string$/, 'compatibility-form'],
  [/^Compatibility exceeds 500 character limit/, 'compatibility-length'],
];

/** The code fleet-roles reports for each rule. */
const CODE: Record<string, string> = {
  'frontmatter-missing': 'missing-key',
  'frontmatter-unclosed': 'invalid-frontmatter',
  'not-a-mapping': 'invalid-frontmatter',
  yaml: 'invalid-frontmatter',
  'unknown-field': 'unknown-key',
  missing: 'missing-key',
  empty: 'invalid-value',
  'name-length': 'invalid-value',
  'name-form': 'invalid-value',
  'name-folder': 'name-filename-mismatch',
  'description-length': 'invalid-value',
  'compatibility-form': 'invalid-value',
  'compatibility-length': 'invalid-value',
};

/** Where the npm package departs from the original, and how. */
const NPM_DEPARTS: Record<string, string> = {
  'name-null': 'it reads an empty `name:` as the text "null"',
  'description-null': 'it reads an empty `description:` as the text "null", and so takes it',
  'flow-mapping': 'it reads YAML with js-yaml, which takes flow style as YAML does',
  'first-yaml-complaint-only': 'it reads YAML with js-yaml, so no YAML complaint stops it',
};

interface Difference {
  /** Codes fleet-roles reports that the peer has no rule for here. */
  fleetOnly?: string[];
  /** The peer's rules that fleet-roles rightly does not report here. */
  peerOnly?: string[];
  why: string;
}

/** Where fleet-roles and the peer part, and why the specification sides with fleet-roles. */
const DIFFERENCES: Record<string, Difference> = {
  'name-non-ascii': { fleetOnly: ['invalid-value'], why: 'the name may hold a-z, 0-9 and hyphens only; the peer takes any Unicode letter' },
  'compatibility-empty': { fleetOnly: ['invalid-value'], why: 'compatibility, when given, is 1 to 500 characters; the peer takes an empty one' },
  'metadata-not-string': { fleetOnly: ['invalid-value'], why: 'metadata maps strings to strings; the peer reads every YAML scalar as text' },
  'dangling-link': { fleetOnly: ['broken-link'], why: 'a relative link names a file of the skill; the peer reads no link' },
  'link-leaves-skill': {
    fleetOnly: ['link-leaves-skill'],
    why: 'a skill is installed as a folder on its own, so a link out of it breaks; the peer reads no link',
  },
  'link-to-missing-folder': { fleetOnly: ['broken-link'], why: 'the folder is not there; the peer reads no link' },
  'path-in-code-missing': { fleetOnly: ['broken-link'], why: 'a code span that is a path below references/ names a file of the skill; the peer reads no path' },
  'link-case-differs': { fleetOnly: ['broken-link'], why: 'file names are case-sensitive where skills run; the peer reads no link' },
  'flow-mapping': { peerOnly: ['yaml'], why: 'a flow mapping is YAML; the peer reads a subset of YAML (StrictYAML) that has no flow style' },
  bom: { peerOnly: ['frontmatter-missing'], why: 'a byte order mark is not text: YAML and Markdown readers skip it; the peer sees it before the "---"' },
  'first-yaml-complaint-only': {
    fleetOnly: ['invalid-value'],
    peerOnly: ['yaml'],
    why: 'the name is not lower case; the peer stops at its complaint about the (valid) flow mapping and never checks the name',
  },
  'dashes-in-value': {
    peerOnly: ['yaml'],
    why: 'the frontmatter ends at a line "---"; the peer ends it at the first "---" anywhere, here inside a quoted description',
  },
  'claude-code-defaults': {
    peerOnly: ['missing', 'unknown-field'],
    why: 'in .claude/skills Claude Code reads the skill by its own rules (its documentation): name and description are optional, model and disable-model-invocation are its keys',
  },
  'unknown-field': {
    peerOnly: ['unknown-field'],
    why: 'the specification lists its fields but forbids no other (tools add their own); fleet-roles reports a near miss of a field only',
  },
};

/** The peer's rules behind its complaints; a complaint no rule reads fails the test, as a rule of the peer this test does not know. */
function rules(messages: string[]): string[] {
  return messages.map(message => {
    const rule = RULES.find(([pattern]) => pattern.test(message));
    assert.ok(rule, `a complaint of the peer that no rule here reads: ${message}`);
    return rule[1];
  });
}

const distinct = (list: string[]) => [...new Set(list)].sort();

/** Lays the case out in a repository of its own, and hands the skill's folder and the repository to `use`. */
function withCase<T>(c: SkillCase, use: (folder: string, repo: string) => T): T {
  const repo = mkdtempSync(nodePath.join(os.tmpdir(), 'fleet-roles-skills-ref-'));
  try {
    return use(layOut(c, repo), repo);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

/** The codes `fleet-roles check --format json` reports on the repository. */
function fleetCodes(repo: string): string[] {
  const result = runCli(['check', '.', '--format', 'json'], repo);
  assert.ok(result.status === 0 || result.status === 1, `check exited ${result.status}: ${result.stderr}`);
  const report: { files: { diagnostics: { code: string }[] }[] } = JSON.parse(result.stdout);
  return distinct(report.files.flatMap(f => f.diagnostics.map(d => d.code)));
}

describe('skills-ref, the Agent Skills reference validator, against fleet-roles', () => {
  test('the record holds a verdict of the original for every case, and for no other', () => {
    assert.deepEqual(Object.keys(record.verdicts).sort(), CASES.map(c => c.id).sort());
  });

  test('every named difference and departure is a case', () => {
    const ids = new Set(CASES.map(c => c.id));
    assert.deepEqual(
      [...Object.keys(DIFFERENCES), ...Object.keys(NPM_DEPARTS)].filter(id => !ids.has(id)),
      [],
    );
    assert.equal(ids.size, CASES.length, 'two cases share an id');
  });

  const python = pythonPeerHere();
  test(`the record is what the Python original (${record.commit.slice(0, 12)}) says`, { skip: 'why' in python && python.why }, () => {
    if ('why' in python) return;
    for (const c of CASES)
      assert.deepEqual(
        withCase(c, (folder): string[] => pythonPeer(python, folder)),
        record.verdicts[c.id],
        c.id,
      );
  });

  for (const c of CASES) {
    const original = rules(record.verdicts[c.id]);
    const departs = NPM_DEPARTS[c.id];
    test(`npm skills-ref ${departs ? `departs from the original: ${departs}` : 'agrees with the original'}: ${c.id}`, () => {
      const npm = withCase(c, npmPeer);
      if (departs) assert.notDeepEqual(rules(npm), original, 'the npm package now agrees here: take the case out of NPM_DEPARTS');
      else assert.deepEqual(rules(npm), original);
    });

    const difference = DIFFERENCES[c.id];
    const expected = distinct([...original.filter(rule => !difference?.peerOnly?.includes(rule)).map(rule => CODE[rule]), ...(difference?.fleetOnly ?? [])]);
    const title = `${difference ? `fleet-roles is right and the peer is not (${difference.why})` : 'both agree'}: ${c.id} (${c.about})`;
    test(title, () => {
      for (const rule of difference?.peerOnly ?? []) assert.ok(original.includes(rule), `the peer no longer reports ${rule} here`);
      assert.deepEqual(
        withCase(c, (_folder, repo) => fleetCodes(repo)),
        expected,
      );
    });
  }
});
