/**
 * A Neo4j written under the old strength rule is brought up to date at open: every claim's stored
 * figures are derived again (walks and researchers' Cypher read them from the relationship).
 */
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openNeo4jStore } from '../../server/src/store/neo4j/neo4j-store.ts';
import { DERIVED_FIGURES_VERSION } from '../../server/src/store/neo4j/derived-figures.ts';
import { wipeNeo4j } from '../support/neo4j-target.ts';
import { buildFixtureGraph } from './fixture-graph.ts';

const target = inject('neo4j');

afterAll(async () => {
  if (target !== null) await wipeNeo4j(target);
});

describe.skipIf(target === null)('neo4j: derived figures follow the current rules', () => {
  it('re-derives claims stored under older rules once, at open', async () => {
    if (target === null) return;
    await wipeNeo4j(target);
    const store = await openNeo4jStore(target);
    await buildFixtureGraph(store);
    await store.close();
    const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password));
    const cypher = async (query: string) => {
      const session = driver.session({ database: target.database });
      try {
        return (await session.run(query)).records.map((record) => record.toObject());
      } finally {
        await session.close();
      }
    };
    try {
      // As an older FibroGraph left them: the old strength, no certainty, no version recorded.
      await cypher('MATCH ()-[r]->() WHERE r.id IS NOT NULL SET r.strength = 0.123 REMOVE r.certainty');
      await cypher("MATCH (c:Counter {name: 'derived-figures'}) DELETE c");
      const reopened = await openNeo4jStore(target);
      try {
        const claim = await reopened.getClaim('claim:aerobic-exercise--relieves--myalgia');
        expect(claim?.certainty).toBeDefined();
        const stored = await cypher(
          "MATCH ()-[r {id: 'claim:aerobic-exercise--relieves--myalgia'}]->() RETURN r.strength AS strength, r.certainty AS certainty",
        );
        expect(stored).toEqual([{ strength: claim?.strength, certainty: claim?.certainty }]);
        expect(await cypher('MATCH ()-[r]->() WHERE r.strength = 0.123 RETURN count(r) AS stale')).toEqual([
          { stale: neo4j.int(0) },
        ]);
        const [version] = await cypher("MATCH (c:Counter {name: 'derived-figures'}) RETURN c.value AS value");
        expect(Number(version?.['value'])).toBe(DERIVED_FIGURES_VERSION);
      } finally {
        await reopened.close();
      }
    } finally {
      await driver.close();
    }
  });
});
