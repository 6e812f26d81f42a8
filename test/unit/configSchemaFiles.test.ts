import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { BUILTIN_FORMATS } from '../../server/src/core/config/builtinFormats';
import { configFieldTable } from '../../server/src/core/config/configFieldTable';
import { configJsonSchema, type JsonSchema } from '../../server/src/core/config/configJsonSchema';
import { configSchema } from '../../server/src/core/config/configSchema';
import { REPO_ROOT } from '../support/tempLibrary';

const committed = (file: string) => readFileSync(nodePath.join(REPO_ROOT, file), 'utf8');
const generated = configJsonSchema();
const editorAccepts = new Ajv({ strict: false }).compile(generated);

describe('the files generated from configSchema', () => {
  test('schemas/fleet-roles.schema.json is what `npm run schema` writes', () => {
    assert.equal(committed('schemas/fleet-roles.schema.json'), `${JSON.stringify(generated, null, 2)}\n`, 'stale: run `npm run schema`');
  });

  test('docs/reference/configuration-fields.md is what `npm run schema` writes', () => {
    assert.equal(committed('docs/reference/configuration-fields.md'), configFieldTable(generated), 'stale: run `npm run schema`');
  });

  test('the field table has a row for every field the schema has, nested ones by their path', () => {
    const table = configFieldTable(generated);
    for (const field of ['roleFolders', 'format', 'format.extension', 'format.declarations[].codes.missing', 'format.promptLimit.unless.value', 'severity']) {
      assert.ok(table.includes(`| \`${field}\` |`), field);
    }
  });

  test('an enumeration of four or more diagnostic codes is named as such; a shorter or mixed one is listed in full', () => {
    const enumOf = (values: string[]): JsonSchema => ({ type: 'string', enum: values, markdownDescription: 'x' });
    const table = configFieldTable({
      markdownDescription: 'A schema of enumerations.',
      properties: {
        three: enumOf(['unknown-role', 'missing-class', 'unknown-domain']),
        four: enumOf(['unknown-role', 'missing-class', 'unknown-domain', 'unknown-key']),
        mixed: enumOf(['unknown-role', 'missing-class', 'unknown-domain', 'not-a-code']),
      },
    });
    assert.ok(table.includes('| `three` | `"unknown-role"`, `"missing-class"`, `"unknown-domain"` | x |'), table);
    assert.ok(table.includes('| `four` | diagnostic code | x |'), table);
    assert.ok(table.includes('| `mixed` | `"unknown-role"`, `"missing-class"`, `"unknown-domain"`, `"not-a-code"` | x |'), table);
  });

  test('every description VS Code shows has a plain twin without code spans', () => {
    const described = JSON.stringify(generated).match(/"markdownDescription"/g) ?? [];
    assert.ok(described.length > 60, `${described.length} descriptions`);
    const format = (generated.properties as Record<string, JsonSchema>).format;
    assert.equal(format.markdownDescription?.toString().includes('`fleet`'), true);
    assert.equal(format.description?.toString().includes('"fleet"'), true);
  });
});

describe('the JSON schema and the checker accept the same configurations', () => {
  test("the sample library's configuration, and each built-in format written as a format of one's own", () => {
    const configs = [JSON.parse(committed('roles/fleet-roles.json')) as unknown, ...Object.values(BUILTIN_FORMATS).map(format => ({ format }))];
    for (const config of configs) {
      assert.ok(configSchema.safeParse(config).success, JSON.stringify(config));
      assert.ok(editorAccepts(config), JSON.stringify(editorAccepts.errors));
    }
  });

  // Values of every kind the schema has, none that only one side refuses (a pattern that cannot run
  // in linear time, a path leading outside, a repeated domain, a prototype key: see configSchema).
  const LEAVES = [
    '',
    'x',
    'a-b',
    'Ab',
    '.md',
    '.agent.md',
    'md',
    'key[]',
    'upper-case',
    'fleet',
    'report',
    'frontmatter',
    'domains',
    'error',
    'off',
    'unknown-role',
    'invalid-config',
    0,
    1,
    -1,
    1.5,
    true,
    null,
    [],
    ['x', 'y'],
    {},
  ];

  /** A value for a node of the schema: one of its shape, its fields filled the same way, or any leaf. */
  function valueFor(node: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    const typed = (node.enum as unknown[] | undefined) ?? LEAVES.filter(v => ofType(v, node.type));
    const leaf =
      typed.length === 0
        ? fc.constantFrom(...LEAVES)
        : fc.oneof({ arbitrary: fc.constantFrom(...LEAVES), weight: 1 }, { arbitrary: fc.constantFrom(...typed), weight: 3 });
    if (depth > 3) return leaf;
    const shaped: Array<fc.Arbitrary<unknown>> = [];
    const properties = node.properties as Record<string, JsonSchema> | undefined;
    if (properties) {
      const fields = Object.fromEntries(Object.entries(properties).map(([key, field]) => [key, valueFor(field, depth + 1)]));
      shaped.push(fc.record(fields, { requiredKeys: [] }));
    }
    const keys = (node.propertyNames as JsonSchema | undefined)?.enum as string[] | undefined;
    if (keys) shaped.push(fc.dictionary(fc.constantFrom(...keys), valueFor(node.additionalProperties as JsonSchema, depth + 1), { maxKeys: 3 }));
    const items = node.items as JsonSchema | JsonSchema[] | undefined;
    if (items) shaped.push(Array.isArray(items) ? fc.tuple(...items.map(i => valueFor(i, depth + 1))) : fc.array(valueFor(items, depth + 1), { maxLength: 3 }));
    for (const branch of (node.anyOf as JsonSchema[] | undefined) ?? []) shaped.push(valueFor(branch, depth + 1));
    // Mostly values of the right shape, so that many configurations are valid and each field's rule is met or broken alone.
    return shaped.length === 0 ? leaf : fc.oneof({ arbitrary: leaf, weight: 1 }, ...shaped.map(arbitrary => ({ arbitrary, weight: 6 })));
  }

  function ofType(value: unknown, type: unknown): boolean {
    if (type === 'integer') return Number.isInteger(value);
    if (type === 'array') return Array.isArray(value);
    if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
    return typeof value === type;
  }

  test('field by field, for generated configurations', () => {
    let accepted = 0;
    fc.assert(
      fc.property(valueFor(generated, 0), config => {
        const unique = typeof config === 'object' && config !== null ? (config as { domains?: unknown }).domains : undefined;
        fc.pre(!Array.isArray(unique) || new Set(unique).size === unique.length);
        const checker = configSchema.safeParse(config).success;
        if (checker) accepted++;
        assert.equal(editorAccepts(config), checker, `${JSON.stringify(config)}: ${JSON.stringify(editorAccepts.errors)}`);
      }),
      { numRuns: 3000, seed: 21 },
    );
    assert.ok(accepted > 100, `only ${accepted} configurations were valid`);
  });
});
