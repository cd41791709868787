/** The UserStore contract against a real Neo4j (from NEO4J_URI or the disposable one the global setup started). */
import neo4j from 'neo4j-driver';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { SignInRefusedError } from '../../server/src/users/sign-in-guard.ts';
import { openUserStore } from '../../server/src/users/open-user-store.ts';
import type { UserStore } from '../../server/src/users/user-store.ts';
import { wipeNeo4j, type Neo4jTarget } from '../support/neo4j-target.ts';
import { describeUserStoreContract } from './user-store-contract.ts';

const target = inject('neo4j');

// Without a Neo4j the suite is registered as skipped (the global setup already said why, loudly).
describeUserStoreContract('neo4j', target === null ? null : () => neo4jHarness(target));

// What only a store shared by several processes must do: each UserStore here stands for a replica.
describe.skipIf(target === null)('UserStore on Neo4j: replicas share the sign-in throttle', () => {
  const opened: UserStore[] = [];
  const open = async (maxFailures: number) => {
    if (target === null) throw new Error('unreachable: the suite is skipped without a Neo4j');
    const store = await openUserStore({ kind: 'neo4j', ...target }, { signIn: { maxFailures } });
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    if (target !== null) await wipeNeo4j(target);
  });

  it('counts failures on every replica against one limit, per token id and per client', async () => {
    if (target === null) return;
    await wipeNeo4j(target);
    const [a, b, c] = [await open(3), await open(3), await open(3)] as [UserStore, UserStore, UserStore];
    const { token, tokenId } = await a.addUser('ada', 'editor');
    const wrong = `fg_${tokenId}_${'x'.repeat(43)}`;
    // Three failures spread over three replicas, three different clients: the token id's limit is used.
    expect(await a.authenticate(wrong, '127.0.0.11')).toBeNull();
    expect(await b.authenticate(wrong, '127.0.0.12')).toBeNull();
    expect(await c.authenticate(wrong, '127.0.0.13')).toBeNull();
    for (const replica of [a, b, c]) {
      // Even the right secret is refused unchecked until the window passes, on every replica.
      await expect(replica.authenticate(token, '127.0.0.14')).rejects.toBeInstanceOf(SignInRefusedError);
    }
    // One client guessing other ids, spread over replicas, meets its own limit too.
    const guess = (i: number) => `fg_${i.toString(16).padStart(16, '0')}_${'y'.repeat(43)}`;
    expect(await a.authenticate(guess(1), '127.0.0.20')).toBeNull();
    expect(await b.authenticate(guess(2), '127.0.0.20')).toBeNull();
    expect(await c.authenticate(guess(3), '127.0.0.20')).toBeNull();
    await expect(a.authenticate(guess(4), '127.0.0.20')).rejects.toMatchObject({
      reason: 'too-many-failures',
    });
  });
});

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
