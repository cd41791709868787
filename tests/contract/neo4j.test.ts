/** The store contract against a real Neo4j (from NEO4J_URI or the disposable one the global setup started). */
import { inject } from 'vitest';
import { openNeo4jStore } from '../../server/src/store/neo4j/neo4j-store.ts';
import { wipeNeo4j, type Neo4jTarget } from '../support/neo4j-target.ts';
import { describeStoreContract } from './store-contract.ts';

const target = inject('neo4j');

// Without a Neo4j the suite is registered as skipped (the global setup already said why, loudly).
describeStoreContract('neo4j', target === null ? null : () => neo4jHarness(target));

function neo4jHarness(target: Neo4jTarget) {
  // Neo4j Community has one user database: every store in a test shares it, so each starts by wiping it.
  const fresh = async () => {
    await wipeNeo4j(target);
    return openNeo4jStore(target);
  };
  return { open: fresh, openEmpty: fresh, dispose: () => wipeNeo4j(target) };
}
