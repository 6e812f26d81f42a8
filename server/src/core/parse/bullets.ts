import type { LineIndex } from '../text/lineIndex';
import type { ScannedBody } from './markdownScanner';

/** A top-level list item with its continuation lines and nested items. */
export interface BoundaryBullet {
  line: number;
  start: number;
  end: number;
}

/**
 * Top-level bullets of a section. A bullet runs until the next marker that is
 * not indented into it, or a blank line followed by text that is not.
 */
export function collectBullets(lines: LineIndex, body: ScannedBody, section: { contentStart: number; contentEnd: number }): BoundaryBullet[] {
  const items = body.listItems.filter(item => item.start >= section.contentStart && item.start < section.contentEnd);
  const bullets: BoundaryBullet[] = [];
  let current: { bullet: BoundaryBullet; contentColumn: number } | undefined;
  const lastLine = lines.lineAt(Math.max(section.contentStart, section.contentEnd - 1));
  let itemIndex = 0;
  let sawBlank = false;
  for (let line = lines.lineAt(section.contentStart) + 1; line <= lastLine; line++) {
    const start = lines.lineStarts[line];
    if (start >= section.contentEnd) break;
    if (body.blankLines.has(line)) {
      sawBlank = true;
      continue;
    }
    const item = items[itemIndex]?.line === line ? items[itemIndex++] : undefined;
    const indent = /^[ \t]*/.exec(lines.lineText(line))![0].replace(/\t/g, '    ').length;
    if (item && (!current || item.indent < current.contentColumn)) {
      current = { bullet: { line, start, end: lines.lineEnd(line) }, contentColumn: item.contentColumn };
      bullets.push(current.bullet);
    } else if (current && (!sawBlank || indent >= current.contentColumn)) {
      current.bullet.end = lines.lineEnd(line);
    } else {
      current = undefined;
    }
    sawBlank = false;
  }
  return bullets;
}

