import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * Runs every `*.test.js` of one folder (not its subfolders) with mocha, in
 * name order: the body of each extension-host suite's entry point.
 */
export function runSuite(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 120000, color: false, reporter: 'spec' });
  for (const file of fs.readdirSync(dir).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(dir, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      // The runner repeats this line as its last, where CI reads it.
      console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} e2e tests failed`));
      else resolve();
    });
  });
}
