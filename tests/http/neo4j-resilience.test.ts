/**
 * The server over a real Neo4j when things die: the app process killed with SIGKILL mid-writes keeps
 * every write it acknowledged (on the shared test Neo4j), and /healthz answers 503 promptly when the
 * Neo4j JVM itself is killed (on a second, disposable Neo4j of its own).
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openNeo4jStore } from '../../server/src/store/neo4j/neo4j-store.ts';
import { openUserStore } from '../../server/src/users/open-user-store.ts';
import { wipeNeo4j, type Neo4jTarget } from '../support/neo4j-target.ts';
import { spawnServer, type SpawnedServer } from '../support/spawned-server.ts';
import { postGraphQL, send } from './http-harness.ts';

const target = inject('neo4j');
const spawned: SpawnedServer[] = [];

afterAll(async () => {
  for (const server of spawned.splice(0)) {
    server.child.kill('SIGKILL');
    await server.stop();
  }
  if (target !== null) await wipeNeo4j(target);
});

function envFor(neo4j: Neo4jTarget): NodeJS.ProcessEnv {
  return {
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
    // A small seed, loaded into the empty database on first start.
    FIBROGRAPH_SEED_DIR: 'tests/fixtures/seeds/mini',
    // Direct edits: this test is about durability, not review.
    FIBROGRAPH_REVIEW: 'off',
  };
}

async function editorToken(neo4j: Neo4jTarget): Promise<string> {
  const users = await openUserStore({ kind: 'neo4j', ...neo4j });
  try {
    return (await users.addUser('crash-editor', 'editor')).token;
  } finally {
    await users.close();
  }
}

describe.skipIf(target === null)('the app over Neo4j, killed', () => {
  it('keeps every acknowledged write after the app process is killed with SIGKILL, and serves them after a restart', async () => {
    if (target === null) return;
    await wipeNeo4j(target);
    const token = await editorToken(target);
    const first = await spawnServer(envFor(target));
    spawned.push(first);
    const acknowledged: string[] = [];
    let killed = false;
    // Four writers at once, so the kill lands while writes are in flight.
    const writer = async (lane: number) => {
      for (let i = 0; !killed; i += 1) {
        try {
          const response = await postGraphQL(
            first.url,
            'mutation ($input: CreateNodeInput!) { createNode(input: $input) { id } }',
            { token, variables: { input: { kind: 'FINDING', name: `Crash finding ${lane}-${i}` } } },
          );
          const id = (response.body.data?.['createNode'] as { id: string } | undefined)?.id;
          if (response.status === 200 && id !== undefined) acknowledged.push(id);
          if (acknowledged.length >= 40) {
            // The other writers stop at their next turn; a second SIGKILL is harmless.
            killed = true;
            first.child.kill('SIGKILL');
          }
        } catch {
          // The connection died with the process: that write was never acknowledged.
          return;
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(writer));
    expect((await first.stop()).signal).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    const store = await openNeo4jStore(target);
    try {
      const found = await store.getNodes(acknowledged);
      expect(found.map((node) => node.id).sort()).toEqual([...acknowledged].sort());
      // Each acknowledged create has its history entry: nothing was half-written.
      for (const id of acknowledged) {
        const history = await store.history({ targetId: id, first: 5 });
        expect(
          history.changes.map((change) => change.action),
          id,
        ).toEqual(['create']);
      }
    } finally {
      await store.close();
    }

    const restarted = await spawnServer(envFor(target));
    spawned.push(restarted);
    const read = await postGraphQL(restarted.url, 'query ($id: ID!) { node(id: $id) { id } }', {
      variables: { id: acknowledged.at(-1) },
    });
    expect(read.body.data).toEqual({ node: { id: acknowledged.at(-1) } });
    await restarted.stop();
  }, 120_000);

  it('answers /healthz with 503 within its bound when the Neo4j JVM is killed', async () => {
    const { startLocalNeo4j } = await import('../../scripts/neo4j-local/neo4j-local.mjs');
    const doomed = await startLocalNeo4j({ heapMb: 256, pageCacheMb: 64 });
    try {
      const server = await spawnServer(envFor({ ...doomed, password: doomed.password ?? '' }));
      spawned.push(server);
      expect((await send(`${server.url}/healthz`)).status).toBe(200);
      process.kill(doomed.pid, 'SIGKILL');
      await doomed.exited;
      // Without the bound the driver retries for about a minute and this test's 30 s would run out.
      const health = await send(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ ok: false, store: 'neo4j' });
      await server.stop();
    } finally {
      await doomed.stop();
    }
  }, 120_000);
});
