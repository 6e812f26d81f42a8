/**
 * Runs the fleet-roles binary as the user nobody, so that a file's
 * permissions stop it even when the tests run as root:
 *
 *   node out/test/robustness/asNobody.js --fleet-roles-as-nobody check roles
 *
 * Without the flag (as when `node --test` loads every file of the folder) it
 * does nothing.
 */
import * as nodePath from 'node:path';

export const AS_NOBODY_FLAG = '--fleet-roles-as-nobody';
export const NOBODY = 65534;

const at = process.argv.indexOf(AS_NOBODY_FLAG);
if (require.main === module && at >= 0) {
  const args = process.argv.slice(at + 1);
  if (process.getuid?.() === 0) {
    process.setgroups?.([]);
    process.setgid?.(NOBODY);
    process.setuid?.(NOBODY);
  }
  const bin = nodePath.join(__dirname, '..', '..', '..', 'bin', 'fleet-roles.js');
  process.argv = [process.argv[0], bin, ...args];
  require(bin);
}
