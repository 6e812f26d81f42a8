import { declares } from './declarationChecks';
import type { Check } from './checkContext';

/**
 * The body below the frontmatter is the agent's prompt, and a tool may cap
 * it (GitHub at 30,000 characters). Counted in characters, as the cap is:
 * a surrogate pair is one. Reported at the first line past the cap.
 */
export const checkPromptLimit: Check = context => {
  const limit = context.format.promptLimit;
  if (!limit || declares(context, limit.unless)) return;
  const { lines, frontmatter } = context.role;
  const start = frontmatter ? lines.lineStarts[Math.min(frontmatter.bodyLine, lines.lineCount - 1)] : 0;
  const text = lines.text;
  // Most prompts are far below the cap in UTF-16 units already, which never undercount characters.
  if (text.length - start <= limit.characters) return;
  let characters = 0;
  let at = start;
  for (; at < text.length && characters < limit.characters; at++) {
    const code = text.charCodeAt(at);
    if (code >= 0xd800 && code <= 0xdbff && at + 1 < text.length) at++;
    characters++;
  }
  // Past the cap at a line break: the first line past it is the next.
  const line = lines.lineAt(at);
  if (at >= lines.lineEnd(line) && line + 1 < lines.lineCount) at = lines.lineStarts[line + 1];
  if (at >= text.length || at >= lines.lineEnd(lines.lineAt(at))) return;
  const suffix = limit.unless ? ` unless it declares \`${limit.unless.key}: ${limit.unless.value}\`` : '';
  context.report(
    'prompt-too-long',
    at,
    lines.lineEnd(lines.lineAt(at)),
    `The prompt is longer than ${limit.characters.toLocaleString('en-US')} characters, the most the tool takes${suffix}: it goes on past here. Shorten it, or move the detail into files the agent reads.`,
  );
};
