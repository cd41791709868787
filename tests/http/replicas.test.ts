/**
 * Several stateless API replicas over one Neo4j, each a real `npm start` process on loopback: one
 * connects with a `neo4j://` routing URI, the others with `bolt://`. What must hold whichever replica
 * a request lands on: a client reads its own writes (bookmarks), a cached answer goes stale when
 * another replica writes (the revision lives in the database), a rate limit counts every replica's
 * requests, failed sign-ins are throttled across replicas, and a revoked token is refused everywhere
 * at once.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openUserStore } from '../../server/src/users/open-user-store.ts';
import { wipeNeo4j, type Neo4jTarget } from '../support/neo4j-target.ts';
import { spawnServer, type SpawnedServer } from '../support/spawned-server.ts';
import { postGraphQL, send } from './http-harness.ts';

const target = inject('neo4j');
const MUTATIONS_PER_MINUTE = 5;

const SUMMARY = 'query ($id: ID!) { node(id: $id) { id version summary } }';
const UPDATE = `mutation ($id: ID!, $version: Int!, $summary: String!) {
  updateNode(id: $id, expectedVersion: $version, patch: { summary: $summary }) { id version summary }
}`;

function envFor(neo4j: Neo4jTarget, uri: string): NodeJS.ProcessEnv {
  return {
    NEO4J_URI: uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
    FIBROGRAPH_SEED_DIR: 'tests/fixtures/seeds/mini',
    FIBROGRAPH_RESPONSE_CACHE_MB: '16',
    FIBROGRAPH_MUTATIONS_PER_MINUTE: String(MUTATIONS_PER_MINUTE),
    FIBROGRAPH_QUIET: '0',
    // Direct edits: these tests are about replicas, not review.
    FIBROGRAPH_REVIEW: 'off',
  };
}

/** `bolt://host:port` as the routing scheme a cluster would be reached with. */
function routingUri(uri: string): string {
  return uri.replace(/^bolt(\+s|\+ssc)?:\/\//, 'neo4j$1://');
}

async function cacheHits(url: string): Promise<number> {
  const health = await send(`${url}/healthz`);
  return (health.body['responseCache'] as { hits: number }).hits;
}

describe.skipIf(target === null)('API replicas over one Neo4j', () => {
  const replicas: SpawnedServer[] = [];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    if (target === null) return;
    await wipeNeo4j(target);
    const users = await openUserStore({ kind: 'neo4j', ...target });
    try {
      for (const name of ['ed', 'ida', 'rex', 'kim'])
        tokens[name] = (await users.addUser(name, 'editor')).token;
    } finally {
      await users.close();
    }
    // The first seeds the empty database; the others find it seeded.
    replicas.push(await spawnServer(envFor(target, target.uri)));
    replicas.push(
      ...(await Promise.all([
        spawnServer(envFor(target, routingUri(target.uri))),
        spawnServer(envFor(target, target.uri)),
      ])),
    );
  }, 120_000);

  afterAll(async () => {
    for (const replica of replicas.splice(0)) await replica.stop();
    if (target !== null) await wipeNeo4j(target);
  });

  const replica = (index: number): string => (replicas[index] as SpawnedServer).url;

  it('serves reads through a neo4j:// routing URI as through bolt://', async () => {
    const [a, b] = await Promise.all(
      [0, 1].map((index) => postGraphQL(replica(index), SUMMARY, { variables: { id: 'theory:alpha' } })),
    );
    expect(b?.status).toBe(200);
    expect(b?.body.data).toEqual(a?.body.data);
    expect(b?.body.data?.['node']).toMatchObject({ id: 'theory:alpha', summary: 'A made-up theory.' });
  });

  it('lets a client read its own write on another replica by sending the bookmark back', async () => {
    const token = tokens['ed'] as string;
    const written = await postGraphQL(replica(0), UPDATE, {
      token,
      variables: { id: 'symptom:gamma', version: 1, summary: 'Written on replica A.' },
    });
    expect(written.body.errors).toBeUndefined();
    const bookmark = written.headers.get('fibrograph-bookmark');
    expect(bookmark).toMatch(/^[A-Za-z0-9:+/=_.-]+(,[A-Za-z0-9:+/=_.-]+)*$/);
    const read = await postGraphQL(replica(1), SUMMARY, {
      variables: { id: 'symptom:gamma' },
      headers: { 'fibrograph-bookmark': bookmark as string },
    });
    expect(read.body.data?.['node']).toMatchObject({ version: 2, summary: 'Written on replica A.' });
    // A read gives no bookmark back; a malformed one is refused, naming the header.
    expect(read.headers.get('fibrograph-bookmark')).toBeNull();
    const bad = await postGraphQL(replica(2), SUMMARY, {
      variables: { id: 'symptom:gamma' },
      headers: { 'fibrograph-bookmark': 'not a bookmark!' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/fibrograph-bookmark/);
  });

  it("drops a replica's cached answer when another replica writes", async () => {
    const query = { variables: { id: 'mechanism:beta' } };
    const first = await postGraphQL(replica(2), SUMMARY, query);
    const hitsBefore = await cacheHits(replica(2));
    const again = await postGraphQL(replica(2), SUMMARY, query);
    expect(again.body).toEqual(first.body);
    expect(await cacheHits(replica(2))).toBe(hitsBefore + 1);
    const written = await postGraphQL(replica(0), UPDATE, {
      token: tokens['ida'] as string,
      variables: { id: 'mechanism:beta', version: 1, summary: 'Changed on replica A.' },
    });
    expect(written.body.errors).toBeUndefined();
    const after = await postGraphQL(replica(2), SUMMARY, query);
    expect(after.body.data?.['node']).toMatchObject({ version: 2, summary: 'Changed on replica A.' });
    expect(await cacheHits(replica(2))).toBe(hitsBefore + 1);
  });

  it("counts an editor's changes on every replica against one limit", async () => {
    const token = tokens['rex'] as string;
    let version = 1;
    for (let i = 0; i < MUTATIONS_PER_MINUTE; i += 1) {
      const response = await postGraphQL(replica(i % 3), UPDATE, {
        token,
        variables: { id: 'theory:alpha', version, summary: `Revision ${i}, replica ${i % 3}.` },
      });
      expect(response.body.errors, `change ${i}`).toBeUndefined();
      version += 1;
    }
    // Each replica alone has seen at most two of the five; together they have used the limit.
    for (const index of [0, 1, 2]) {
      const refused = await postGraphQL(replica(index), UPDATE, {
        token,
        variables: { id: 'theory:alpha', version, summary: 'One too many.' },
      });
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    }
  });

  it('refuses a revoked token on every replica at once', async () => {
    if (target === null) return;
    const users = await openUserStore({ kind: 'neo4j', ...target });
    let token: string;
    try {
      token = (await users.addUser('vic', 'editor')).token;
    } finally {
      await users.close();
    }
    const whoAmI = '{ viewer { name } }';
    for (const index of [0, 1, 2]) {
      const signedIn = await postGraphQL(replica(index), whoAmI, { token });
      expect(signedIn.body.data?.['viewer']).toEqual({ name: 'vic' });
    }
    const admin = await openUserStore({ kind: 'neo4j', ...target });
    try {
      await admin.revokeUser('vic');
    } finally {
      await admin.close();
    }
    for (const index of [0, 1, 2]) {
      const refused = await postGraphQL(replica(index), whoAmI, { token });
      expect(refused.status).toBe(401);
    }
  });

  // Last: it uses up this client address's failure allowance too (every request comes from 127.0.0.1).
  it('throttles failed sign-ins across replicas, not per replica', async () => {
    // A token no replica has verified yet: a verified one is trusted from the cache, unthrottled.
    const token = tokens['kim'] as string;
    const wrong = `${token.slice(0, 20)}${'x'.repeat(43)}`;
    const whoAmI = '{ viewer { name } }';
    // The default limit is 10 failures a minute (per token id and per client); each replica sees at
    // most four of them, so only a shared count refuses the eleventh.
    for (let i = 0; i < 10; i += 1) {
      const failed = await postGraphQL(replica(i % 3), whoAmI, { token: wrong });
      expect(failed.status, `failure ${i}`).toBe(401);
    }
    for (const index of [0, 1, 2]) {
      const refused = await postGraphQL(replica(index), whoAmI, { token });
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    }
  });
});
