/** Query.history: the change log, newest first, one page at a time. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

/** Resolves Query.history; `after` is a previous page's `pageInfo.endCursor`. */
export const history: NonNullable<QueryResolvers['history']> = (
  _parent,
  { targetId, first, after },
  { store },
) =>
  store.history({
    ...(targetId == null ? {} : { targetId }),
    ...(first == null ? {} : { first }),
    ...(after == null ? {} : { after }),
  });
