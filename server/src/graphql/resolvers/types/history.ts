/** Field resolvers of ChangeConnection: a store history page as a connection. */
import type { ChangeConnectionResolvers } from '../../generated/resolvers-types.ts';

/** ChangeConnection: each change's cursor is its sequence number, which the store pages by. */
export const ChangeConnection: ChangeConnectionResolvers = {
  edges: (page) => page.changes.map((change) => ({ cursor: String(change.seq), node: change })),
  nodes: (page) => [...page.changes],
  pageInfo: (page) => {
    const last = page.changes.at(-1);
    return { hasNextPage: page.nextCursor !== null, endCursor: last ? String(last.seq) : null };
  },
};
