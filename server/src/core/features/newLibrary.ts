import { compileFormat } from '../config/compiledFormat';
import { BUILTIN_FORMATS } from '../config/builtinFormats';
import { CONFIG_FILE_NAME } from '../config/configFile';
import type { BuiltinFormatName } from '../config/builtinFormatNames';
import { DEFAULT_DOMAINS } from '../config/defaultDomains';
import { titleOf, roleTemplate } from './codeActions/roleTemplate';
import { roleNameRefusal } from './newRole';
import { rolePathIn } from './roleLocation';
import type { Refusal } from './refusal';

/** A file of a new library, relative to its root. */
export interface LibraryFile {
  path: string;
  text: string;
}

/**
 * A new library in a built-in format that checks clean: the configuration
 * (with `$schema` when there is one to point at), an index that lists the first role, and that role.
 * The index is the fleet's LIBRARY.md, or a README.md beside the agents
 * (a document: the agent tools read only the files with frontmatter, or `.agent.md`);
 * a skills library has none, and its first skill is a folder with its SKILL.md.
 * Refused for a first role's name that is no slug.
 */
export function newLibraryFiles(formatName: BuiltinFormatName, schema: string | undefined, firstRole: string): LibraryFile[] | Refusal {
  const badName = roleNameRefusal(firstRole);
  if (badName) return badName;
  const format = compileFormat(BUILTIN_FORMATS[formatName]);
  const folder = format.folders[0] ?? 'roles';
  const first = { path: rolePathIn(folder, firstRole, format), text: roleTemplate(firstRole, DEFAULT_DOMAINS[0], undefined, format) };
  // A skill is installed as its folder alone, and the tools read every folder of the skills folder as a skill: no index beside them.
  const indexName = format.roleFile !== undefined ? undefined : formatName === 'fleet' ? 'LIBRARY.md' : 'README.md';
  const config = {
    ...(schema === undefined ? {} : { $schema: schema }),
    format: formatName,
    ...(formatName === 'fleet' || indexName === undefined ? {} : { index: `${folder}/${indexName}` }),
  };
  const configFile = { path: CONFIG_FILE_NAME, text: `${JSON.stringify(config, null, 2)}\n` };
  if (indexName === undefined) return [configFile, first];
  return [
    configFile,
    {
      path: `${folder}/${indexName}`,
      text: `# ${formatName === 'fleet' ? 'Role library' : 'Agents'}\n\n- [${firstRole}](./${firstRole}${format.extension}) — ${titleOf(firstRole)}\n`,
    },
    first,
  ];
}
