/**
 * The hostile-request suite, run against each store: requests shaped to stall, crash or confuse the
 * server (fragment fan-out and cycles, deep nesting, alias, directive and token floods, huge bodies,
 * malformed JSON, wrong content types, client mistakes) get a clear 4xx naming the problem; the server
 * keeps answering, and the data is unchanged. The measure's own work is bounded in
 * operation-measure.test.ts by counting its visits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureGraph } from '../contract/fixture-graph.ts';
import type { StoresHarness } from './auth-flow-tests.ts';
import { errorCode, onlyError, send, startApp, type JsonResponse, type RunningApp } from './http-harness.ts';

/** n fragments, each spreading the next twice: 2^n walks for a measure that re-walks every spread. */
export function fragmentFanOut(n: number): string {
  const fragments = Array.from(
    { length: n },
    (_, i) => `fragment F${i} on Query { stats { nodes } ${i < n - 1 ? `...F${i + 1} ...F${i + 1}` : ''} }`,
  );
  return `{ ...F0 } ${fragments.join(' ')}`;
}

interface HostileCase {
  readonly name: string;
  readonly request: () => RequestInit & { readonly path?: string };
  readonly status: number;
  readonly code: string;
  /** A piece of the message that tells the client what was wrong. */
  readonly says?: RegExp;
  /** An `extensions.limit` the answer must name. */
  readonly limit?: string;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const post = (body: unknown, headers: Record<string, string> = JSON_HEADERS): RequestInit => ({
  method: 'POST',
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

const CASES: readonly HostileCase[] = [
  {
    name: 'fragment fan-out (30 fragments, 2^30 spreads)',
    request: () => post({ query: fragmentFanOut(30) }),
    status: 400,
    code: 'BAD_USER_INPUT',
    limit: 'rootFields',
  },
  {
    name: 'fragment fan-out under a list field',
    request: () =>
      post({
        query: `{ theories { ...T0 } } ${Array.from(
          { length: 25 },
          (_, i) => `fragment T${i} on Concept { id ${i < 24 ? `...T${i + 1} ...T${i + 1}` : ''} }`,
        ).join(' ')}`,
      }),
    status: 400,
    code: 'BAD_USER_INPUT',
    limit: 'cost',
  },
  {
    name: 'a fragment cycle',
    request: () =>
      post({ query: '{ ...A } fragment A on Query { stats { nodes } ...B } fragment B on Query { ...A }' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    says: /Cannot spread fragment "A" within itself/,
  },
  {
    name: 'deep nesting within the token limit',
    request: () => {
      let selection = '{ id }';
      for (let i = 0; i < 40; i += 1) selection = `{ claims { from ${selection} } }`;
      return post({ query: `{ node(id: "symptom:x") ${selection} }` });
    },
    status: 400,
    code: 'BAD_USER_INPUT',
    limit: 'depth',
  },
  {
    name: 'nesting 10,000 brackets deep (would overflow a recursive parser)',
    request: () => post({ query: `${'{ a '.repeat(10_000)}${'}'.repeat(10_000)}` }),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    says: /more tha[nt] 1000 tokens/,
  },
  {
    name: 'a token flood within the body limit',
    request: () => post({ query: `{ ${'stats { nodes } '.repeat(5_000)}}` }),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    says: /more tha[nt] 1000 tokens/,
  },
  {
    name: 'an alias flood',
    request: () =>
      post({ query: `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: stats { nodes }`).join(' ')} }` }),
    status: 400,
    code: 'BAD_USER_INPUT',
    limit: 'aliases',
  },
  {
    name: 'a directive flood',
    request: () =>
      post({
        query: `{ stats { ${Array.from({ length: 60 }, () => 'nodes @include(if: true)').join(' ')} } }`,
      }),
    status: 400,
    code: 'BAD_USER_INPUT',
    limit: 'directives',
  },
  {
    name: 'a body over 256 KB',
    request: () => post({ query: '{ stats { nodes } }', variables: { pad: 'x'.repeat(300 * 1024) } }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'malformed JSON',
    request: () => post('{"query": "{ stats { nodes } }"'),
    status: 400,
    code: 'BAD_REQUEST',
    says: /not valid JSON/,
  },
  {
    name: 'a JSON body that is not an object',
    request: () => post('"{ stats { nodes } }"'),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'text/plain (a CSRF-able content type)',
    request: () => post(JSON.stringify({ query: '{ stats { nodes } }' }), { 'content-type': 'text/plain' }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a form post',
    request: () =>
      post('query=%7B%20stats%20%7B%20nodes%20%7D%20%7D', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'an unknown operationName',
    request: () => post({ query: 'query A { stats { nodes } }', operationName: 'B' }),
    status: 400,
    code: 'BAD_REQUEST',
    says: /no operation named "B"/,
  },
  {
    name: 'an enormous unknown operationName',
    request: () => post({ query: 'query A { stats { nodes } }', operationName: 'B'.repeat(100_000) }),
    status: 400,
    code: 'BAD_REQUEST',
    says: /no operation named "B+… \(100000 characters\)"/,
  },
  {
    name: 'two operations and no operationName',
    request: () => post({ query: 'query A { stats { nodes } } query B { stats { claims } }' }),
    status: 400,
    code: 'BAD_REQUEST',
    says: /operationName/,
  },
  {
    name: 'a subscription (the schema has none)',
    request: () => post({ query: 'subscription { stats { nodes } }' }),
    status: 400,
    code: 'BAD_REQUEST',
    says: /no subscription operations/,
  },
  {
    name: 'a GET mutation',
    request: () => ({
      path: `/graphql?query=${encodeURIComponent('mutation { deleteNode(id: "symptom:myalgia", expectedVersion: 1) }')}`,
      method: 'GET',
      headers: { 'apollo-require-preflight': 'true' },
    }),
    status: 405,
    code: 'BAD_REQUEST',
  },
  {
    name: 'variables that are not an object',
    request: () => post({ query: '{ stats { nodes } }', variables: [1, 2] }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a 200 KB id in a variable of the wrong type',
    request: () =>
      post({
        query: 'query ($n: Int) { contested(first: $n) { id } }',
        variables: { n: 'x'.repeat(200_000) },
      }),
    status: 400,
    code: 'BAD_USER_INPUT',
    says: /… \(200000 characters\)/,
  },
  {
    name: 'a misspelt field, which gets no schema suggestion in production',
    request: () => post({ query: '{ stat { nodes } }' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    says: /^Cannot query field "stat" on type "Query"\.$/,
  },
];

/** Registers the suite for one store; a null harness registers it as skipped. */
export function describeHostileRequests(name: string, harness: (() => StoresHarness) | null): void {
  describe.skipIf(harness === null)(`hostile requests: ${name}`, () => {
    let current: StoresHarness;
    let running: RunningApp;
    let before: unknown;

    beforeAll(async () => {
      if (harness === null) throw new Error('unreachable: the suite is skipped without a harness');
      current = harness();
      const { store, users } = await current.open();
      await buildFixtureGraph(store);
      before = await store.exportGraph();
      running = await startApp(store, users);
    });
    afterAll(async () => {
      await running.app.close();
      await current.dispose();
    });

    for (const hostile of CASES) {
      it(`${hostile.name}: ${hostile.status} ${hostile.code}`, async () => {
        const { path = '/graphql', ...init } = hostile.request();
        const response: JsonResponse = await send(`${running.url}${path}`, init);
        expect(response.status).toBe(hostile.status);
        expect(errorCode(response.body)).toBe(hostile.code);
        const error = onlyError(response.body);
        // Never the whole input back: every answer here is small.
        expect(JSON.stringify(response.body).length).toBeLessThan(1_000);
        expect(error.extensions['stacktrace']).toBeUndefined();
        if (hostile.says) expect(error.message).toMatch(hostile.says);
        if (hostile.limit) expect(error.extensions['limit']).toBe(hostile.limit);
        // The server still answers, and promptly enough for the next request to be served at all.
        expect((await send(`${running.url}/healthz`)).status).toBe(200);
      });
    }

    it('leaves the data exactly as it was', async () => {
      expect(await running.store.exportGraph()).toEqual(before);
    });
  });
}
