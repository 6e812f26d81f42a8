import { runSuite } from '../suite';

/**
 * The extension-host suite on agent libraries found with no configuration
 * (test/fixtures/agent-libraries: `.claude/agents/` and `.github/agents/`).
 */
export function run(): Promise<void> {
  return runSuite(__dirname);
}
