#!/usr/bin/env node
// Writes what configSchema.ts defines: the JSON schema VS Code reads, and the
// docs' field table. Run by `npm run schema`, after the build; a unit test
// fails while either committed file differs from what this writes.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const { configJsonSchema } = require(path.join(root, 'out/server/src/core/config/configJsonSchema.js'));
const { configFieldTable } = require(path.join(root, 'out/server/src/core/config/configFieldTable.js'));

const schema = configJsonSchema();
const outputs = {
  'schemas/fleet-roles.schema.json': `${JSON.stringify(schema, null, 2)}\n`,
  'docs/reference/configuration-fields.md': configFieldTable(schema),
};
for (const [file, text] of Object.entries(outputs)) {
  const target = path.join(root, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  console.log(`wrote ${file}`);
}
