/**
 * The GraphQL API suite against the embedded store, on real files in a temporary directory, with the
 * server's compiled executor and with plain graphql-js.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedStore } from '../../server/src/store/embedded/embedded-store.ts';
import { describeGraphQLApi } from './graphql-api-suite.ts';

/** A temporary directory per store, all removed at the end of each test. */
function embeddedHarness() {
  const dirs: string[] = [];
  return {
    open: () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-graphql-'));
      dirs.push(dir);
      return openEmbeddedStore({ dataDir: dir });
    },
    dispose: () => {
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

describeGraphQLApi('embedded', embeddedHarness);
// The whole suite again through graphql-js, so the two executors are held to the same answers.
describeGraphQLApi('embedded, interpreted execution', embeddedHarness, 'interpreted');
