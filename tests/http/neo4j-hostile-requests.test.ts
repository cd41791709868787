/** The hostile-request suite against a real Neo4j (from NEO4J_URI or the disposable one the global setup started). */
import { inject } from 'vitest';
import { openNeo4jStore } from '../../server/src/store/neo4j/neo4j-store.ts';
import { openUserStore } from '../../server/src/users/open-user-store.ts';
import { wipeNeo4j, type Neo4jTarget } from '../support/neo4j-target.ts';
import { describeHostileRequests } from './hostile-request-tests.ts';

const target = inject('neo4j');

describeHostileRequests('neo4j', target === null ? null : () => neo4jHarness(target));

function neo4jHarness(target: Neo4jTarget) {
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
