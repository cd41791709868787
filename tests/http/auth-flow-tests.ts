/**
 * The sign-in and edit flow over HTTP, run against each store by a factory: anonymous, reader,
 * editor and invalid tokens, the editor's change in `history` under their name, revocation from
 * another process applying to the very next request, and a flood of wrong secrets throttled.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../server/src/store/graph-store.ts';
import type { UserStore } from '../../server/src/users/user-store.ts';
import { buildFixtureGraph, IDS } from '../contract/fixture-graph.ts';
import { errorCode, postGraphQL, startApp, type RunningApp } from './http-harness.ts';

/** Opens a fresh, empty pair of stores; `dispose` removes what they left behind. */
export interface StoresHarness {
  open(): Promise<{ store: GraphStore; users: UserStore }>;
  /** Another user store over the same storage, as the CLI in another process opens it. */
  openOtherUsers(): Promise<UserStore>;
  dispose(): Promise<void>;
}

const UPDATE = `mutation Rename($id: ID!) {
  updateNode(id: $id, expectedVersion: 1, patch: { summary: "Widespread muscle pain, edited over HTTP." }) { id version summary }
}`;
const UPDATE_AGAIN = `mutation Rename($id: ID!) {
  updateNode(id: $id, expectedVersion: 1, patch: { summary: "Edited before the revocation." }) { id version }
}`;
const HISTORY = `query History($id: ID!) { history(targetId: $id, first: 5) { nodes { actor action targetId } } }`;

/** Registers the flow for one store; a null harness registers it as skipped. */
export function describeAuthFlow(name: string, harness: (() => StoresHarness) | null): void {
  describe.skipIf(harness === null)(`HTTP sign-in and edits: ${name}`, () => {
    let current: StoresHarness;
    let running: RunningApp | null = null;
    let tokens: { reader: string; editor: string } = { reader: '', editor: '' };

    beforeEach(async () => {
      if (harness === null) throw new Error('unreachable: the suite is skipped without a harness');
      current = harness();
      const { store, users } = await current.open();
      await buildFixtureGraph(store);
      tokens = {
        reader: (await users.addUser('rita', 'reader')).token,
        editor: (await users.addUser('ed', 'editor')).token,
      };
      running = await startApp(store, users);
    });
    afterEach(async () => {
      await running?.app.close();
      running = null;
      await current.dispose();
    });
    const url = () => {
      if (running === null) throw new Error('no app outside a test');
      return running.url;
    };

    it('lets anyone read', async () => {
      const response = await postGraphQL(url(), `{ node(id: "${IDS.myalgia}") { id name } }`);
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual({ node: { id: IDS.myalgia, name: 'Myalgia' } });
    });

    it('refuses a mutation without a token with 401 UNAUTHENTICATED, and a reader with 403 FORBIDDEN', async () => {
      const anonymous = await postGraphQL(url(), UPDATE, { variables: { id: IDS.myalgia } });
      expect(anonymous.status).toBe(401);
      expect(errorCode(anonymous.body)).toBe('UNAUTHENTICATED');
      const reader = await postGraphQL(url(), UPDATE, {
        variables: { id: IDS.myalgia },
        token: tokens.reader,
      });
      expect(reader.status).toBe(403);
      expect(errorCode(reader.body)).toBe('FORBIDDEN');
      const node = await postGraphQL(url(), `{ node(id: "${IDS.myalgia}") { version } }`);
      expect(node.body.data).toEqual({ node: { version: 1 } });
    });

    it("applies an editor's mutation and records it in history under the editor's name", async () => {
      const edited = await postGraphQL(url(), UPDATE, {
        variables: { id: IDS.myalgia },
        token: tokens.editor,
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toEqual({
        data: {
          updateNode: { id: IDS.myalgia, version: 2, summary: 'Widespread muscle pain, edited over HTTP.' },
        },
      });
      const history = await postGraphQL(url(), HISTORY, { variables: { id: IDS.myalgia } });
      const nodes = (history.body.data as { history: { nodes: { actor: string; action: string }[] } }).history
        .nodes;
      expect(nodes[0]).toEqual({ actor: 'ed', action: 'UPDATE', targetId: IDS.myalgia });
    });

    it('refuses an invalid or malformed token with 401 even for reads, never as anonymous', async () => {
      for (const authorization of [
        `Bearer ${tokens.editor.slice(0, -2)}xx`,
        'Bearer fg_0000000000000000_nope',
        'Bearer',
        `Basic ${Buffer.from('ed:secret').toString('base64')}`,
        tokens.editor,
      ]) {
        const response = await postGraphQL(url(), '{ stats { nodes } }', { headers: { authorization } });
        expect(response.status, authorization).toBe(401);
        expect(errorCode(response.body), authorization).toBe('UNAUTHENTICATED');
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
      }
    });

    it('refuses a token revoked by another process on the very next request, though it was cached', async () => {
      const write = () =>
        postGraphQL(url(), UPDATE_AGAIN, { variables: { id: IDS.myalgia }, token: tokens.editor });
      expect((await write()).status).toBe(200);
      // The token is now verified and cached in the server; another process revokes it.
      const other = await current.openOtherUsers();
      try {
        await other.revokeUser('ed');
      } finally {
        await other.close();
      }
      const refused = await write();
      expect(refused.status).toBe(401);
      expect(errorCode(refused.body)).toBe('UNAUTHENTICATED');
      const history = await postGraphQL(url(), HISTORY, { variables: { id: IDS.myalgia } });
      const entries = (history.body.data?.['history'] as { nodes: { actor: string }[] }).nodes;
      expect(entries.filter((entry) => entry.actor === 'ed')).toHaveLength(1);
    });

    it('throttles a flood of wrong secrets for one token id while signed-in and anonymous clients carry on', async () => {
      // Signed in (and so cached) before the flood.
      expect((await postGraphQL(url(), '{ viewer { name } }', { token: tokens.editor })).status).toBe(200);
      const tokenId = tokens.editor.slice(3, 19);
      const wrong = (i: number) => `fg_${tokenId}_${'x'.repeat(40)}${String(i).padStart(3, '0')}`;
      const flood = Array.from({ length: 200 }, (_, i) =>
        postGraphQL(url(), '{ stats { nodes } }', { token: wrong(i) }),
      );
      const [viewer, anonymous] = await Promise.all([
        postGraphQL(url(), '{ viewer { name } }', { token: tokens.editor }),
        postGraphQL(url(), '{ stats { nodes } }'),
      ]);
      const answers = await Promise.all(flood);
      expect(viewer.status).toBe(200);
      expect(viewer.body.data).toEqual({ viewer: { name: 'ed' } });
      expect(anonymous.status).toBe(200);
      const statuses = answers.map((response) => response.status);
      // Only the first few wrong secrets were checked (401); the rest were refused unchecked (429).
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(10);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(190);
      expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
      const throttled = answers.find((response) => response.status === 429);
      expect(errorCode(throttled?.body ?? {})).toBe('RATE_LIMITED');
      expect(Number(throttled?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // The real token still works: it never needed a secret check again.
      expect((await postGraphQL(url(), '{ viewer { name } }', { token: tokens.editor })).status).toBe(200);
    });
  });
}
