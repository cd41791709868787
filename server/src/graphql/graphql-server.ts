/** The one factory for FibroGraph's GraphQL server: schema from disk, resolvers, error mapping. */
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { compiledExecutionGateway } from './compiled-execution.ts';
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
  /**
   * How operations run: `compiled` (default) through graphql-jit, `interpreted` through graphql-js.
   * Both give the same answers; the contract tests run both.
   */
  readonly execution?: 'compiled' | 'interpreted';
  /**
   * Most lexical tokens a document may have (default MAX_DOCUMENT_TOKENS). graphql-js stops parsing
   * there, so an absurd document is refused before any tree is built or validated.
   */
  readonly maxTokens?: number;
}

/**
 * The default token limit. The explorer's largest operation (paths) is 142 tokens and the full standard
 * introspection query 183; validation work grows faster than the token count (overlapping-field
 * checks compare repeated fields pairwise), and at 1,000 tokens its worst case stays near 10 ms.
 */
export const MAX_DOCUMENT_TOKENS = 1000;

/**
 * An Apollo server, not started and with no HTTP: the HTTP layer mounts it, tests call
 * `executeOperation` with a context from `createContext`.
 */
export function createGraphQLServer(options: GraphQLServerOptions = {}): ApolloServer<FibroGraphContext> {
  const development = options.development ?? false;
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
  const runs =
    (options.execution ?? 'compiled') === 'compiled'
      ? { gateway: compiledExecutionGateway(schema) }
      : { schema };
  return new ApolloServer<FibroGraphContext>({
    ...runs,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: development,
    parseOptions: { maxTokens: options.maxTokens ?? MAX_DOCUMENT_TOKENS },
    // No "Did you mean …?" in production: suggestions hand out the schema even with introspection off.
    hideSchemaDetailsFromClientErrors: !development,
    formatError: createFormatError({ development }),
    // FibroGraph sends no cache hints and reports to no Apollo cloud; left on, these two plugins wrap
    // every field resolver, which was a third of a large neighbourhood's execution time.
    // Apollo's landing page loads its IDE from a CDN (blank offline); FibroGraph serves its own at
    // /graphiql, and a browser opening /graphql is sent there (http/create-app.ts).
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
}
