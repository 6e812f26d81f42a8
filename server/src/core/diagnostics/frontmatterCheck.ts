import { otherToolOfKey } from '../config/otherToolsKeys';
import { unquotedColonValues } from '../parse/colonValues';
import type { FrontmatterProblem } from '../parse/frontmatter';
import { PROTOTYPE_KEYS } from '../config/prototypeKeys';
import { closestMatches } from '../util/editDistance';
import { namedSample } from '../util/namedSample';
import type { Check } from './checkContext';

/**
 * A frontmatter that is not YAML, at the spot: a value that holds `: `
 * unquoted is named as the cause, where it stands (a quick fix quotes it);
 * any other error where the YAML parser found it.
 */
export const checkFrontmatter: Check = context => {
  const fm = context.role.frontmatter;
  const problem = fm?.problem;
  if (!fm || !problem) return;
  const lines = context.role.lines;
  const colons = fm.data.size === 0 && fm.keys.length > 0 ? unquotedColonValues(lines, fm) : [];
  for (const key of colons) {
    context.report(
      'invalid-frontmatter',
      key.valueStart,
      key.valueEnd,
      `Invalid YAML frontmatter: the value of '${key.key}' holds ': ', which YAML reads as another key. Quote the value.`,
    );
  }
  if (!colons.some(k => lines.lineAt(k.valueStart) === lines.lineAt(problem.start)))
    context.report('invalid-frontmatter', problem.start, problem.end, problemMessage(problem));
};

/** Why the frontmatter was not read, in words: what it is, and what to do. */
function problemMessage(problem: FrontmatterProblem): string {
  switch (problem.kind) {
    case 'unclosed':
      return "The frontmatter is not closed: add a line '---' after its last key.";
    case 'not-yaml':
      return `Frontmatter in '${problem.language}' is refused: a role file takes YAML frontmatter only, and nothing in it is run.`;
    case 'indented':
      return "The frontmatter is indented, so no tool reads it: start its '---' lines and its keys at the line's first column.";
    case 'not-a-mapping':
      return 'The frontmatter must be a YAML mapping of keys to values.';
    case 'repeated-key':
      return invalidYaml(`the key '${problem.key}' is repeated`);
    case 'too-large':
      return invalidYaml(`it is over ${problem.limitKiB} KiB, far more than a frontmatter holds, and is not read`);
    case 'alias-expansion':
      return invalidYaml(`its aliases expand to more than ${problem.limit} nodes`);
    case 'invalid-yaml':
      return invalidYaml(problem.reason);
  }
}

function invalidYaml(reason: string): string {
  return `Invalid YAML frontmatter: ${reason.replace(/[.\s]+$/, '')}.`;
}

/**
 * A prototype key is reported at the key, or at the merge key `<<` that
 * brought it in; its value is never a declaration of the role's.
 */
export const checkPrototypeKeys: Check = context => {
  const fm = context.role.frontmatter;
  if (!fm) return;
  for (const key of fm.data.keys()) {
    if (!PROTOTYPE_KEYS.has(key)) continue;
    const place = fm.keys.find(k => k.key === key) ?? fm.keys.find(k => k.key === '<<');
    context.report(
      'invalid-frontmatter',
      place?.keyStart ?? fm.start,
      place?.keyEnd ?? fm.end,
      `The frontmatter key '${key}' is refused: it names a JavaScript object's prototype. It is ignored; remove it.`,
    );
  }
};

/**
 * A key the format does not declare. Where other keys are welcome (the
 * fleet's), only a near miss of a declared key (`persistant_persona`,
 * `Class`) is reported, as the typo it almost surely is; where the format
 * lists every key (an agent's frontmatter), every other key is reported,
 * with the closest known one; a key of another agent tool is named as that
 * tool's, a hint, and never gets a did-you-mean.
 */
export const checkUnknownKeys: Check = context => {
  const { format } = context;
  const known = format.declaredKeys;
  const inlineKnown = format.inlineKeys;
  const keys = [
    // Keys of a frontmatter that is not YAML are the line scan's guesses (`user:` inside a broken description): it says so itself.
    ...(context.role.frontmatter?.problem ? [] : (context.role.frontmatter?.keys ?? [])).map(k => ({ key: k.key, start: k.keyStart, end: k.keyEnd })),
    ...(inlineKnown ? context.role.inlineDeclarations.map(d => ({ key: d.key, start: d.keyStart, end: d.keyEnd })) : []),
  ];
  for (const { key, start, end } of keys) {
    if (known.includes(key) || PROTOTYPE_KEYS.has(key)) continue;
    const tool = otherToolOfKey(key);
    if (tool !== undefined) {
      if (format.unknownKeys === 'report') {
        context.reportQuiet('unknown-key', start, end, `'${key}' is a key of ${tool}'s agent files; the ${format.name} format does not read it.`);
      }
      continue;
    }
    const [suggestion] = closestMatches(key, known, 1);
    if (suggestion) context.report('unknown-key', start, end, `Unknown key '${key}'. Did you mean '${suggestion}'?`);
    else if (format.unknownKeys === 'report')
      context.report('unknown-key', start, end, `Unknown key '${key}': the ${format.name} format knows ${namedSample(known)}.`);
  }
};
