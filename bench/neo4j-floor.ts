/**
 * The floor under the Neo4j store's reads: hand-written Cypher for the same answers, one query and
 * one round trip each, timed from this process with the same driver settings. The store cannot be
 * faster than this much data crossing Bolt; `neo4j ÷ floor` in the report is how close it comes.
 *
 * - neighbourhood depth 2: the first `limit` distinct nodes within two hops (no ranking), the claims
 *   among them and their evidence, as rows: the same size of answer as the store's default budget.
 * - paths ≤ 4 hops: every simple path up to four claims (theory-to-theory and research links left
 *   out), ranked in Cypher by weakest link then length, first five, with their claims.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { QUERY_CAPS } from '../server/src/store/query-options.ts';
import type { BenchTargets } from './bench-targets.ts';
import { measureLatency, type LatencyFigures, type LatencyOptions } from './latency.ts';
import type { Neo4jConnection } from './neo4j-server.ts';

const NEIGHBOURHOOD_FLOOR = `
MATCH (c:Entity {id: $id})-[*0..2]-(n:Entity)
WITH DISTINCT n LIMIT $limit
WITH collect(n) AS ns
CALL (ns) {
  UNWIND ns AS n
  RETURN n {.*} AS node, null AS claim, null AS evidence
  UNION ALL
  UNWIND ns AS a
  MATCH (a)-[r]->(b) WHERE b IN ns
  RETURN null AS node, r {.*, from: a.id, to: b.id} AS claim,
    COLLECT {
      MATCH (e:Evidence {claimId: r.id})-[:CITES]->(s:Source)
      RETURN e {.*, sourceId: s.id} ORDER BY e.position
    } AS evidence
}
RETURN node, claim, evidence`;

const PATHS_FLOOR = `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = (a)-[*1..4]-(b)
WHERE all(r IN relationships(p) WHERE NOT type(r) IN ['BUILDS_ON', 'CONFLICTS_WITH', 'TESTS'])
WITH p, reduce(weakest = 1.0, r IN relationships(p) |
  CASE WHEN r.strength < weakest THEN r.strength ELSE weakest END) AS score
ORDER BY score DESC, length(p) ASC
LIMIT 5
RETURN [n IN nodes(p) | n.id] AS nodeIds,
  [r IN relationships(p) | r {.*, from: startNode(r).id, to: endNode(r).id,
    evidence: COLLECT {
      MATCH (e:Evidence {claimId: r.id})-[:CITES]->(s:Source)
      RETURN e {.*, sourceId: s.id} ORDER BY e.position
    }}] AS claims`;

/** A hand-written query that runs longer than this is stopped by the server (and the figure says so). */
const FLOOR_TIMEOUT_MS = 20_000;

/** Floor latencies for the operations that have one. */
export interface FloorFigures {
  readonly neighborhood2: LatencyFigures;
  readonly paths: LatencyFigures;
  /** Calls the server stopped at FLOOR_TIMEOUT_MS (timed as that long). */
  readonly timedOut: number;
}

/** Times the hand-written queries against the same targets the store was asked about. */
export async function measureFloor(
  connection: Neo4jConnection,
  targets: BenchTargets,
  options: LatencyOptions,
): Promise<FloorFigures> {
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.username, connection.password), {
    disableLosslessIntegers: true,
  });
  let timedOut = 0;
  const run = async (text: string, params: Record<string, unknown>): Promise<void> => {
    try {
      await readOnce(driver, connection.database, text, params);
    } catch (error) {
      if (!(error instanceof neo4j.Neo4jError) || !/Timeout|Terminated/i.test(error.code)) throw error;
      timedOut += 1;
    }
  };
  const at = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;
  try {
    const neighborhood2 = await measureLatency(options, (i) =>
      run(NEIGHBOURHOOD_FLOOR, {
        id: at(targets.centres, i),
        limit: neo4j.int(QUERY_CAPS.defaultNeighborhoodLimit),
      }),
    );
    const paths = await measureLatency(options, (i) => {
      const [from, to] = at(targets.pairs, i);
      return run(PATHS_FLOOR, { from, to });
    });
    return { neighborhood2, paths, timedOut };
  } finally {
    await driver.close();
  }
}

async function readOnce(
  driver: Driver,
  database: string,
  text: string,
  params: Record<string, unknown>,
): Promise<unknown[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(text, params, { timeout: FLOOR_TIMEOUT_MS });
    return result.records;
  } finally {
    await session.close();
  }
}
