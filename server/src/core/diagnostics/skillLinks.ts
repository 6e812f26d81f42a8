import { destinationOffset } from '../parse/markdownScanner';
import { dirname, isWithin, joinPath } from '../util/paths';
import type { Check } from './checkContext';

/**
 * A skill's relative links and images (`references/forms.md`,
 * `![chart](assets/chart.png)`) name its own files: a skill is installed as
 * its folder alone, so a link that leads out of the folder breaks there, and
 * one to a file that is not there breaks everywhere. File names are compared
 * with their case, as the tools that install skills compare them. Only
 * links are looked at, not every path-like word of the prose.
 */
export const checkSkillLinks: Check = context => {
  const { role } = context;
  const files = context.view.library.folderFiles;
  if (role.fileLinks === undefined || files === undefined) return;
  const skill = dirname(role.path);
  for (const link of role.fileLinks) {
    const target = relativeTarget(link.destination);
    if (target === undefined) continue;
    const path = joinPath(skill, target);
    const [start, end] = [destinationOffset(link, 0), destinationOffset(link, link.destination.length)];
    if (!isWithin(path, skill)) {
      context.report(
        'link-leaves-skill',
        start,
        end,
        `'${link.destination}' leads out of the skill's folder: a skill is installed as its folder alone, so keep the file inside it.`,
      );
      continue;
    }
    if (!files.complete || files.paths.has(path) || path === skill) continue;
    const sameButCase = [...files.paths].find(known => known.toLowerCase() === path.toLowerCase());
    const hint = sameButCase === undefined ? '' : ` Did you mean '${sameButCase.slice(skill.length + 1)}'? File names are compared with their case.`;
    context.report('broken-link', start, end, `There is no '${path.slice(skill.length + 1)}' in the skill's folder.${hint}`);
  }
};

/** A template's placeholder (`{{path}}`, `${dir}`), a glob, or a Windows path: no file name to look up. */
const NOT_A_PATH = /[{}$*<>\\]/;

/**
 * The path a relative destination names, without its fragment or query and
 * decoded; undefined for a URL, an absolute path, a fragment alone, or what
 * is no path (NOT_A_PATH).
 */
function relativeTarget(destination: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(destination) || destination.startsWith('/') || NOT_A_PATH.test(destination)) return undefined;
  const path = destination.replace(/[?#].*$/s, '');
  if (path === '') return undefined;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
