import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkLibrary } from '../../support/checkLibrary';
import { single } from '../helpers';
import { subagent } from './agentText';

/** The order docs/reference/severity.md gives, layer by layer: each later layer wins over those before it. */

const AGENT = '/ws/.claude/agents/worker.md';

interface Layers {
  declaration?: string;
  format?: Record<string, string>;
  config?: Record<string, string>;
}

/** The severity of the `unknown-value` an `effort: extreme` gets, under the layers given. */
async function effortSeverity(layers: Layers, body?: string[]): Promise<DiagnosticSeverity | undefined> {
  const format = {
    extends: 'claude-code',
    ...(layers.declaration ? { declarations: [{ key: 'effort', severity: layers.declaration }] } : {}),
    ...(layers.format ? { severity: layers.format } : {}),
  };
  const config = { format, ...(layers.config ? { severity: layers.config } : {}) };
  const lib = await checkLibrary({ '/ws/fleet-roles.json': JSON.stringify(config), [AGENT]: subagent('worker', ['effort: extreme'], body) });
  assert.deepEqual(lib.workspace.libraries[0].problems, []);
  return lib.diagnostics(AGENT).find(d => d.code === 'unknown-value')?.severity;
}

describe('severity: which layer wins', () => {
  test("1. the code's own severity, with no layer set", async () => {
    assert.equal(await effortSeverity({}), DiagnosticSeverity.Error);
  });

  test("2. a declaration's severity wins over its code's", async () => {
    assert.equal(await effortSeverity({ declaration: 'information' }), DiagnosticSeverity.Information);
  });

  test("3. the format's severity wins over a declaration's", async () => {
    assert.equal(await effortSeverity({ declaration: 'information', format: { 'unknown-value': 'warning' } }), DiagnosticSeverity.Warning);
  });

  test("4. the configuration's severity wins over the format's", async () => {
    assert.equal(
      await effortSeverity({ declaration: 'information', format: { 'unknown-value': 'warning' }, config: { 'unknown-value': 'hint' } }),
      DiagnosticSeverity.Hint,
    );
  });

  test("the configuration's setting brings back a code its format turned off, and turns off one the format set", async () => {
    assert.equal(await effortSeverity({ format: { 'unknown-value': 'off' }, config: { 'unknown-value': 'warning' } }), DiagnosticSeverity.Warning);
    assert.equal(await effortSeverity({ format: { 'unknown-value': 'error' }, config: { 'unknown-value': 'off' } }), undefined);
  });

  test('a comment in the file silences whatever severity the layers give', async () => {
    assert.equal(
      await effortSeverity({ config: { 'unknown-value': 'error' } }, ['<!-- fleet-roles-disable unknown-value -->', 'You do one job well.']),
      undefined,
    );
  });

  test('a hint a check makes on purpose stays a hint under any setting but off', async () => {
    const agent = subagent('worker', ['mode: primary']);
    for (const [setting, expected] of [
      ['error', DiagnosticSeverity.Hint],
      ['off', undefined],
    ] as const) {
      const lib = await checkLibrary({
        '/ws/fleet-roles.json': JSON.stringify({ format: { extends: 'claude-code', unknownKeys: 'report' }, severity: { 'unknown-key': setting } }),
        [AGENT]: agent,
      });
      const found = lib.diagnostics(AGENT).filter(d => d.code === 'unknown-key');
      if (expected === undefined) assert.deepEqual(found, [], setting);
      else assert.equal(single(found, 'unknown-key').severity, expected, setting);
    }
  });
});
