/** Field resolvers of ChangeConnection (a store history page as a connection) and Change. */
import { isRelation } from '../../../domain/relations.ts';
import type { FibroGraphContext } from '../../context.ts';
import type { ChangeConnectionResolvers, ChangeResolvers } from '../../generated/resolvers-types.ts';
import { claimReading } from '../../../domain/path-reading.ts';

/** ChangeConnection: each change's cursor is its sequence number, which the store pages by. */
export const ChangeConnection: ChangeConnectionResolvers = {
  edges: (page) => page.changes.map((change) => ({ cursor: String(change.seq), node: change })),
  nodes: (page) => [...page.changes],
  pageInfo: (page) => {
    const last = page.changes.at(-1);
    return { hasNextPage: page.nextCursor !== null, endCursor: last ? String(last.seq) : null };
  },
};

/** Change: what it touched in words, for a history a person can read. */
export const Change: ChangeResolvers = {
  targetLabel: async (change, _args, context) => {
    // The record as it was last: a delete's "before", anything else's "after".
    const record = asRecord(change.after) ?? asRecord(change.before);
    if (record === null) return change.targetId;
    const { relation, from, to, name, title } = record;
    if (
      change.targetType === 'claim' &&
      isRelation(relation) &&
      typeof from === 'string' &&
      typeof to === 'string'
    ) {
      const [fromName, toName] = await Promise.all([nameOf(context, from), nameOf(context, to)]);
      return claimReading(fromName, relation, toName);
    }
    if (typeof name === 'string' && name !== '') return name;
    if (typeof title === 'string' && title !== '') return title;
    return change.targetId;
  },
};

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A node's name, or its id when it is gone (a history outlives what it describes). */
async function nameOf(context: FibroGraphContext, id: string): Promise<string> {
  const node = await context.loaders.nodes.load(id);
  return node?.name ?? id;
}
