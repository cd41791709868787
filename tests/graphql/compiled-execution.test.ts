/**
 * The compiled executor (graphql-jit) against plain graphql-js on the seeded graph: the same
 * operations must give the same responses, byte for byte, including the GraphQL features a compiler
 * is most likely to get wrong (fragments on the Node interface, aliases, @skip/@include, variable
 * defaults, null bubbling from a failing field, bad variables, introspection).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../server/src/http/index.ts';
import { openEmbeddedStore } from '../../server/src/store/embedded/embedded-store.ts';
import type { GraphStore } from '../../server/src/store/graph-store.ts';
import { EDITOR, graphqlClient, type GraphQLClient } from './graphql-client.ts';

const SEED_DIR = path.resolve(import.meta.dirname, '../../seed');

/** A GraphQL string literal holding `text` (GraphQL string escapes are JSON's). */
const literal = (text: string): string => JSON.stringify(text);

/** What each operation must produce under both executors (so a typo cannot make the comparison vacuous). */
type Outcome = 'data' | 'error';

const OPERATIONS: readonly {
  readonly name: string;
  readonly query: string;
  readonly variables?: object;
  readonly outcome: Outcome;
}[] = [
  {
    name: 'neighbourhood with fragments, aliases and directives',
    outcome: 'data',
    query: `query ($id: ID!, $withEvidence: Boolean = true, $terse: Boolean!) {
      around: neighborhood(id: $id, depth: 2) {
        truncated
        nodes { __typename id ...Named ... on Concept { aliases @skip(if: $terse) } ... on Source { year doi } }
        claims {
          id relation strength contested bestLevel supportCount disputeCount reading
          start: from { id } end: to { ... on Node { kind } }
          evidence @include(if: $withEvidence) { id stance level levelLabel quote note source { id name } }
        }
      }
    }
    fragment Named on Node { name kind version }`,
    variables: { id: 'theory:central-sensitization', terse: false },
  },
  {
    name: 'paths with per-hop evidence and readings',
    outcome: 'data',
    query: `query ($from: ID!, $to: ID!) {
      paths(from: $from, to: $to, maxHops: 4, first: 5) {
        truncated
        paths { score meanStrength reading nodes { id name } hops { forward start { id } end { id } claim { id relation evidence { stance } } } }
      }
    }`,
    variables: { from: 'therapy:aerobic-exercise', to: 'symptom:brain-fog' },
  },
  {
    name: 'theories, comparison, contested and stats',
    outcome: 'data',
    query: `{
      theories { id name }
      compareTheories(ids: ["theory:central-sensitization", "theory:muscle-hypoperfusion"]) {
        sharedMechanisms { id } uniqueMechanisms { theory { id } mechanisms { id } }
        coverage { symptom { id } explainedBy { id } covered }
      }
      contested(first: 5) { id strength evidence { stance } }
      stats { nodes claims evidence nodesByKind { kind count } evidenceByLevel { level count } }
    }`,
  },
  {
    name: 'search, a missing node and node claims by direction',
    outcome: 'data',
    query: `{
      search(text: "fibro", first: 5) { score matchedField node { id } }
      missing: node(id: "symptom:no-such-thing") { id }
      node(id: "symptom:brain-fog") { id incoming: claims(direction: IN) { id } outgoing: claims(direction: OUT) { id } }
    }`,
  },
  {
    name: 'a NOT_FOUND error beside data',
    outcome: 'error',
    query: `{ theories { id } neighborhood(id: "symptom:no-such-thing") { truncated } }`,
  },
  {
    name: 'a variable of the wrong type',
    outcome: 'error',
    query: `query ($depth: Int) { neighborhood(id: "symptom:brain-fog", depth: $depth) { truncated } }`,
    variables: { depth: 'deep' },
  },
  {
    name: 'a missing required variable',
    outcome: 'error',
    query: `query ($id: ID!) { node(id: $id) { id } }`,
  },
  {
    // graphql-jit writes JavaScript from the operation: literals that would break out of a string or a
    // template in generated code must stay data.
    name: 'inline literals that look like code',
    query: `{
      a: search(text: ${literal('"); globalThis.__pwned = 1; ("')}, first: 3) { node { id } }
      b: search(text: ${literal('${globalThis.__pwned = 2}` \\ \u2028 */ //')}, first: 3) { node { id } }
      c: node(id: ${literal("'); globalThis.__pwned = 3; ('")}) { id }
    }`,
    outcome: 'data',
  },
  {
    name: 'introspection',
    outcome: 'data',
    query: `{ __schema { queryType { name } types { name kind } } __type(name: "Claim") { fields { name } } }`,
  },
  {
    name: 'history and viewer',
    outcome: 'data',
    query: `{ viewer { name role } history(first: 3) { edges { cursor node { seq actor action targetType targetId after } } pageInfo { hasNextPage endCursor } } }`,
  },
];

describe('compiled execution', () => {
  let dir: string;
  let store: GraphStore;
  let compiled: GraphQLClient;
  let interpreted: GraphQLClient;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-jit-'));
    store = await openEmbeddedStore({ dataDir: dir });
    expect(await seedIfEmpty(store, SEED_DIR, () => undefined)).toBe('seeded');
    compiled = graphqlClient(store, { execution: 'compiled' });
    interpreted = graphqlClient(store, { execution: 'interpreted' });
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const { name, query, variables, outcome } of OPERATIONS) {
    it(`answers as graphql-js does: ${name}`, async () => {
      const vars = { ...variables };
      const expected = await interpreted.run(query, vars, EDITOR);
      const actual = await compiled.run(query, vars, EDITOR);
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
      expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
      // The comparison must be about something: data with no error, or an error that is not a
      // validation failure (which would never reach either executor).
      if (outcome === 'data') {
        expect(expected.errors).toBeUndefined();
        expect(expected.data).not.toBeNull();
      } else {
        expect(expected.errors?.[0]?.extensions?.['code']).toMatch(/^(NOT_FOUND|BAD_USER_INPUT)$/);
      }
    });
  }
});
