/** The per-request context every resolver receives, built in one place. */
import DataLoader from 'dataloader';
import type { GraphNode } from '../domain/model.ts';
import type { GraphStore } from '../store/graph-store.ts';

/** Who is asking: filled from a bearer token by the HTTP layer; null when nobody signed in. */
export interface Viewer {
  readonly name: string;
  readonly role: 'reader' | 'editor' | 'admin';
}

/** Per-request batching loaders, so a list of claims fetches its nodes in one store call. */
export interface Loaders {
  /** Nodes and sources by id; null for an id with no node. */
  readonly nodes: DataLoader<string, GraphNode | null>;
}

/** The context of one GraphQL request. */
export interface FibroGraphContext {
  readonly store: GraphStore;
  readonly viewer: Viewer | null;
  readonly loaders: Loaders;
}

/** Options for `createContext`. */
export interface ContextOptions {
  readonly store: GraphStore;
  readonly viewer?: Viewer | null;
}

/** Builds the context for one request; create a new one per request (the loaders cache). */
export function createContext({ store, viewer = null }: ContextOptions): FibroGraphContext {
  return {
    store,
    viewer,
    loaders: {
      nodes: new DataLoader<string, GraphNode | null>(async (ids) => {
        const found = new Map((await store.getNodes(ids)).map((node) => [node.id, node]));
        return ids.map((id) => found.get(id) ?? null);
      }),
    },
  };
}
