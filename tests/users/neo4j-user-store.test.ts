/** The UserStore contract against a real Neo4j (from NEO4J_URI or the disposable one the global setup started). */
import neo4j from 'neo4j-driver';
import { inject } from 'vitest';
import { openUserStore } from '../../server/src/users/open-user-store.ts';
import { wipeNeo4j, type Neo4jTarget } from '../support/neo4j-target.ts';
import { describeUserStoreContract } from './user-store-contract.ts';

const target = inject('neo4j');

// Without a Neo4j the suite is registered as skipped (the global setup already said why, loudly).
describeUserStoreContract('neo4j', target === null ? null : () => neo4jHarness(target));

async function neo4jHarness(target: Neo4jTarget) {
  // Neo4j Community has one user database: each test starts by wiping it.
  await wipeNeo4j(target);
  return {
    open: (options?: Parameters<typeof openUserStore>[1]) =>
      openUserStore({ kind: 'neo4j', ...target }, options),
    storedText: async () =>
      JSON.stringify(
        await readUserNodes(target, 'MATCH (n) WHERE n:User OR n:ApiToken RETURN properties(n) AS value'),
      ),
    storedHashes: async () =>
      (await readUserNodes(target, 'MATCH (t:ApiToken) RETURN t.hash AS value')).map(String),
    dispose: () => wipeNeo4j(target),
  };
}

/** Runs a read query behind the store's back and returns its `value` column. */
async function readUserNodes(target: Neo4jTarget, query: string): Promise<unknown[]> {
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password));
  try {
    const { records } = await driver.executeQuery(query, {}, { database: target.database });
    return records.map((record) => record.get('value') as unknown);
  } finally {
    await driver.close();
  }
}
