/** Query.theories: every theory. */
import type { ConceptNode, GraphNode } from '../../../domain/model.ts';
import type { GraphStore } from '../../../store/graph-store.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

/** Resolves Query.theories, by id. */
export const theories: NonNullable<QueryResolvers['theories']> = async (_parent, _args, { store }) =>
  (await listAll(store, 'theory')).filter((node): node is ConceptNode => node.kind === 'theory');

const PAGE = 1000;

/** Every node of one kind, by id, page by page. */
export async function listAll(store: GraphStore, kind: GraphNode['kind']): Promise<GraphNode[]> {
  const all: GraphNode[] = [];
  for (;;) {
    const after = all.at(-1)?.id;
    const page = await store.listNodes({ kinds: [kind], first: PAGE, ...(after ? { after } : {}) });
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}
