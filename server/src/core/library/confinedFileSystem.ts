import { dirname, isWithin } from '../util/paths';
import { OUTSIDE_CODE } from '../util/readFailure';
import type { RoleFileSystem } from './fileSystem';

/** The file system within bounds: what may be read, and whether a write would stay inside. */
export interface ConfinedFileSystem extends RoleFileSystem {
  /** Whether a file written at the path would land outside the bounds, through a link at it or in a folder above it. */
  leadsOutside(path: string): Promise<boolean>;
}

/**
 * The file system as a workspace may read it: every folder listed and every
 * file read must lie, by its real path (every link followed), inside one of
 * the bounds (the workspace folders, a library's root). A cloned repository
 * can hold `roles -> /` or `LIBRARY.md -> ~/.ssh/config`; judged by the path's
 * text such a link is inside, and its target would be walked, checked and
 * quoted in messages. A link that stays inside is followed as before. A file
 * system that cannot tell real paths (one in memory) has no links to follow.
 */
export function confinedFileSystem(fs: RoleFileSystem, bounds: readonly string[]): ConfinedFileSystem {
  // Without real paths there are no links to follow, nor anything to refuse.
  const realPath = async (path: string) => (fs.realPath ? fs.realPath(path) : undefined);
  let realBounds: Promise<string[]> | undefined;
  const inside = async (real: string) => (await (realBounds ??= Promise.all(bounds.map(async b => (await realPath(b)) ?? b)))).some(b => isWithin(real, b));
  /** Refuses a path whose target is outside; one that does not exist is left to the read, which says so. */
  const check = async (path: string) => {
    const real = await realPath(path);
    if (real !== undefined && !(await inside(real))) {
      throw Object.assign(new Error(`${path} leads outside the workspace through a symbolic link`), { code: OUTSIDE_CODE });
    }
  };
  return {
    async readDirectory(dir) {
      await check(dir);
      return fs.readDirectory(dir);
    },
    async readFile(path) {
      await check(path);
      return fs.readFile(path);
    },
    // A link out is listed as the link it is, as a walk lists it; reading it is what is refused.
    stat: path => fs.stat(path),
    size:
      fs.size &&
      (async path => {
        await check(path);
        return fs.size!(path);
      }),
    async leadsOutside(path) {
      // A file not written yet lands where its nearest existing folder leads.
      let at = path;
      let real = await realPath(at);
      while (real === undefined && dirname(at) !== at) real = await realPath((at = dirname(at)));
      return real !== undefined && !(await inside(real));
    },
  };
}
