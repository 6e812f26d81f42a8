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
  const text = lines.text;
  // A frontmatter closed on the file's last line leaves no body: its closing line is no prompt.
  const start = !frontmatter ? 0 : frontmatter.bodyLine < lines.lineCount ? lines.lineStarts[frontmatter.bodyLine] : text.length;
  // Most prompts are far below the cap in UTF-16 units already, which never undercount characters.
  if (text.length - start <= limit.characters) return;
  let characters = 0;
  let at = start;
  for (; at < text.length && characters < limit.characters; at++) {
    const code = text.charCodeAt(at);
    if (code >= 0xd800 && code <= 0xdbff && at + 1 < text.length) at++;
    characters++;
  }
  // Past the cap at a line break: the first line past it that holds text; only line breaks past it are nothing.
  let line = lines.lineAt(at);
  while (at >= lines.lineEnd(line) && line + 1 < lines.lineCount) at = lines.lineStarts[++line];
  if (at >= lines.lineEnd(line)) return;
  const suffix = limit.unless ? ` unless it declares \`${limit.unless.key}: ${limit.unless.value}\`` : '';
  context.report(
    'prompt-too-long',
    at,
    lines.lineEnd(line),
    `The prompt is longer than ${limit.characters.toLocaleString('en-US')} characters, the most the tool takes${suffix}: it goes on past here. Shorten it, or move the detail into files the agent reads.`,
  );
};
