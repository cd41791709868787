/**
 * The composition root for users: picks the UserStore adapter that matches the graph's store
 * configuration. Embedded: `<dataDir>/users.sqlite`. Neo4j: `(:User)` and `(:ApiToken)` nodes in
 * the same database as the graph.
 */
import path from 'node:path';
import type { StoreConfig } from '../store/open-store.ts';
import { createUserStore, type UserStoreOptions } from './token-user-store.ts';
import type { UserStore } from './user-store.ts';

/** Opens the users of the configured store. Adapters load lazily so the embedded path never loads the driver. */
export async function openUserStore(config: StoreConfig, options?: UserStoreOptions): Promise<UserStore> {
  switch (config.kind) {
    case 'embedded': {
      const { openSqliteUserRecords } = await import('./embedded/sqlite-user-records.ts');
      return createUserStore(openSqliteUserRecords(config.dataDir), options);
    }
    case 'neo4j': {
      const { openNeo4jUserRecords } = await import('./neo4j/neo4j-user-records.ts');
      return createUserStore(await openNeo4jUserRecords(config), options);
    }
  }
}

/** A one-line description for logs and CLI output (never includes the password). */
export function describeUserStoreConfig(config: StoreConfig): string {
  return config.kind === 'embedded'
    ? `users in ${path.join(config.dataDir, 'users.sqlite')}`
    : `users in Neo4j at ${config.uri} (database "${config.database}")`;
}
