/**
 * The core names files by absolute paths with '/' separators; the shells
 * convert from the platform's paths and from URIs.
 */
export function joinPath(dir: string, name: string): string {
  return normalizePath(dir.endsWith('/') ? dir + name : `${dir}/${name}`);
}

/**
 * `joinPath` for an entry of a directory whose path is already normalized:
 * the same path, without splitting and joining the directory again for each
 * of its entries (ten thousand in a large library).
 */
export function childPath(dir: string, name: string): string {
  if (name === '' || name === '.' || name === '..' || name.includes('/')) return joinPath(dir, name);
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** True when `path` is `dir` or lies below it. */
export function isWithin(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

export function relativePath(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
}

/** Resolves '.', '..' and doubled slashes in an absolute or root-relative path. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const prefix = /^[A-Za-z]:$/.test(parts[0] ?? '') ? '' : '/';
  return prefix + parts.join('/');
}

export function resolvePath(base: string, relative: string): string {
  return relative.startsWith('/') ? normalizePath(relative) : normalizePath(`${base}/${relative}`);
}
