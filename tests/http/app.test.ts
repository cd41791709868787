/** The HTTP app over the embedded store: health, queries, limits, CSRF, hostile requests, timeouts, shutdown. */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppOptions } from '../../server/src/http/index.ts';
import { openEmbeddedStore } from '../../server/src/store/embedded/embedded-store.ts';
import type { GraphStore } from '../../server/src/store/graph-store.ts';
import { openUserStore } from '../../server/src/users/open-user-store.ts';
import { buildFixtureGraph, IDS } from '../contract/fixture-graph.ts';
import {
  errorCode,
  onlyError,
  postGraphQL,
  replaceStats,
  send,
  slowStats,
  startApp,
  type RunningApp,
} from './http-harness.ts';

const dirs: string[] = [];
const apps: RunningApp[] = [];

/** Starts an app over a fresh embedded store holding the fixture graph; `wrap` may decorate the store. */
async function start(
  options: Partial<Omit<AppOptions, 'store' | 'users'>> = {},
  wrap: (store: GraphStore) => GraphStore = (store) => store,
): Promise<RunningApp & { editor: string; reader: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-http-'));
  dirs.push(dir);
  const store = await openEmbeddedStore({ dataDir: dir });
  await buildFixtureGraph(store);
  const users = await openUserStore({ kind: 'embedded', dataDir: dir });
  const editor = (await users.addUser('ed', 'editor')).token;
  const reader = (await users.addUser('rita', 'reader')).token;
  const running = await startApp(wrap(store), users, options);
  apps.push(running);
  return { ...running, editor, reader };
}

afterEach(async () => {
  for (const running of apps.splice(0)) await running.app.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const JSON_HEADERS = { 'content-type': 'application/json' };

/** Sends bytes as they are (fetch would normalise a malformed request) and returns the raw answer. */
function rawRequest(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.once('end', () => {
      resolve(answer);
    });
    socket.once('error', reject);
  });
}

describe('serving', () => {
  it('answers /healthz with the store kind, counts and version', async () => {
    const { url } = await start();
    const response = await send(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      ok: true,
      store: 'embedded',
      nodes: 11,
      claims: 10,
      version: '0.0.0-test',
      certaintyRules: 3,
      responseCache: { entries: 0, bytes: 0, maxBytes: 64 * 1024 * 1024, hits: 0, misses: 0 },
    });
  });

  it('answers a query over POST and over GET (with a CSRF-safe header)', async () => {
    const { url } = await start();
    const posted = await postGraphQL(url, 'query Count { stats { nodes claims } }');
    expect(posted).toMatchObject({ status: 200, body: { data: { stats: { nodes: 11, claims: 10 } } } });
    const query = encodeURIComponent(`{ node(id: "${IDS.myalgia}") { id } }`);
    const got = await send(`${url}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(got).toMatchObject({ status: 200, body: { data: { node: { id: IDS.myalgia } } } });
  });

  it('serves a placeholder page at / without a built explorer, and the build when there is one', async () => {
    const { url } = await start({ webDir: null });
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('href="/graphql"');
    expect((await fetch(`${url}/nothing-here.js`)).status).toBe(404);

    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-web-'));
    dirs.push(outside);
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'not for the web');
    const webDir = path.join(outside, 'dist');
    fs.mkdirSync(path.join(webDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>explorer</title>');
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1234.js'), 'console.log(1);');
    const built = await start({ webDir });
    expect(await (await fetch(`${built.url}/`)).text()).toContain('explorer');
    const asset = await fetch(`${built.url}/assets/app-1234.js`);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // An explorer route without an extension gets the app; escapes from webDir get nothing.
    expect(await (await fetch(`${built.url}/theory/central-sensitization`)).text()).toContain('explorer');
    expect((await fetch(`${built.url}/..%2fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${built.url}/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${built.url}/assets/missing.js`)).status).toBe(404);
    // A page of its own is served by its name without the extension (the GraphQL IDE).
    fs.writeFileSync(path.join(webDir, 'graphiql.html'), '<!doctype html><title>ide</title>');
    expect(await (await fetch(`${built.url}/graphiql`)).text()).toContain('ide');
  });

  it('sends a browser opening /graphql to the GraphQL IDE, and still answers queries there', async () => {
    const { url } = await start();
    const visit = await fetch(`${url}/graphql`, { headers: { accept: 'text/html,*/*' }, redirect: 'manual' });
    expect(visit.status).toBe(302);
    expect(visit.headers.get('location')).toBe('/graphiql');
    // A GET with a query, even from a browser, is an API call; so is every POST.
    const query = encodeURIComponent('{ stats { nodes } }');
    const got = await send(`${url}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true', accept: 'text/html,application/json' },
    });
    expect(got).toMatchObject({ status: 200, body: { data: { stats: { nodes: 11 } } } });
    const posted = await postGraphQL(url, '{ stats { nodes } }');
    expect(posted.status).toBe(200);
  });

  it('sends the explorer’s text files gzipped to clients that accept it, images as they are', async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-web-'));
    dirs.push(webDir);
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>explorer</title>');
    const script = 'export const theory = "central sensitization";\n'.repeat(200);
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1234.js'), script);
    fs.writeFileSync(path.join(webDir, 'assets', 'logo.png'), Buffer.alloc(4096, 7));
    const { url } = await start({ webDir });
    const get = (file: string, acceptEncoding: string | null) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const headers = acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding };
        http
          .get(`${url}${file}`, { headers }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.once('end', () => {
              resolve({ headers: response.headers, body: Buffer.concat(chunks) });
            });
          })
          .once('error', reject);
      });

    const zipped = await get('/assets/app-1234.js', 'gzip, br');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['vary']).toBe('accept-encoding');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(zipped.body.length).toBeLessThan(script.length / 10);
    expect(zlib.gunzipSync(zipped.body).toString()).toBe(script);
    const plain = await get('/assets/app-1234.js', null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    const image = await get('/assets/logo.png', 'gzip');
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.length).toBe(4096);
    // A rebuilt file is compressed afresh, not served from the copy of the old one.
    const rebuilt = `${script}export const version = 2;\n`;
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1234.js'), rebuilt);
    fs.utimesSync(path.join(webDir, 'assets', 'app-1234.js'), new Date(), new Date(Date.now() + 5000));
    expect(zlib.gunzipSync((await get('/assets/app-1234.js', 'gzip')).body).toString()).toBe(rebuilt);
  });

  it('answers /healthz with 503 when the store fails', async () => {
    const broken = (store: GraphStore) =>
      replaceStats(store, () => Promise.reject(new Error('disk on fire')));
    const { url } = await start({}, broken);
    const response = await send(`${url}/healthz`);
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ ok: false, store: 'embedded' });
    expect(JSON.stringify(response.body)).not.toContain('disk on fire');
  });

  it('answers /healthz with 503 within its bound when the store hangs, asking the store once for concurrent checks', async () => {
    let asked = 0;
    const hanging = (store: GraphStore) =>
      replaceStats(store, () => {
        asked += 1;
        return new Promise(() => undefined);
      });
    const { url } = await start({ limits: { healthTimeoutMs: 200 } }, hanging);
    const answers = await Promise.all(Array.from({ length: 20 }, () => send(`${url}/healthz`)));
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 20 }, () => 503));
    expect(asked).toBe(1);
    // The next check asks again (a failed answer is not kept).
    expect((await send(`${url}/healthz`)).status).toBe(503);
    expect(asked).toBe(2);
  });

  it('sends the explorer with a Content-Security-Policy that forbids framing and foreign scripts', async () => {
    const { url } = await start();
    const page = await fetch(`${url}/`);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('creates the graph file readable by its owner only', async () => {
    const { store } = await start();
    expect(store.kind).toBe('embedded');
    const dir = dirs.at(-1) ?? '';
    expect(fs.statSync(path.join(dir, 'fibrograph.sqlite')).mode & 0o777).toBe(0o600);
  });

  it('answers unknown methods with 405', async () => {
    const { url } = await start();
    expect((await send(`${url}/graphql`, { method: 'PUT', body: '{}' })).status).toBe(405);
    expect((await send(`${url}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});

describe('sign-in settings', () => {
  it('with FIBROGRAPH_REQUIRE_AUTH_FOR_READS, refuses anonymous reads and accepts a reader', async () => {
    const { url, reader } = await start({ requireAuthForReads: true });
    const anonymous = await postGraphQL(url, '{ stats { nodes } }');
    expect(anonymous.status).toBe(401);
    expect(errorCode(anonymous.body)).toBe('UNAUTHENTICATED');
    const signedIn = await postGraphQL(url, '{ stats { nodes } }', { token: reader });
    expect(signedIn).toMatchObject({ status: 200, body: { data: { stats: { nodes: 11 } } } });
  });

  it('answers 503, not 401, when sign-in storage fails', async () => {
    const { url, users, editor } = await start();
    await users.close();
    const response = await postGraphQL(url, '{ stats { nodes } }', { token: editor });
    expect(response.status).toBe(503);
    expect(errorCode(response.body)).toBe('SERVICE_UNAVAILABLE');
  });

  it('rate-limits mutations per viewer with 429 and Retry-After', async () => {
    const { url, editor } = await start({ limits: { mutationsPerMinute: 3 } });
    const mutation = 'mutation { deleteNode(id: "symptom:nothing", expectedVersion: 1) }';
    for (let i = 0; i < 3; i += 1) {
      const allowed = await postGraphQL(url, mutation, { token: editor });
      expect(errorCode(allowed.body)).toBe('NOT_FOUND');
    }
    const limited = await postGraphQL(url, mutation, { token: editor });
    expect(limited.status).toBe(429);
    expect(onlyError(limited.body).extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Reads are not limited.
    expect((await postGraphQL(url, '{ stats { nodes } }', { token: editor })).status).toBe(200);
  });
});

describe('limits', () => {
  it('refuses a body over 256 KB with 413 and a JSON error', async () => {
    const { url } = await start();
    const big = 'x'.repeat(300 * 1024);
    const response = await send(`${url}/graphql`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ query: '{ stats { nodes } }', variables: { big } }),
    });
    expect(response.status).toBe(413);
    expect(errorCode(response.body)).toBe('PAYLOAD_TOO_LARGE');
    expect(onlyError(response.body).message).toContain('262144 bytes');
  });

  it('refuses a query nested deeper than 12 with 400 naming the limit', async () => {
    const { url } = await start();
    let selection = '{ id }';
    for (let i = 0; i < 6; i += 1) selection = `{ claims { from ${selection} } }`;
    const response = await postGraphQL(url, `{ node(id: "${IDS.myalgia}") ${selection} }`);
    expect(response.status).toBe(400);
    const error = onlyError(response.body);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'depth', max: 12, actual: 14 });
    expect(error.message).toContain('maximum depth is 12');
  });

  it('refuses a query whose estimated size is over 60,000 with 400 naming the limit', async () => {
    const { url } = await start();
    const query = '{ theories { claims { from { claims { evidence { source { id name } } } } } } }';
    const response = await postGraphQL(url, query);
    expect(response.status).toBe(400);
    const error = onlyError(response.body);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'cost', max: 60_000 });
    expect(error.message).toContain('maximum cost is 60000');
    // The same shape, paged small, is fine: `first` counts, from a literal or a variable.
    const paged = await postGraphQL(
      url,
      'query ($n: Int) { contested(first: $n) { id evidence { level } } }',
      {
        variables: { n: 5 },
      },
    );
    expect(paged.status).toBe(200);
    const wide = await postGraphQL(
      url,
      'query ($n: Int) { contested(first: $n) { from { claims { from { claims { id } } } } } }',
      {
        variables: { n: 500 },
      },
    );
    expect(onlyError(wide.body).extensions).toMatchObject({ limit: 'cost' });
  });

  it('refuses more than 30 aliases or 30 root fields with 400', async () => {
    const { url } = await start();
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: nodes`).join(' ');
    const aliased = await postGraphQL(url, `{ stats { ${aliases} } }`);
    expect(aliased.status).toBe(400);
    expect(onlyError(aliased.body).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'aliases',
      max: 30,
    });
    const roots = await postGraphQL(url, `{ ${'stats { nodes } '.repeat(31)}}`);
    expect(roots.status).toBe(400);
    expect(onlyError(roots.body).extensions).toMatchObject({ limit: 'rootFields', max: 30, actual: 31 });
  });

  it('refuses batched (array) requests', async () => {
    const { url } = await start();
    const response = await send(`${url}/graphql`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify([{ query: '{ stats { nodes } }' }, { query: '{ stats { claims } }' }]),
    });
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
  });

  it('gives up on a request that runs past the timeout with 503', async () => {
    const { url } = await start({ limits: { timeoutMs: 100 } }, (store) => slowStats(store, 400));
    const response = await postGraphQL(url, '{ stats { nodes } }');
    expect(response.status).toBe(503);
    expect(onlyError(response.body).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' });
  });
});

describe('CSRF prevention and introspection', () => {
  it('rejects a GET mutation and a text/plain POST without executing them', async () => {
    const { url, editor } = await start();
    const mutation = `mutation { updateNode(id: "${IDS.myalgia}", expectedVersion: 1, patch: { summary: "csrf" }) { id } }`;
    const auth = { authorization: `Bearer ${editor}` };
    const simpleGet = await send(`${url}/graphql?query=${encodeURIComponent(mutation)}`, { headers: auth });
    expect(simpleGet.status).toBe(400);
    expect(onlyError(simpleGet.body).message).toContain('Cross-Site Request Forgery');
    const preflightedGet = await send(`${url}/graphql?query=${encodeURIComponent(mutation)}`, {
      headers: { ...auth, 'apollo-require-preflight': 'true' },
    });
    expect(preflightedGet.status).toBe(405);
    const textPost = await send(`${url}/graphql`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: mutation }),
    });
    expect(textPost.status).toBe(400);
    expect(onlyError(textPost.body).message).toContain('Cross-Site Request Forgery');
    const node = await postGraphQL(url, `{ node(id: "${IDS.myalgia}") { version } }`);
    expect(node.body.data).toEqual({ node: { version: 1 } });
  });

  it('answers introspection by default and refuses it when switched off', async () => {
    const query = '{ __schema { queryType { name } } }';
    const on = await start();
    expect((await postGraphQL(on.url, query)).body.data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
    const off = await start({ introspection: false });
    const refused = await postGraphQL(off.url, query);
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('hostile requests get a clean 4xx', () => {
  it('invalid JSON, a wrong content type, a bad charset, a non-string query, huge variables', async () => {
    const { url } = await start();
    const post = (headers: Record<string, string>, body: string) =>
      send(`${url}/graphql`, { method: 'POST', headers, body });
    const invalid = await post(JSON_HEADERS, '{"query": "{ stats { nodes } }"');
    expect([invalid.status, errorCode(invalid.body)]).toEqual([400, 'BAD_REQUEST']);
    const xml = await post({ 'content-type': 'application/xml' }, '<query/>');
    expect(xml.status).toBe(400);
    const charset = await post({ 'content-type': 'application/json; charset=latin1' }, '{}');
    expect(charset.status).toBe(415);
    const notString = await post(JSON_HEADERS, JSON.stringify({ query: { not: 'a string' } }));
    expect(notString.status).toBe(400);
    const empty = await post(JSON_HEADERS, '');
    expect(empty.status).toBe(400);
    const syntax = await post(JSON_HEADERS, JSON.stringify({ query: '{ stats { nodes ' }));
    expect([syntax.status, errorCode(syntax.body)]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
    const huge = await post(
      JSON_HEADERS,
      JSON.stringify({
        query: '{ stats { nodes } }',
        variables: { v: Array.from({ length: 60_000 }, () => 'xx') },
      }),
    );
    expect([huge.status, errorCode(huge.body)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const malformed = await rawRequest(url, 'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(malformed).toMatch(/^HTTP\/1\.1 400 /);
    expect(malformed).toContain('BAD_REQUEST');
    // No stack traces outside development.
    for (const response of [invalid, syntax, notString])
      expect(JSON.stringify(response.body)).not.toContain('stacktrace');
  });
});

describe('shutdown', () => {
  it('finishes a request in flight, then refuses new connections and closes the stores', async () => {
    const running = await start({}, (store) => slowStats(store, 300));
    const inFlight = postGraphQL(running.url, '{ stats { nodes } }');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = running.app.close();
    expect(running.app.state.phase).toBe('stopping');
    const response = await inFlight;
    expect(response).toMatchObject({ status: 200, body: { data: { stats: { nodes: 11 } } } });
    await closed;
    expect(running.app.state.phase).toBe('stopped');
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
    await expect(running.users.listUsers()).rejects.toThrow();
  });
});
