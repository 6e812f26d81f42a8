import type { Position } from 'vscode-languageserver-types';

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Where a position of a file's text, as the core read it (UTF-8 decoded, a
 * BOM dropped, invalid bytes as U+FFFD), falls in the file's bytes; undefined
 * when invalid bytes stand before it on its line, so no byte is sure. Line
 * ends are ASCII in the bytes and in the text alike, so lines are found in
 * the bytes themselves, and only the bytes of the position's line are
 * decoded. An edit spliced there leaves every other byte as it was.
 */
export function byteOffsetOf(bytes: Uint8Array, { line, character }: Position): number | undefined {
  let start = BOM.every((b, i) => bytes[i] === b) ? BOM.length : 0;
  for (let l = 0; l < line; l++) {
    const end = lineEnd(bytes, start);
    if (end === bytes.length) return undefined;
    start = end + (bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? 2 : 1);
  }
  const end = lineEnd(bytes, start);
  const text = decoder.decode(bytes.subarray(start, end));
  if (character === text.length) return end;
  const prefix = new TextEncoder().encode(text.slice(0, character));
  return prefix.every((b, i) => bytes[start + i] === b) ? start + prefix.length : undefined;
}

function lineEnd(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
  return i;
}
