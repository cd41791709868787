/**
 * The README's walk-through, step by step as a newcomer does it, on both stores: start the server
 * (what `npm start` runs), query the seeded graph at /graphql, create two editors with
 * `fibrograph user add`, propose an edit as one and approve it as the other (review is on by
 * default), and find it in history under the proposer's name with the approver's. Each step is a
 * real process or a real HTTP request.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { wipeNeo4j, type Neo4jTarget } from '../support/neo4j-target.ts';
import { REPO_ROOT, spawnServer } from '../support/spawned-server.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-newcomer-'));
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The store settings a newcomer would export, as environment variables. */
function neo4jEnv(target: Neo4jTarget): NodeJS.ProcessEnv {
  return {
    NEO4J_URI: target.uri,
    NEO4J_USERNAME: target.username,
    NEO4J_PASSWORD: target.password,
    NEO4J_DATABASE: target.database,
  };
}

async function graphql(
  url: string,
  query: string,
  token?: string,
): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

async function walkThrough(storeEnv: NodeJS.ProcessEnv, expectedStore: string): Promise<void> {
  const server = await spawnServer(storeEnv);
  try {
    // 1. The seeded graph answers at /graphql.
    const seeded = await graphql(
      server.url,
      '{ node(id: "symptom:brain-fog") { name version } stats { nodes claims } }',
    );
    expect(seeded.errors).toBeUndefined();
    expect(seeded.data?.['node']).toMatchObject({ name: expect.any(String) as unknown, version: 1 });
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as Record<string, unknown>;
    expect(health['store']).toBe(expectedStore);

    // 2. Two editor tokens from the CLI, while the server runs.
    const { NEO4J_URI: _uri, FIBROGRAPH_DATA_DIR: _dir, ...inherited } = process.env;
    const addEditor = async (name: string) => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [path.join(REPO_ROOT, 'server/bin/fibrograph.js'), 'user', 'add', name, '--role', 'editor'],
        { cwd: REPO_ROOT, env: { ...inherited, CI: 'true', ...storeEnv } },
      );
      return stdout.trim();
    };
    const newcomer = await addEditor('newcomer');
    const reviewer = await addEditor('reviewer');

    // 3. Without a token the proposal is refused; with one it waits for review.
    const propose = `mutation {
      propose(
        change: { updateNode: { id: "symptom:brain-fog", expectedVersion: 1, patch: { summary: "Edited by a newcomer." } } }
        comment: "A clearer summary."
      ) { id version status }
    }`;
    expect((await graphql(server.url, propose)).errors).toHaveLength(1);
    const proposed = await graphql(server.url, propose, newcomer);
    const proposal = proposed.data?.['propose'] as { id: string; version: number; status: string };
    expect(proposal).toMatchObject({ version: 1, status: 'OPEN' });

    // 4. The other editor approves it, and it is published.
    const approve = `mutation { approveProposal(id: "${proposal.id}", expectedVersion: 1) { status } }`;
    expect(await graphql(server.url, approve, reviewer)).toEqual({
      data: { approveProposal: { status: 'PUBLISHED' } },
    });
    const edited = await graphql(server.url, '{ node(id: "symptom:brain-fog") { version summary } }');
    expect(edited).toEqual({ data: { node: { version: 2, summary: 'Edited by a newcomer.' } } });

    // 5. History shows it, newest first, under the proposer's name with the approver's.
    const history = await graphql(
      server.url,
      '{ history(targetId: "symptom:brain-fog", first: 1) { nodes { actor action targetId review { approvedBy } } } }',
    );
    expect(history.data?.['history']).toEqual({
      nodes: [
        {
          actor: 'newcomer',
          action: 'UPDATE',
          targetId: 'symptom:brain-fog',
          review: { approvedBy: 'reviewer' },
        },
      ],
    });
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  } finally {
    server.child.kill('SIGKILL');
  }
}

describe('a newcomer, step by step', () => {
  it('embedded store: start, query, add two editors, propose, approve, see it in history', async () => {
    await walkThrough({ FIBROGRAPH_DATA_DIR: path.join(tmp, 'data') }, 'embedded');
  }, 120_000);

  const target = inject('neo4j');
  it.skipIf(target === null)(
    'Neo4j: start, query, add an editor, edit, see it in history',
    async () => {
      if (target === null) throw new Error('unreachable: skipped without Neo4j');
      await wipeNeo4j(target);
      try {
        await walkThrough(neo4jEnv(target), 'neo4j');
      } finally {
        await wipeNeo4j(target);
      }
    },
    240_000,
  );
});
