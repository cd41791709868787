/** Opens the store the environment configures, says which on stderr, and always closes it. */
import type { GraphStore } from '../store/graph-store.ts';
import { describeStoreConfig, openStore, storeConfigFromEnv } from '../store/open-store.ts';
import type { CliIo } from './cli-io.ts';

/** Runs `work` with the configured store (NEO4J_URI selects Neo4j, else the embedded store in FIBROGRAPH_DATA_DIR). */
export async function withStore<T>(io: CliIo, work: (store: GraphStore) => Promise<T>): Promise<T> {
  const config = storeConfigFromEnv(io.env);
  io.err(`using ${describeStoreConfig(config)}\n`);
  const store = await openStore(config);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
