/**
 * The GraphQL API suite: every root field and mutation through `executeOperation`, run against each
 * store by a factory, over the contract suite's fixture graph.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import type { GraphQLServerOptions } from '../../server/src/graphql/index.ts';
import type { GraphStore } from '../../server/src/store/graph-store.ts';
import { buildFixtureGraph } from '../contract/fixture-graph.ts';
import { graphqlClient, type GraphQLClient } from './graphql-client.ts';
import { hostileInputTests } from './hostile-input-tests.ts';
import { mutationTests } from './mutation-tests.ts';
import { queryTests } from './query-tests.ts';
import { revertTests } from './revert-tests.ts';

/** Opens a fresh, empty store; `dispose` removes everything it created. */
export interface ApiHarness {
  open(): Promise<GraphStore>;
  dispose(): Promise<void>;
}

/** What each test sees: the store with the fixture loaded, and a client over it. */
export interface ApiFixture {
  readonly store: GraphStore;
  readonly client: GraphQLClient;
}

/**
 * Registers the suite for one store; a null harness registers it as skipped. `execution` picks the
 * executor (compiled by default, as the server runs).
 */
export function describeGraphQLApi(
  name: string,
  harness: (() => ApiHarness) | null,
  execution: GraphQLServerOptions['execution'] = 'compiled',
): void {
  describe.skipIf(harness === null)(`GraphQL API: ${name}`, () => {
    let current: ApiHarness;
    let fixture: ApiFixture | null = null;

    beforeEach(async () => {
      if (harness === null) throw new Error('unreachable: the suite is skipped without a harness');
      current = harness();
      const store = await current.open();
      await buildFixtureGraph(store);
      fixture = { store, client: graphqlClient(store, { execution }) };
    });
    afterEach(async () => {
      await fixture?.store.close();
      fixture = null;
      await current.dispose();
    });

    const get = (): ApiFixture => {
      if (fixture === null) throw new Error('no fixture outside a test');
      return fixture;
    };
    queryTests(get);
    mutationTests(get);
    hostileInputTests(get);
    revertTests(get);
  });
}
