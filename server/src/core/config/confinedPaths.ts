import { findNodeAtLocation, type Node } from 'jsonc-parser';
import { dirname, isWithin, resolvePath } from '../util/paths';
import type { ConfigFileContent } from './configSchema';

/**
 * Values of a configuration that name a path leading outside the
 * configuration's own folder ('..', an absolute path elsewhere). A cloned
 * repository must not make the checker read the machine: such a path is an
 * error at the value and is never read; a library that needs a wider root
 * puts its configuration higher up.
 */
export function pathsOutside(configPath: string, tree: Node, config: ConfigFileContent): Array<{ node: Node; message: string }> {
  const folder = dirname(configPath);
  const outside = (value: string) => !isWithin(resolvePath(folder, value), folder);
  const found: Array<{ node: Node; message: string }> = [];
  const report = (location: Array<string | number>, value: string) => {
    const node = findNodeAtLocation(tree, location);
    if (!node) return;
    found.push({
      node,
      message: `Invalid configuration: '${location.join('.')}' ('${value}') leads outside the configuration's folder; a library stays inside its own folder (put fleet-roles.json higher up for a wider one).`,
    });
  };
  (config.roleFolders ?? []).forEach((folderValue, i) => {
    if (outside(folderValue)) report(['roleFolders', i], folderValue);
  });
  if (config.index !== undefined && outside(config.index)) report(['index'], config.index);
  const format = config.format;
  if (typeof format === 'object') {
    (format.folders ?? []).forEach((folderValue, i) => {
      if (outside(folderValue)) report(['format', 'folders', i], folderValue);
    });
  }
  return found;
}
