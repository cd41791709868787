/**
 * The response cache and gzip over real HTTP: repeated reads are answered from the cache, a write
 * makes every earlier answer stale, only clean queries are kept, and gzip round-trips.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppOptions, LogLine } from '../../server/src/http/index.ts';
import { openEmbeddedStore } from '../../server/src/store/embedded/embedded-store.ts';
import type { GraphStore } from '../../server/src/store/graph-store.ts';
import { openUserStore } from '../../server/src/users/open-user-store.ts';
import { buildFixtureGraph, IDS } from '../contract/fixture-graph.ts';
import { postGraphQL, send, startApp, type RunningApp } from './http-harness.ts';

const dirs: string[] = [];
const apps: RunningApp[] = [];

/** An app over the fixture graph that records its log lines; `wrap` may decorate the store. */
async function start(
  options: Partial<Omit<AppOptions, 'store' | 'users'>> = {},
  wrap: (store: GraphStore) => GraphStore = (store) => store,
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-cache-'));
  dirs.push(dir);
  const store = await openEmbeddedStore({ dataDir: dir });
  await buildFixtureGraph(store);
  const users = await openUserStore({ kind: 'embedded', dataDir: dir });
  const editor = (await users.addUser('ed', 'editor')).token;
  const lines: LogLine[] = [];
  const running = await startApp(wrap(store), users, { ...options, log: (line) => lines.push(line) });
  apps.push(running);
  const graphqlLines = () => lines.filter((line) => line.msg === 'request' && line['path'] === '/graphql');
  /** The `cache` field of the /graphql request log lines so far, in order. */
  const cacheLog = () => graphqlLines().map((line) => line['cache']);
  return { ...running, editor, cacheLog, graphqlLines };
}

afterEach(async () => {
  for (const running of apps.splice(0)) await running.app.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const SUMMARY = `query Summary($id: ID!) { node(id: $id) { id summary version } }`;
const NEIGHBOURHOOD = `query Around($id: ID!) {
  neighborhood(id: $id, depth: 2) { nodes { id name summary } claims { id relation evidence { quote note } } }
}`;

/** The /healthz cache figures. */
async function cacheStats(url: string) {
  const health = await send(`${url}/healthz`);
  return health.body['responseCache'] as { hits: number; misses: number; entries: number } | null;
}

/** A raw POST that sends exactly the given Accept-Encoding and returns the undecoded body. */
function rawPost(url: string, body: string, acceptEncoding: string | null) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (acceptEncoding !== null) headers['accept-encoding'] = acceptEncoding;
      const request = http.request(`${url}/graphql`, { method: 'POST', headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          });
        });
        response.once('error', reject);
      });
      request.once('error', reject);
      request.end(body);
    },
  );
}

describe('response cache', () => {
  it('answers a repeated query from the cache with the same body', async () => {
    const { url, cacheLog, graphqlLines } = await start();
    const first = await postGraphQL(url, NEIGHBOURHOOD, { variables: { id: IDS.myalgia } });
    const second = await postGraphQL(url, NEIGHBOURHOOD, { variables: { id: IDS.myalgia } });
    expect(first.status).toBe(200);
    expect((first.body.data?.['neighborhood'] as { nodes: unknown[] }).nodes.length).toBeGreaterThan(3);
    expect(second.body).toEqual(first.body);
    expect(cacheLog()).toEqual(['miss', 'hit']);
    expect(graphqlLines().map((line) => line['operationName'])).toEqual(['Around', 'Around']);
    expect(await cacheStats(url)).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });

  it('never serves an answer from before a write', async () => {
    const { url, editor } = await start();
    const before = await postGraphQL(url, SUMMARY, { variables: { id: IDS.myalgia } });
    await postGraphQL(url, SUMMARY, { variables: { id: IDS.myalgia } });
    const node = before.body.data?.['node'] as { summary: string; version: number };
    const update = await postGraphQL(
      url,
      `mutation ($id: ID!, $v: Int!) { updateNode(id: $id, expectedVersion: $v, patch: { summary: "Pain felt in the muscles, revised." }) { version } }`,
      { variables: { id: IDS.myalgia, v: node.version }, token: editor },
    );
    expect(update.body.errors).toBeUndefined();
    const after = await postGraphQL(url, SUMMARY, { variables: { id: IDS.myalgia } });
    expect(after.body.data?.['node']).toMatchObject({
      summary: 'Pain felt in the muscles, revised.',
      version: node.version + 1,
    });
  });

  it('keeps neither mutations nor answers with errors', async () => {
    const { url, editor, cacheLog } = await start();
    const missing = { variables: { id: 'symptom:no-such-thing' } };
    await postGraphQL(url, `query ($id: ID!) { neighborhood(id: $id) { truncated } }`, missing);
    await postGraphQL(url, `query ($id: ID!) { neighborhood(id: $id) { truncated } }`, missing);
    const create = `mutation { createNode(input: { kind: SYMPTOM, name: "Cached twice?", summary: "A test symptom." }) { id } }`;
    const first = await postGraphQL(url, create, { token: editor });
    const second = await postGraphQL(url, create, { token: editor });
    expect(first.body.errors).toBeUndefined();
    // Had the mutation's answer been reused, the second create would have "succeeded" again.
    expect(second.body.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(cacheLog()).toEqual(['miss', 'miss', 'miss', 'miss']);
    expect(await cacheStats(url)).toMatchObject({ hits: 0, entries: 0 });
  });

  it('keeps answers apart per viewer', async () => {
    const { url, editor } = await start();
    const anonymous = await postGraphQL(url, '{ viewer { name } }');
    const signedIn = await postGraphQL(url, '{ viewer { name } }', { token: editor });
    expect(anonymous.body.data?.['viewer']).toBeNull();
    expect(signedIn.body.data?.['viewer']).toEqual({ name: 'ed' });
  });

  it('is off when its size is 0, and for stores without a revision', async () => {
    const off = await start({ responseCacheMb: 0 });
    expect(await cacheStats(off.url)).toBeNull();
    const noRevision = (store: GraphStore): GraphStore =>
      new Proxy(store, {
        get(target, property) {
          if (property === 'revision') return () => Promise.resolve(null);
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
        },
      });
    const unvouched = await start({}, noRevision);
    await postGraphQL(unvouched.url, SUMMARY, { variables: { id: IDS.myalgia } });
    await postGraphQL(unvouched.url, SUMMARY, { variables: { id: IDS.myalgia } });
    // The cache is there, but nothing is filed in it without a revision to file it under.
    expect(await cacheStats(unvouched.url)).toMatchObject({ hits: 0, misses: 0, entries: 0 });
    expect(unvouched.cacheLog()).toEqual([undefined, undefined]);
  });
});

describe('gzip', () => {
  const body = JSON.stringify({ query: NEIGHBOURHOOD, variables: { id: IDS.myalgia } });

  it('compresses large answers for clients that accept gzip, to the same JSON', async () => {
    const { url } = await start();
    const plain = await rawPost(url, body, null);
    const gzipped = await rawPost(url, body, 'br;q=1, gzip;q=0.8');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThanOrEqual(1024);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['vary']).toMatch(/accept-encoding/i);
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.length);
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(zlib.gunzipSync(gzipped.body).toString('utf8')).toBe(plain.body.toString('utf8'));
    // A cached gzip answer is never sent to a client that did not ask for gzip.
    const plainAgain = await rawPost(url, body, 'identity');
    expect(plainAgain.headers['content-encoding']).toBeUndefined();
    expect(plainAgain.body.equals(plain.body)).toBe(true);
  });

  it('sends small answers and refused codings as they are', async () => {
    const { url } = await start();
    const small = await rawPost(url, JSON.stringify({ query: '{ stats { nodes } }' }), 'gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    const refused = await rawPost(url, body, 'gzip;q=0, *;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body.toString('utf8'))).toHaveProperty('data.neighborhood');
  });
});
