/**
 * Loading referenced nodes for field resolvers: synchronously when the request has already seen the
 * node, else through the batching loader; a dangling reference fails loudly.
 */
import type { GraphNode, SourceNode } from '../domain/model.ts';
import { isSourceNode } from '../domain/model.ts';
import type { FibroGraphContext } from './context.ts';

/** Records nodes a resolver returns (a subgraph's, a path's) so references to them resolve at once. */
export function rememberNodes(context: FibroGraphContext, nodes: Iterable<GraphNode>): void {
  for (const node of nodes) context.loaders.known.set(node.id, node);
}

/** The node a claim, path or hit refers to; a missing one means the store broke its own invariant. */
export function loadNode(context: FibroGraphContext, id: string): GraphNode | Promise<GraphNode> {
  return context.loaders.known.get(id) ?? loadUnknownNode(context, id);
}

async function loadUnknownNode(context: FibroGraphContext, id: string): Promise<GraphNode> {
  const node = await context.loaders.nodes.load(id);
  if (node === null) throw new Error(`dangling reference to node "${id}"`);
  return node;
}

/** Several referenced nodes, in order, in one batch. */
export function loadNodes(context: FibroGraphContext, ids: readonly string[]): Promise<GraphNode[]> {
  return Promise.all(ids.map((id) => Promise.resolve(loadNode(context, id))));
}

/** The source an evidence item cites. */
export function loadSource(context: FibroGraphContext, id: string): SourceNode | Promise<SourceNode> {
  const node = loadNode(context, id);
  return node instanceof Promise ? node.then((loaded) => asSource(loaded, id)) : asSource(node, id);
}

function asSource(node: GraphNode, id: string): SourceNode {
  if (!isSourceNode(node)) throw new Error(`evidence cites "${id}", which is not a source`);
  return node;
}
