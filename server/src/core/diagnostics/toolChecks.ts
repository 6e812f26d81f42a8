import { frontmatterItems } from '../parse/frontmatterItems';
import { namedSample } from '../util/namedSample';
import type { Check } from './checkContext';
import { closestInList } from './listSuggestions';
import { didYouMean } from './makeDiagnostic';

/**
 * The keys that list tools: a tool listed twice is reported at the second;
 * a role of the library there is a mistake (an agent is not a tool), and
 * where the format knows its tools, any other name that is neither a known
 * tool nor of a tool pattern (`mcp__…`) is unknown: where the tool's list
 * grows with each release (`open`), only a near miss of a known tool is a
 * warning, any other name a hint.
 */
export const checkTools: Check = context => {
  const { role, view, format } = context;
  const { keys, known } = format.tools;
  for (const key of keys) {
    const listed = new Set<string>();
    for (const item of frontmatterItems(role.lines, role.frontmatter, key)) {
      const name = item.value;
      if (listed.has(name)) {
        context.report('duplicate-tool', item.start, item.end, `'${name}' is listed twice in '${key}': remove this one.`);
        continue;
      }
      listed.add(name);
      if (view.hasRole(name)) {
        context.report('role-as-tool', item.start, item.end, `'${name}' is a role of this library, not a tool: remove it from '${key}'.`);
        continue;
      }
      if (known.length === 0 || known.includes(name) || format.toolPatterns.some(p => p.test(name))) continue;
      const suggestion = closestInList(name, known, 1);
      const roles = suggestion.length === 0 ? view.closestRoles(name, 1) : [];
      if (suggestion.length === 0 && roles.length === 0 && format.tools.open) {
        // Near nothing known: most likely a tool newer than this list, not a mistake.
        context.reportQuiet(
          'unknown-tool',
          item.start,
          item.end,
          `'${name}' is not a tool the ${format.name} format knows; if the tool is newer than this list, add it to tools.addKnown in fleet-roles.json.`,
        );
        continue;
      }
      const fix =
        suggestion.length > 0
          ? didYouMean(suggestion)
          : roles.length > 0
            ? ` It is close to the role '${roles[0]}', but a role is not a tool.`
            : ` Known tools: ${namedSample(known)}; MCP tools are written mcp__server__tool.`;
      context.report('unknown-tool', item.start, item.end, `Unknown tool '${name}'.${fix}`);
    }
  }
};
