/** Hostile input: injection fragments, quotes, control characters and huge strings get clean answers. */
import { describe, expect, it } from 'vitest';
import { IDS } from '../contract/fixture-graph.ts';
import type { ApiFixture } from './graphql-api-suite.ts';
import { EDITOR, dataOf, onlyError, type Result } from './graphql-client.ts';

/** Strings that would break a query built by concatenation. */
export const HOSTILE_STRINGS: readonly string[] = [
  `') MATCH (n) DETACH DELETE n //`,
  `"}) RETURN 1 UNION MATCH (n) RETURN n //`,
  `Robert'); DROP TABLE nodes;--`,
  `symptom:myalgia' OR '1'='1`,
  `*:* OR name:*`,
  'bell\u0007null\u0000escape\u001b[31m',
  'x'.repeat(10_000),
];

const CLEAN_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND']);

/** True when a result is data or one error with a code a client can act on (never an internal error). */
function isClean(result: Result<unknown>): boolean {
  if (result.errors === undefined) return true;
  return result.errors.every(
    (error) =>
      CLEAN_CODES.has(String(error.extensions?.['code'])) && error.extensions?.['stacktrace'] === undefined,
  );
}

/** Registers the hostile-input tests; `get` returns the current test's fixture. */
export function hostileInputTests(get: () => ApiFixture): void {
  describe('hostile input', () => {
    it('answers reads cleanly and leaves the data unchanged', async () => {
      const { client, store } = get();
      const before = await store.exportGraph();
      for (const text of HOSTILE_STRINGS) {
        const results = [
          await client.run(`query ($t: String!) { search(text: $t) { node { id } } }`, { t: text }),
          await client.run(
            `query ($t: ID!) { node(id: $t) { id } source(id: $t) { id } claim(id: $t) { id } theory(id: $t) { truncated } }`,
            { t: text },
          ),
          await client.run(`query ($t: ID!) { neighborhood(id: $t) { truncated } }`, { t: text }),
          await client.run(`query ($t: ID!) { paths(from: $t, to: "${IDS.myalgia}") { truncated } }`, {
            t: text,
          }),
          await client.run(`query ($t: ID!) { history(targetId: $t) { nodes { seq } } }`, { t: text }),
          await client.run(`query ($t: String!) { history(after: $t) { nodes { seq } } }`, { t: text }),
          await client.run(`query ($t: ID!) { compareTheories(ids: [$t]) { theories { id } } }`, { t: text }),
        ];
        for (const result of results)
          expect(isClean(result), JSON.stringify(result).slice(0, 300)).toBe(true);
      }
      const long = await client.run(`query ($t: String!) { search(text: $t) { node { id } } }`, {
        t: 'x'.repeat(10_000),
      });
      expect(onlyError(long).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
      expect(await store.exportGraph()).toEqual(before);
    });

    it('refuses control characters and oversized text in writes, naming the field, and stores quotes verbatim', async () => {
      const { client, store } = get();
      const before = await store.exportGraph();
      const create = (name: string, summary?: string) =>
        client.run<{ createNode: { id: string; name: string; summary: string } }>(
          `mutation ($input: CreateNodeInput!) { createNode(input: $input) { id name summary } }`,
          { input: { kind: 'FINDING', name, ...(summary === undefined ? {} : { summary }) } },
          EDITOR,
        );
      expect(onlyError(await create('bell\u0007name')).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'name',
      });
      expect(onlyError(await create('x'.repeat(10_000))).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'name',
      });
      expect(onlyError(await create('Fine', 'y'.repeat(10_000))).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'summary',
      });
      expect(onlyError(await create('Fine', 'null\u0000byte')).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'summary',
      });
      const badId = await client.run(
        `mutation ($input: CreateNodeInput!) { createNode(input: $input) { id } }`,
        { input: { kind: 'FINDING', name: 'X', id: `finding:x' }) DETACH DELETE n //` } },
        EDITOR,
      );
      expect(onlyError(badId).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      const badEnum = await client.run(
        `mutation ($input: CreateNodeInput!) { createNode(input: $input) { id } }`,
        { input: { kind: "FINDING') //", name: 'X' } },
        EDITOR,
      );
      expect(onlyError(badEnum).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await store.exportGraph()).toEqual(before);

      const quoted = `Robert'); MATCH (n) DETACH DELETE n; -- "quoted"`;
      const created = dataOf(await create(quoted, `'} RETURN n //`)).createNode;
      expect(created).toMatchObject({ name: quoted, summary: `'} RETURN n //` });
      expect((await store.getNode(created.id))?.name).toBe(quoted);
      expect((await store.stats()).nodes).toBe(before.nodes.length + 1);
    });
  });
}
