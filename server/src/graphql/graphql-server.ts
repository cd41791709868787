/** The one factory for FibroGraph's GraphQL server: schema from disk, resolvers, error mapping. */
import { ApolloServer } from '@apollo/server';
import type { FibroGraphContext } from './context.ts';
import { createFormatError } from './errors.ts';
import { resolvers } from './resolvers/index.ts';
import { loadTypeDefs } from './schema-files.ts';

/** Options for `createGraphQLServer`. */
export interface GraphQLServerOptions {
  /** Answer introspection queries (default true: the schema is public, like the data). */
  readonly introspection?: boolean;
  /** Include stack traces and internal error messages in responses (default false). */
  readonly development?: boolean;
}

/**
 * An Apollo server, not started and with no HTTP: the HTTP layer mounts it, tests call
 * `executeOperation` with a context from `createContext`.
 */
export function createGraphQLServer(options: GraphQLServerOptions = {}): ApolloServer<FibroGraphContext> {
  const development = options.development ?? false;
  return new ApolloServer<FibroGraphContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: development,
    formatError: createFormatError({ development }),
  });
}
