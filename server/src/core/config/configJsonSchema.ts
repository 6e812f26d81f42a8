import { z } from 'zod';
import { configSchema } from './configSchema';

/** A JSON schema, as a plain object: the generator reads and rewrites its nodes. */
export type JsonSchema = { [key: string]: unknown };

/**
 * The JSON schema of fleet-roles.json, from configSchema: what VS Code reads
 * through package.json's `jsonValidation`, and `$schema` points at.
 * `npm run schema` writes it to schemas/; a test holds the committed file to
 * this. Each description, written in Markdown, is given twice: as
 * `markdownDescription`, which VS Code renders, and as `description`, plain,
 * for every other reader.
 */
export function configJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' }) as JsonSchema;
  const { $schema, ...rest } = withPlainDescriptions(generated) as JsonSchema;
  return {
    $schema,
    $id: 'https://fleet-roles.dev/schemas/fleet-roles.schema.json',
    title: 'fleet-roles library configuration',
    ...rest,
  };
}

function withPlainDescriptions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withPlainDescriptions);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    // `description` inside `properties` is a field's name, not its text.
    if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value as JsonSchema).map(([name, field]) => [name, withPlainDescriptions(field)]));
    else if (key === 'description' && typeof value === 'string') Object.assign(out, { description: plainText(value), markdownDescription: value });
    else out[key] = withPlainDescriptions(value);
  }
  return out;
}

/** A description's Markdown as plain text: its code spans are quoted. */
function plainText(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '"$1"');
}
