/**
 * The GraphQL layer's public names. The HTTP layer needs only these: build a server once, build a
 * context per request. Add exports here with intention.
 */
export { createGraphQLServer, MAX_DOCUMENT_TOKENS, type GraphQLServerOptions } from './graphql-server.ts';
export { createContext, type ContextOptions, type FibroGraphContext, type Viewer } from './context.ts';
export { createFormatError, type ApiErrorCode, type FormatErrorOptions } from './errors.ts';
