/**
 * Vitest global setup: provides a real Neo4j to the Neo4j half of the suites. Uses NEO4J_URI when
 * set, otherwise starts a disposable local Neo4j (needs Java 17+ and Maven); without those the Neo4j
 * half is skipped loudly, and with FIBROGRAPH_REQUIRE_NEO4J=1 that skip is a failure.
 */
import type { TestProject } from 'vitest/node';
import type { LocalNeo4j } from '../../scripts/neo4j-local/neo4j-local.mjs';
import type { Neo4jTarget } from './neo4j-target.ts';

let local: LocalNeo4j | null = null;

/** Starts or finds Neo4j and provides its settings as `neo4j`. */
export async function setup(project: TestProject): Promise<void> {
  project.provide('neo4j', await findNeo4j());
}

/** Stops the disposable Neo4j, if this run started one. */
export async function teardown(): Promise<void> {
  await local?.stop();
  local = null;
}

async function findNeo4j(): Promise<Neo4jTarget | null> {
  const uri = process.env['NEO4J_URI'];
  if (uri) {
    return {
      uri,
      username: process.env['NEO4J_USERNAME'] ?? 'neo4j',
      password: process.env['NEO4J_PASSWORD'] ?? '',
      database: process.env['NEO4J_DATABASE'] ?? 'neo4j',
    };
  }
  try {
    const { startLocalNeo4j } = await import('../../scripts/neo4j-local/neo4j-local.mjs');
    const started = Date.now();
    local = await startLocalNeo4j({});
    console.log(`[fibrograph] started a disposable Neo4j at ${local.uri} in ${Date.now() - started} ms`);
    return {
      uri: local.uri,
      username: local.username,
      password: local.password ?? '',
      database: local.database,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env['FIBROGRAPH_REQUIRE_NEO4J'] === '1') {
      throw new Error(`FIBROGRAPH_REQUIRE_NEO4J=1 but no Neo4j could be started: ${reason}`);
    }
    const bar = '!'.repeat(100);
    console.warn(
      `\n${bar}\n!! SKIPPING the Neo4j half of the test suite: ${reason}\n!! Set NEO4J_URI, or install Java 17+ and Maven.\n${bar}\n`,
    );
    return null;
  }
}
