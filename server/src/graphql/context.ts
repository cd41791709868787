/** The per-request context every resolver receives, built in one place. */
import DataLoader from 'dataloader';
import type { GraphNode } from '../domain/model.ts';
import { ReviewService } from '../review/review-service.ts';
import type { Release } from '../review/review-model.ts';
import type { GraphStore } from '../store/graph-store.ts';

/** Who is asking: filled from a bearer token by the HTTP layer; null when nobody signed in. */
export interface Viewer {
  readonly name: string;
  readonly role: 'reader' | 'editor' | 'admin';
}

/**
 * Per-request node reads. `known` holds every node this request has already seen (in a subgraph,
 * a path or a batch load), so a claim's `from`/`to` resolve synchronously from it: a depth-2
 * neighbourhood has hundreds of claims, and a promise per claim end dominated its execution time.
 * `nodes` batches the rest into one store call per tick.
 */
export interface Loaders {
  /** Nodes and sources by id; null for an id with no node. */
  readonly nodes: DataLoader<string, GraphNode | null>;
  readonly known: Map<string, GraphNode>;
  /** Forgets everything read so far; mutations call it so later fields see the change. */
  clear(): void;
}

/** How changes reach the graph: through review by a second editor, or directly (single curator). */
export type ReviewPolicy = 'required' | 'off';

/** The context of one GraphQL request. */
export interface FibroGraphContext {
  /** The graph this request reads: the live one, or a release's frozen copy (`?release=N`). */
  readonly store: GraphStore;
  /** The live graph, whatever release is read: proposals, reports, releases and writes go here. */
  readonly liveStore: GraphStore;
  /** The release being read, or null for the live graph. */
  readonly release: Release | null;
  readonly review: ReviewService;
  readonly reviewPolicy: ReviewPolicy;
  /** The client's address, for limits on what anonymous readers may do (reports). */
  readonly clientAddress: string;
  readonly viewer: Viewer | null;
  readonly loaders: Loaders;
  /**
   * One object per request, for keying per-request notes (WeakMap). Apollo hands resolvers and
   * plugins a shallow copy of the context, not the object the HTTP layer made, but the copy shares
   * this member.
   */
  readonly request: object;
}

/** Options for `createContext`. */
export interface ContextOptions {
  /** The live graph. */
  readonly store: GraphStore;
  readonly viewer?: Viewer | null;
  /** Read a release instead of the live graph. */
  readonly reading?: { readonly release: Release; readonly store: GraphStore } | null;
  /** Default 'off' (every editor publishes directly); the server reads FIBROGRAPH_REVIEW. */
  readonly reviewPolicy?: ReviewPolicy;
  readonly clientAddress?: string;
}

/** Builds the context for one request; create a new one per request (the loaders cache). */
export function createContext({
  store: liveStore,
  viewer = null,
  reading = null,
  reviewPolicy = 'off',
  clientAddress = 'unknown',
}: ContextOptions): FibroGraphContext {
  const store = reading?.store ?? liveStore;
  const known = new Map<string, GraphNode>();
  const nodes = new DataLoader<string, GraphNode | null>(async (ids) => {
    const found = new Map((await store.getNodes(ids)).map((node) => [node.id, node]));
    for (const node of found.values()) known.set(node.id, node);
    return ids.map((id) => found.get(id) ?? null);
  });
  return {
    store,
    liveStore,
    release: reading?.release ?? null,
    review: new ReviewService(liveStore),
    reviewPolicy,
    clientAddress,
    viewer,
    request: {},
    loaders: {
      nodes,
      known,
      clear: () => {
        nodes.clearAll();
        known.clear();
      },
    },
  };
}
