import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { configSchema } from '../../server/src/core/config/configSchema';
import { readValidConfig } from '../../server/src/core/config/validConfig';

/** An object as the configuration's JSON reader builds it: no prototype. */
function record(entries: Array<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const strings = fc.constantFrom('', 'roles', 'customer-success', 'Ops', 'a b', '**/draft-*.md', 'x', '__proto__');
const scalar = fc.oneof(strings, fc.integer(), fc.boolean(), fc.constant(null));
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('unknown-role', 'x', '__proto__', 'constructor'),
        fc.oneof(fc.constantFrom('error', 'warning', 'information', 'hint', 'off', 'fatal'), scalar),
      ),
      { maxLength: 3 },
    )
    .map(record),
);
const config = fc
  .array(fc.tuple(fc.constantFrom('$schema', 'roleFolders', 'exclude', 'domains', 'index', 'severity', 'extra', '__proto__'), value), { maxLength: 5 })
  .map(entries => record(entries));

describe('a valid configuration without zod', () => {
  test('accepts only what the schema accepts, and reads it as the schema does', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(config, scalar), input => {
        const fast = readValidConfig(input);
        if (fast === undefined) return;
        accepted++;
        const parsed = configSchema.safeParse(input);
        assert.ok(parsed.success, JSON.stringify(input));
        assert.deepStrictEqual(fast, parsed.data);
      }),
      { seed: 0xc0f16, numRuns: 5000 },
    );
    assert.ok(accepted > 200, `only ${accepted} configurations were read without zod`);
  });

  test('reads the usual configuration', () => {
    const input = record([
      ['domains', ['operations', 'finance']],
      ['severity', record([['index-missing-role', 'off']])],
      ['exclude', ['**/draft-*.md']],
    ]);
    assert.deepStrictEqual(readValidConfig(input), configSchema.parse(input));
  });
});
