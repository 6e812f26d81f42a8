import { after, before } from 'node:test';
import * as nodePath from 'node:path';
import { LspTestClient, uriOf } from './lspClient';
import { makeTree } from './runCli';

/** The files written to a new folder, and a server started over it for the describe block that calls this. */
export function serve(files: Record<string, string>): { uri(relative: string): string; client(): LspTestClient } {
  const tree = makeTree(files);
  let client: LspTestClient | undefined;
  before(async () => {
    ({ client } = await LspTestClient.start([tree.dir]));
  });
  after(async () => {
    await client?.stop();
    tree.dispose();
  });
  return { uri: relative => uriOf(nodePath.join(tree.dir, relative)), client: () => client! };
}
