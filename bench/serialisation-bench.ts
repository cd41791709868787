/**
 * `npm run bench:serialisation`: how long one depth-2 neighbourhood answer takes to become JSON, with
 * `JSON.stringify` (what Apollo Server uses) and with graphql-jit's schema-compiled `stringify`, on
 * the answers the API benchmark asks for (10k synthetic graph, embedded store, the explorer-like query
 * of api-load.ts). Checks that both give the same text. Figures, not tests. See bench/README.md.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createContext } from '../server/src/graphql/context.ts';
import { resolvers } from '../server/src/graphql/resolvers/index.ts';
import { loadTypeDefs } from '../server/src/graphql/schema-files.ts';
import { openStore } from '../server/src/store/open-store.ts';
import { NEIGHBOURHOOD } from './api-load.ts';
import { benchTargets } from './bench-targets.ts';
import { syntheticGraph } from './synthetic-graph.ts';

const ANSWERS = 500;
const ROUNDS = 7;

async function main(): Promise<void> {
  const snapshot = syntheticGraph({ nodes: 10_000 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-serialisation-'));
  const store = await openStore({ kind: 'embedded', dataDir });
  try {
    await store.importGraph(snapshot, { actor: 'bench' }, { mode: 'restore' });
    const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
    const compiled = compileQuery(schema, parse(NEIGHBOURHOOD), 'Neighbourhood');
    if (!isCompiledQuery(compiled)) throw new Error('graphql-jit could not compile the neighbourhood query');
    const answers: unknown[] = [];
    for (const id of benchTargets(snapshot, ANSWERS).centres.slice(0, ANSWERS)) {
      answers.push(await compiled.query(undefined, createContext({ store }), { id }));
    }
    const texts = answers.map((answer) => JSON.stringify(answer));
    const differing = answers.filter((answer, i) => compiled.stringify(answer) !== texts[i]).length;
    const meanKb = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / texts.length / 1024;
    // As the server sends them to browsers (level 1, see server/src/http/compression.ts).
    const gzippedKb =
      texts.reduce((sum, text) => sum + zlib.gzipSync(text, { level: 1 }).length, 0) / texts.length / 1024;
    const perAnswerUs = (serialise: (answer: unknown) => string): number[] =>
      Array.from({ length: ROUNDS }, () => {
        const start = performance.now();
        for (const answer of answers) serialise(answer);
        return ((performance.now() - start) * 1000) / answers.length;
      });
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;
    const plain = median(perAnswerUs((answer) => JSON.stringify(answer)));
    const jit = median(perAnswerUs((answer) => compiled.stringify(answer)));
    process.stdout.write(
      [
        `${answers.length} depth-2 answers, 10k graph, mean ${meanKb.toFixed(1)} KB of JSON (${gzippedKb.toFixed(1)} KB gzipped)`,
        `JSON.stringify:            ${plain.toFixed(0)} µs per answer (median of ${ROUNDS} rounds)`,
        `graphql-jit stringify:     ${jit.toFixed(0)} µs per answer (${(jit / plain).toFixed(2)}× JSON.stringify)`,
        `texts differing:           ${differing}`,
        '',
      ].join('\n'),
    );
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
