import { runSuite } from '../suite';

/**
 * The extension-host suite on a repository whose `roles` folders are of
 * another kind (test/fixtures/ansible): no library, so nothing starts.
 */
export function run(): Promise<void> {
  return runSuite(__dirname);
}
