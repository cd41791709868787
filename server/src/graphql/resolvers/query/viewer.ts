/** Query.viewer: who the bearer token belongs to. */
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

/** Resolves Query.viewer; null for an anonymous request (a bad token never gets this far: 401). */
export const viewer: NonNullable<QueryResolvers['viewer']> = (_parent, _args, context) => context.viewer;
