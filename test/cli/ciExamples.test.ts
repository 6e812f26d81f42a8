import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { runCli } from '../support/runCli';
import { copySampleLibrary, REPO_ROOT } from '../support/tempLibrary';

/*
 * The CI pipelines in examples/ are copied by users as they are: the
 * fleet-roles commands they run must exist, take those flags, and be pinned
 * to this version. Each command is run here, with the built CLI, on a
 * library with an error.
 */

const VERSION = JSON.parse(readFileSync(nodePath.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
const EXAMPLES = nodePath.join(REPO_ROOT, 'examples');
const pipelines = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter(f => /\.ya?ml$/.test(f));

/** `npx --yes fleet-roles@V check --format sarif > x || …` → the version and the CLI's arguments. */
function commandsOf(text: string): Array<{ version: string; args: string[] }> {
  return [...text.matchAll(/npx --yes fleet-roles@(\S+) ([^>|\n]*)/g)].map(m => ({ version: m[1], args: m[2].trim().split(/\s+/) }));
}

describe('the CI examples', () => {
  const sample = copySampleLibrary();
  after(() => sample.dispose());
  const seed = nodePath.join(sample.roles, 'operations-manager.md');
  writeFileSync(seed, readFileSync(seed, 'utf8').replace('**hr-generalist**', '**hr-generalst**'));

  test('there is a GitHub Actions workflow and a Woodpecker pipeline', () => {
    assert.deepEqual(pipelines.sort(), ['github-actions/fleet-roles.yml', 'woodpecker/fleet-roles.yaml']);
  });

  for (const file of pipelines) {
    test(`${file}: every fleet-roles command is pinned to ${VERSION} and runs as written`, () => {
      const commands = commandsOf(readFileSync(nodePath.join(EXAMPLES, file), 'utf8'));
      assert.ok(commands.length > 0, 'no fleet-roles command');
      for (const { version, args } of commands) {
        assert.equal(version, VERSION);
        const result = runCli(args, sample.workspace);
        assert.equal(result.status, 1, `fleet-roles ${args.join(' ')}: ${result.stderr}`);
        const format = args.includes('--format') ? args[args.indexOf('--format') + 1] : 'text';
        if (format === 'sarif') assert.equal(JSON.parse(result.stdout).runs[0].results[0].ruleId, 'unknown-role');
        else if (format === 'github') assert.match(result.stdout, /^::error file=roles\/operations-manager\.md,.*::Unknown role 'hr-generalst'/m);
        else assert.match(result.stdout, /^roles\/operations-manager\.md:\d+:\d+ error unknown-role /m);
      }
    });
  }
});
