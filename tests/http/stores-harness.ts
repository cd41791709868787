/**
 * The pairs of stores the HTTP suites run over: an embedded store on real files in a temporary
 * directory, or the test Neo4j (wiped before each use, since Neo4j Community has one user database).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedStore } from '../../server/src/store/embedded/embedded-store.ts';
import { openNeo4jStore } from '../../server/src/store/neo4j/neo4j-store.ts';
import { openUserStore } from '../../server/src/users/open-user-store.ts';
import { wipeNeo4j, type Neo4jTarget } from '../support/neo4j-target.ts';
import type { StoresHarness } from './auth-flow-tests.ts';

/** Stores over one fresh temporary data directory, removed by `dispose`. */
export function embeddedStoresHarness(prefix: string): StoresHarness {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    open: async () => ({
      store: await openEmbeddedStore({ dataDir: dir }),
      users: await openUserStore({ kind: 'embedded', dataDir: dir }),
    }),
    openOtherUsers: () => openUserStore({ kind: 'embedded', dataDir: dir }),
    dispose: () => {
      fs.rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/** Stores over the test Neo4j: `open` wipes it first (graph and users alike), `dispose` wipes it after. */
export function neo4jStoresHarness(target: Neo4jTarget): StoresHarness {
  return {
    open: async () => {
      await wipeNeo4j(target);
      return {
        store: await openNeo4jStore(target),
        users: await openUserStore({ kind: 'neo4j', ...target }),
      };
    },
    openOtherUsers: () => openUserStore({ kind: 'neo4j', ...target }),
    dispose: () => wipeNeo4j(target),
  };
}
