import { sampleLibrary } from '../../support/seed';

/**
 * The role files of the sample library that name a role (the role's own file
 * only with `self`), found by a plain search of their text: an oracle that
 * shares nothing with the index.
 */
export function sampleReferrers(slug: string, self = false): string[] {
  return Object.entries(sampleLibrary())
    .filter(([path, text]) => {
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (!/^[a-z0-9-]+\.md$/.test(name) || (!self && name === `${slug}.md`)) return false;
      return text.includes(`**${slug}**`) || text.includes(`](./${slug}.md`);
    })
    .map(([path]) => path)
    .sort();
}
