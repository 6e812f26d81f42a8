import { runSuite } from './suite';

/**
 * The extension-host suite on the fleet's sample library (`roles/`), as
 * @vscode/test-electron and the code-server runner both expect: a module
 * exporting run().
 */
export function run(): Promise<void> {
  return runSuite(__dirname);
}
