/**
 * The composition root for storage: the one file that knows both adapters and picks one from
 * configuration. `NEO4J_URI` selects Neo4j; otherwise the embedded store in FIBROGRAPH_DATA_DIR.
 */
import path from 'node:path';
import type { GraphStore } from './graph-store.ts';

/** Where the graph lives. */
export type StoreConfig =
  | { readonly kind: 'embedded'; readonly dataDir: string }
  | {
      readonly kind: 'neo4j';
      readonly uri: string;
      readonly username: string;
      readonly password: string;
      readonly database: string;
    };

/** Reads the store configuration from environment variables. */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const uri = env['NEO4J_URI']?.trim();
  if (uri) {
    return {
      kind: 'neo4j',
      uri,
      username: env['NEO4J_USERNAME'] ?? 'neo4j',
      password: env['NEO4J_PASSWORD'] ?? '',
      database: env['NEO4J_DATABASE'] ?? 'neo4j',
    };
  }
  return { kind: 'embedded', dataDir: path.resolve(env['FIBROGRAPH_DATA_DIR'] ?? 'data') };
}

/** A one-line description for logs and CLI output (never includes the password). */
export function describeStoreConfig(config: StoreConfig): string {
  return config.kind === 'embedded'
    ? `embedded store in ${config.dataDir}`
    : `Neo4j at ${config.uri} (database "${config.database}")`;
}

/** Opens the configured store. Adapters are loaded lazily so the embedded path never loads the driver. */
export async function openStore(config: StoreConfig): Promise<GraphStore> {
  switch (config.kind) {
    case 'embedded': {
      const { openEmbeddedStore } = await import('./embedded/embedded-store.ts');
      return openEmbeddedStore({ dataDir: config.dataDir });
    }
    case 'neo4j': {
      const { openNeo4jStore } = await import('./neo4j/neo4j-store.ts');
      return openNeo4jStore(config);
    }
  }
}
