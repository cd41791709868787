/**
 * `npm run bench:hostile`: what each attack of the hardening issue gets now, and how long `/healthz`
 * and a gzipped `overview` take while it runs, on both stores. Each attack runs from this process
 * against the real server (server/src/main.ts in a child process on 127.0.0.1, seed graph) for a
 * few seconds at a fixed concurrency, while a prober asks `/healthz` and `overview` one after the
 * other. Then, on Neo4j only, the Neo4j JVM is killed and `/healthz` is timed.
 *
 *   npm run bench:hostile [-- --seconds 4 --store embedded|neo4j|both]
 *
 * Figures, not tests: nothing here fails on a slow answer.
 */
import { parseArgs } from 'node:util';
import { openUserStore } from '../server/src/users/open-user-store.ts';
import { latencyFigures, type LatencyFigures } from './latency.ts';
import { findNeo4j, type Neo4jServer } from './neo4j-server.ts';
import { disposeStore, prepareStore, startServer, type PreparedStore } from './api-server.ts';
import type { StoreKind } from '../server/src/store/graph-store.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    store: { type: 'string', default: 'both' },
    concurrency: { type: 'string', default: '16' },
  },
});
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const log = (line: string) => process.stderr.write(`${line}\n`);

/** n fragments, each spreading the next twice (the issue's reproduction). */
function fanOut(n: number): string {
  const fragments = Array.from(
    { length: n },
    (_, i) => `fragment F${i} on Query { stats { nodes } ${i < n - 1 ? `...F${i + 1} ...F${i + 1}` : ''} }`,
  );
  return `{ ...F0 } ${fragments.join(' ')}`;
}

interface Attack {
  readonly name: string;
  /** One hostile request; `i` varies it. */
  request(url: string, i: number, tokenId: string): Promise<Response>;
}

const json = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const ATTACKS: readonly Attack[] = [
  { name: 'none (baseline)', request: (url) => fetch(`${url}/healthz`) },
  { name: 'fragment fan-out n=30', request: (url) => json(url, { query: fanOut(30) }) },
  {
    name: 'token flood (250 KB of fields)',
    request: (url) => json(url, { query: `{ ${'stats { nodes } '.repeat(15_000)}}` }),
  },
  {
    name: 'deep nesting (10,000 brackets)',
    request: (url) => json(url, { query: `${'{ a '.repeat(10_000)}${'}'.repeat(10_000)}` }),
  },
  {
    name: 'alias flood (100 aliases)',
    request: (url) =>
      json(url, {
        query: `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: stats { nodes }`).join(' ')} }`,
      }),
  },
  {
    name: 'wrong secrets for a real token id',
    request: (url, i, tokenId) =>
      json(
        url,
        { query: '{ stats { nodes } }' },
        { authorization: `Bearer fg_${tokenId}_${String(i).padStart(43, 'x')}` },
      ),
  },
  {
    name: 'wrong secrets for random token ids',
    request: (url, i) =>
      json(
        url,
        { query: '{ stats { nodes } }' },
        { authorization: `Bearer fg_${i.toString(16).padStart(16, '0')}_${'y'.repeat(43)}` },
      ),
  },
  {
    name: 'unknown operationName',
    request: (url) => json(url, { query: 'query A { stats { nodes } }', operationName: 'B' }),
  },
  {
    name: 'body over 256 KB',
    request: (url) => json(url, { query: '{ stats { nodes } }', variables: { pad: 'x'.repeat(300 * 1024) } }),
  },
];

const OVERVIEW = JSON.stringify({
  query: '{ overview { nodes { id name kind } claims { id from { id } to { id } } } }',
});

interface AttackFigures {
  readonly attack: string;
  readonly statuses: Record<string, number>;
  readonly health: LatencyFigures;
  readonly overview: LatencyFigures;
}

async function runAttack(url: string, attack: Attack, tokenId: string): Promise<AttackFigures> {
  const ends = performance.now() + SECONDS * 1000;
  const statuses: Record<string, number> = {};
  let i = 0;
  const attacker = async () => {
    while (performance.now() < ends) {
      try {
        const response = await attack.request(url, i++, tokenId);
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      } catch {
        statuses['error'] = (statuses['error'] ?? 0) + 1;
      }
    }
  };
  const health: number[] = [];
  const overview: number[] = [];
  const prober = async () => {
    // Let the attack get going first.
    await new Promise((resolve) => setTimeout(resolve, 200));
    while (performance.now() < ends) {
      let started = performance.now();
      await (await fetch(`${url}/healthz`)).arrayBuffer();
      health.push(performance.now() - started);
      started = performance.now();
      await (
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
          body: OVERVIEW,
        })
      ).arrayBuffer();
      overview.push(performance.now() - started);
    }
  };
  await Promise.all([...Array.from({ length: CONCURRENCY }, attacker), prober()]);
  return {
    attack: attack.name,
    statuses,
    health: latencyFigures(health),
    overview: latencyFigures(overview),
  };
}

function print(store: string, rows: readonly AttackFigures[]): void {
  console.log(
    `\n## ${store}: ${CONCURRENCY} attackers for ${SECONDS} s each; /healthz and a gzipped overview probed in turn\n`,
  );
  console.log('| attack | answers | /healthz p50 / p99 / max ms | overview p50 / p99 ms |');
  console.log('|---|---|---|---|');
  for (const row of rows) {
    const answers = Object.entries(row.statuses)
      .map(([status, count]) => `${count}× ${status}`)
      .join(', ');
    const f = (value: number) => value.toFixed(1);
    console.log(
      `| ${row.attack} | ${answers} | ${f(row.health.p50)} / ${f(row.health.p99)} / ${f(row.health.max)} | ${f(row.overview.p50)} / ${f(row.overview.p99)} |`,
    );
  }
}

async function realTokenId(store: PreparedStore): Promise<string> {
  const users =
    store.kind === 'embedded'
      ? await openUserStore({ kind: 'embedded', dataDir: store.dataDir })
      : await openUserStore({ kind: 'neo4j', ...store.connection });
  try {
    return (await users.addUser('bench-editor', 'editor')).tokenId;
  } finally {
    await users.close();
  }
}

async function benchStore(kind: StoreKind, neo4j: Neo4jServer | null): Promise<void> {
  const connection = neo4j?.status === 'ready' ? { connection: neo4j.connection, allowWipe: true } : null;
  const prepared = await prepareStore(kind, { kind: 'seed' }, connection, log);
  const tokenId = await realTokenId(prepared.store);
  const server = await startServer(prepared.store);
  try {
    const rows: AttackFigures[] = [];
    for (const attack of ATTACKS) {
      log(`${kind}: ${attack.name}`);
      rows.push(await runAttack(server.url, attack, tokenId));
    }
    print(kind, rows);
    if (kind === 'neo4j' && neo4j?.status === 'ready' && neo4j.pid !== null) {
      process.kill(neo4j.pid, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const samples: { status: number; ms: number }[] = [];
      for (let k = 0; k < 5; k += 1) {
        const started = performance.now();
        const response = await fetch(`${server.url}/healthz`);
        await response.arrayBuffer();
        samples.push({ status: response.status, ms: performance.now() - started });
      }
      console.log(
        `\nNeo4j JVM killed: /healthz answered ${samples.map((s) => `${s.status} in ${s.ms.toFixed(0)} ms`).join(', ')}`,
      );
    }
  } finally {
    await server.stop();
    if (kind === 'embedded') await disposeStore(prepared.store);
  }
}

const stores: StoreKind[] = values.store === 'both' ? ['embedded', 'neo4j'] : [values.store as StoreKind];
for (const kind of stores) {
  if (kind === 'embedded') {
    await benchStore('embedded', null);
    continue;
  }
  const neo4j = await findNeo4j({ heapMb: 1024, pageCacheMb: 256 });
  if (neo4j.status !== 'ready') {
    console.log(`\n## neo4j: skipped (${neo4j.reason})`);
    continue;
  }
  try {
    await benchStore('neo4j', neo4j);
  } finally {
    await neo4j.stop().catch(() => undefined);
  }
}
