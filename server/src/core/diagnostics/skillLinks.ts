import { codeSpanOffset, destinationOffset, type CodeSpan, type LinkSpan } from '../parse/markdownScanner';
import { coverageOf } from '../parse/spans';
import { closestMatches } from '../util/editDistance';
import { dirname, isWithin, joinPath } from '../util/paths';
import type { Check } from './checkContext';
import { isExamplePath } from './examplePaths';

/** A path the body names, where it stands in the file. */
interface NamedPath {
  /** As written, for the message. */
  written: string;
  /** The path relative to the skill's folder. */
  target: string;
  start: number;
  end: number;
  /**
   * A link; a code span below a folder the specification names; or one below
   * another folder, reported only with a file that is there to suggest.
   */
  from: 'link' | 'code' | 'otherCode';
}

/**
 * A skill's relative links and images (`references/forms.md`,
 * `![chart](assets/chart.png)`) name its own files: a skill is installed as
 * its folder alone, so a link that leads out of the folder breaks there, and
 * one to a file that is not there breaks everywhere. File names are compared
 * with their case, as the tools that install skills compare them. Beside
 * links, only a code span that is a path into one of the specification's
 * folders (`references/api.md`), or into a near miss of one of the skill's
 * with the file there to suggest, is looked at: not every path-like word of
 * the prose.
 */
export const checkSkillLinks: Check = context => {
  const { role } = context;
  const files = context.view.library.folderFiles;
  if (role.fileLinks === undefined || files === undefined) return;
  const skill = dirname(role.path);
  for (const named of namedPaths(role.fileLinks, role.fileCodeSpans ?? [])) {
    const path = joinPath(skill, named.target);
    if (!isWithin(path, skill)) {
      context.report(
        'link-leaves-skill',
        named.start,
        named.end,
        `'${named.written}' leads out of the skill's folder: a skill is installed as its folder alone, so keep the file inside it.`,
      );
      continue;
    }
    if (!files.complete || files.paths.has(path) || path === skill) continue;
    const relative = path.slice(skill.length + 1);
    const sameButCase = [...files.paths].find(known => known.toLowerCase() === path.toLowerCase());
    const hint =
      sameButCase !== undefined
        ? ` Did you mean '${sameButCase.slice(skill.length + 1)}'? File names are compared with their case.`
        : nearFolderHint(relative, skill, files.paths);
    if (named.from === 'otherCode' && hint === '') continue;
    if (named.from !== 'link' && isExamplePath(role.lines, named.start)) continue;
    // A folder keeps its slash in the message, as written, so it reads as a folder.
    const shown = named.target.endsWith('/') ? `${relative}/` : relative;
    context.report('broken-link', named.start, named.end, `There is no '${shown}' in the skill's folder.${hint}`);
  }
};

/** The links' relative targets and the code spans that are paths, in text order. */
function namedPaths(links: readonly LinkSpan[], codeSpans: readonly CodeSpan[]): NamedPath[] {
  const named: NamedPath[] = [];
  for (const link of links) {
    const target = relativeTarget(link.destination);
    if (target !== undefined)
      named.push({ written: link.destination, target, start: destinationOffset(link, 0), end: destinationOffset(link, link.destination.length), from: 'link' });
  }
  // A code span that is a link's text (`[`references/x.md`](references/x.md)`) is the link's: it is checked once, at the destination.
  const inLink = coverageOf(links);
  for (const span of codeSpans) {
    if (inLink(span.start)) continue;
    const folder = skillFilePathFolder(span.content);
    if (folder === undefined) continue;
    const [start, end] = [codeSpanOffset(span, 0), codeSpanOffset(span, span.content.length)];
    named.push({ written: span.content, target: span.content, start, end, from: SPECIFIED_FOLDERS.has(folder) ? 'code' : 'otherCode' });
  }
  return named.sort((a, b) => a.start - b.start);
}

/** A template's placeholder (`{{path}}`, `${dir}`, `<name>`), a glob, or a Windows path: no file name to look up. */
const NOT_A_PATH = /[{}$*<>\\]/;

/** The folders of a skill that the specification names. */
const SPECIFIED_FOLDERS = new Set(['scripts', 'references', 'assets']);

/**
 * A code span is read as a file of the skill only when it is nothing but a
 * relative path below a folder, inside the skill: code also holds commands
 * (`scripts/run.py --out x`), globs (`assets/*.png`, `[` and `?` too), line
 * numbers (`scripts/a.py:12`), elided examples (`references/...`), folders
 * described in general (`references/`) and paths from elsewhere
 * (`../common/x.md`, `.github/x.yml`).
 */
const FILE_PATH = /^(?:\.\/)?([\w.-]+)\/[^\s?[\]:#]*[^\s?[\]:#/]\/?$/;

/** The first folder of a code span that is a file path (FILE_PATH), else undefined. */
function skillFilePathFolder(content: string): string | undefined {
  if (NOT_A_PATH.test(content) || /\.\.\.|…/.test(content) || /(?:^|\/)\.\.(?:\/|$)/.test(content)) return undefined;
  return FILE_PATH.exec(content)?.[1];
}

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

/**
 * " Did you mean 'references/x.md'?" when the path's first folder is a typo
 * of one of the skill's (`reference/x.md`) and the file is there under it;
 * else nothing.
 */
function nearFolderHint(relative: string, skill: string, paths: ReadonlySet<string>): string {
  const slash = relative.indexOf('/');
  if (slash < 0) return '';
  const folders = new Set<string>();
  for (const known of paths) {
    const rest = known.slice(skill.length + 1);
    const end = rest.indexOf('/');
    if (known.startsWith(`${skill}/`) && end > 0) folders.add(rest.slice(0, end));
  }
  const rest = relative.slice(slash);
  const found = closestMatches(relative.slice(0, slash), folders).find(folder => paths.has(`${skill}/${folder}${rest}`));
  return found === undefined ? '' : ` Did you mean '${found}${rest}'?`;
}
