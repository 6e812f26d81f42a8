/** "1 library", "2 libraries": a count with its noun, as people write it. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
