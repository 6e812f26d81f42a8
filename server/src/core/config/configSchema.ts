import { z } from 'zod';
import { SLUG_PATTERN } from '../util/slug';
import { SEVERITY_SETTINGS } from './severitySettings';

const slug = z.string().regex(SLUG_PATTERN, 'must be a kebab-case slug such as "customer-success"');
const relativePath = z.string().min(1, 'must not be empty');

/** What a fleet-roles.json may hold; its messages are the ones an invalid configuration gets. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  roleFolders: z.array(relativePath).optional(),
  exclude: z.array(relativePath).optional(),
  domains: z.array(slug).min(1, 'must name at least one domain').optional(),
  index: relativePath.optional(),
  severity: z.record(z.string(), z.enum(SEVERITY_SETTINGS)).optional(),
});

export type ConfigFileContent = z.infer<typeof configSchema>;
