import type { z } from 'zod';
import type { BuiltinFormatName } from './builtinFormatNames';
import type { declarationSchema, formatSettingSchema, identitySchema, promptLimitSchema, referencesSchema, sectionsSchema, toolsSchema } from './configSchema';

/*
 * The types of a format, from the configuration's one definition
 * (configSchema.ts, where each field's meaning is described): a format
 * written in fleet-roles.json is a FormatSetting, every field optional; a
 * RoleFormat is one resolved over a built-in or a blank format.
 */

/** One key a role declares, and what its value must be. */
export type DeclarationSpec = Omit<z.infer<typeof declarationSchema>, 'addValues'>;
/** A key and the value a role declares it with. */
export type KeyValue = NonNullable<DeclarationSpec['requiredUnless']>;

type FormatObject = z.infer<typeof formatSettingSchema>;
type Tools = z.infer<typeof toolsSchema>;

export interface RoleFormat
  extends Required<Omit<FormatObject, 'extends' | 'identity' | 'declarations' | 'sections' | 'references' | 'tools' | 'promptLimit' | 'roleFile'>> {
  identity: z.infer<typeof identitySchema> & { matchFile: boolean };
  declarations: DeclarationSpec[];
  sections: Required<z.infer<typeof sectionsSchema>>;
  references: Required<z.infer<typeof referencesSchema>>;
  tools: Required<Omit<Tools, 'addKnown' | 'open'>> & Pick<Tools, 'open'>;
  promptLimit?: z.infer<typeof promptLimitSchema>;
  roleFile?: string;
}

/** What `format` in fleet-roles.json holds: a built-in's name, or a format of one's own, extending a built-in or not. */
export type FormatSetting = BuiltinFormatName | FormatObject;
