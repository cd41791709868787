/** How tests reach the Neo4j that the global setup provided (or learn that there is none). */
import neo4j from 'neo4j-driver';

/** Connection settings for a test Neo4j. */
export interface Neo4jTarget {
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  readonly database: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTarget | null;
  }
}

/** Deletes every node, relationship and the history counter, leaving schema (constraints, indexes) in place. */
export async function wipeNeo4j(target: Neo4jTarget): Promise<void> {
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password));
  try {
    const session = driver.session({ database: target.database });
    try {
      await session.executeWrite((tx) => tx.run('MATCH (n) DETACH DELETE n'));
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
  }
}
