import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv-draft-04';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { formatGithub } from '../../server/src/cli/formats/github';
import { makeTree, runCli } from '../support/runCli';

/*
 * Each machine-read output format against its specification: SARIF against
 * the OASIS SARIF 2.1.0 JSON schema, the GitHub format against the
 * workflow-command syntax and escaping of GitHub's toolkit (@actions/core).
 */

// The official schema is draft-04 and uses a pattern that is not valid in
// Unicode mode; its `uri` formats are not checked (ajv knows no formats by itself).
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const sarifValidator = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false, logger: false }).compile(sarifSchema);
const validSarif = (log: unknown): boolean => sarifValidator(log);

const role = (name: string, domain: string, boundary: string) => `---
class: ${name}
domain: ${domain}
persistent_persona: false
---
# ${name}

## Mandate

Work.

## Boundaries

- ${boundary}

## Persona

Calm.
`;

interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** The inverse of the toolkit's escaping, as GitHub's runner reads a command. */
function unescape(text: string): string {
  return text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** `::command key=value,key=value::message`, split as the runner splits it. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(match, `not a workflow command: ${line}`);
  const properties = Object.fromEntries(
    match[2].split(',').map(pair => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), unescape(pair.slice(at + 1))];
    }),
  );
  return { command: match[1], properties, message: unescape(match[3]) };
}

describe('output formats against their specifications', () => {
  // A folder whose name holds the characters a property must escape.
  const tree = makeTree({
    'roles/alpha.md': role('alpha', 'operations', "**Does NOT build** — that is **beta**'s lane."),
    'roles/beta.md': role('beta', 'engineering', 'Nobody in particular.'),
    'roles/odd, dir: 100%/gamma.md': role('gamma', 'opertions', '**Does NOT hire** — **hr-genralist** does.'),
    'roles/delta.md': role('delta', 'operations', '**Does NOT sell** — **alpha** does.').replace('persistent_persona: false', 'persistant_persona: false'),
  });
  after(() => tree.dispose());
  const json = JSON.parse(runCli(['check', '--format', 'json'], tree.dir).stdout) as { files: Array<{ path: string; diagnostics: JsonDiagnostic[] }> };
  const expected = json.files.flatMap(f => f.diagnostics.map(d => ({ path: f.path, ...d })));

  test('the library gives errors, warnings and hints, so every level is exercised', () => {
    assert.deepEqual(new Set(expected.map(d => d.severity)), new Set(['error', 'warning', 'hint']));
  });

  test('sarif: valid against the SARIF 2.1.0 schema, each result at its rule and the same place as json', () => {
    const result = runCli(['check', '--format', 'sarif'], tree.dir);
    assert.equal(result.status, 1, result.stderr);
    const log = JSON.parse(result.stdout);
    assert.ok(validSarif(log), JSON.stringify(sarifValidator.errors, null, 2));
    const run = log.runs[0];
    assert.equal(run.results.length, expected.length);
    run.results.forEach(
      (
        r: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }>;
        },
        i: number,
      ) => {
        const d = expected[i];
        assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
        assert.equal(r.ruleId, d.code);
        assert.equal(r.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[d.severity]);
        assert.equal(r.message.text, d.message);
        // A relative URI reference: the space and the percent sign are escaped, the comma and colon may stand.
        assert.equal(decodeURI(r.locations[0].physicalLocation.artifactLocation.uri), d.path);
        assert.deepEqual(r.locations[0].physicalLocation.region, {
          startLine: d.range.start.line + 1,
          startColumn: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
        });
      },
    );
  });

  test('sarif: a clean library is a valid log with no results', () => {
    const clean = makeTree({
      'roles/alpha.md': role('alpha', 'operations', '**Does NOT build** — **alpha-two** does.'),
      'roles/alpha-two.md': role('alpha-two', 'operations', '**Does NOT plan** — **alpha** does.'),
    });
    try {
      const result = runCli(['check', '--format', 'sarif'], clean.dir);
      assert.equal(result.status, 0, result.stdout + result.stderr);
      const log = JSON.parse(result.stdout);
      assert.ok(validSarif(log), JSON.stringify(sarifValidator.errors, null, 2));
      assert.deepEqual(log.runs[0].results, []);
    } finally {
      clean.dispose();
    }
  });

  test('github: one workflow command per diagnostic, read back to the json report, then the summary', () => {
    const result = runCli(['check', '--format', 'github'], tree.dir);
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.pop(), `4 files checked, 4 roles indexed: 3 errors, 1 warning.`);
    assert.equal(lines.length, expected.length);
    lines.forEach((line, i) => {
      const d = expected[i];
      assert.deepEqual(parseCommand(line), {
        command: { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' }[d.severity],
        properties: {
          file: d.path,
          line: String(d.range.start.line + 1),
          col: String(d.range.start.character + 1),
          endLine: String(d.range.end.line + 1),
          endColumn: String(d.range.end.character + 1),
          title: `fleet-roles ${d.code}`,
        },
        message: d.message,
      });
    });
    assert.ok(
      lines.some(l => l.includes('file=roles/odd%2C dir%3A 100%25/gamma.md,')),
      lines.join('\n'),
    );
  });

  test('github: %, CR and LF are escaped in the message; also : and , in properties', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 2 } };
    const out = formatGithub({
      files: [
        { path: 'a:b,c%d.md', diagnostics: [{ code: 'unknown-role', severity: DiagnosticSeverity.Information, message: '100% sure:\r\nno, really', range }] },
      ],
      summary: { files: 1, roles: 1, errors: 0, warnings: 0 },
    });
    assert.equal(
      out.split('\n')[0],
      '::notice file=a%3Ab%2Cc%25d.md,line=1,col=1,endLine=2,endColumn=3,title=fleet-roles unknown-role::100%25 sure:%0D%0Ano, really',
    );
  });
});
