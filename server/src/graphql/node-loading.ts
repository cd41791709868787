/** Loading referenced nodes through the per-request loader, failing loudly on a dangling reference. */
import type { GraphNode, SourceNode } from '../domain/model.ts';
import { isSourceNode } from '../domain/model.ts';
import type { FibroGraphContext } from './context.ts';

/** The node a claim, path or hit refers to; a missing one means the store broke its own invariant. */
export async function loadNode(context: FibroGraphContext, id: string): Promise<GraphNode> {
  const node = await context.loaders.nodes.load(id);
  if (node === null) throw new Error(`dangling reference to node "${id}"`);
  return node;
}

/** Several referenced nodes, in order, in one batch. */
export function loadNodes(context: FibroGraphContext, ids: readonly string[]): Promise<GraphNode[]> {
  return Promise.all(ids.map((id) => loadNode(context, id)));
}

/** The source an evidence item cites. */
export async function loadSource(context: FibroGraphContext, id: string): Promise<SourceNode> {
  const node = await loadNode(context, id);
  if (!isSourceNode(node)) throw new Error(`evidence cites "${id}", which is not a source`);
  return node;
}
