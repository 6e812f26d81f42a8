import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/runCli';
import { REPO_ROOT } from '../support/tempLibrary';

describe('every command answers --help with its own usage', () => {
  for (const command of ['check', 'graph', 'new', 'init', 'server']) {
    for (const args of [
      [command, '--help'],
      [command, '-h'],
      ['help', command],
    ]) {
      test(args.join(' '), () => {
        const result = runCli(args, REPO_ROOT);
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stderr, '');
        assert.match(result.stdout, new RegExp(`^Usage: fleet-roles ${command} `));
        assert.doesNotMatch(result.stdout, new RegExp(`fleet-roles (?!${command} )(check|graph|new|init|server) `), "another command's usage");
      });
    }
  }

  test('--help lists every command, and how to ask one for its own', () => {
    const result = runCli(['--help'], REPO_ROOT);
    assert.equal(result.status, 0);
    for (const command of ['check', 'graph', 'new', 'init', 'server']) assert.match(result.stdout, new RegExp(`^  fleet-roles ${command} `, 'm'));
    assert.match(result.stdout, /^  fleet-roles COMMAND --help$/m);
  });
});
