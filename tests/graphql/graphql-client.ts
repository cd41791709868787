/** Runs GraphQL operations in-process against a store, as a given viewer (no HTTP). */
import type { GraphQLFormattedError } from 'graphql';
import {
  createContext,
  createGraphQLServer,
  type GraphQLServerOptions,
  type Viewer,
} from '../../server/src/graphql/index.ts';
import type { GraphStore } from '../../server/src/store/graph-store.ts';

/** A single GraphQL result with its data typed by the caller. */
export interface Result<T> {
  readonly data: T | null | undefined;
  readonly errors: readonly GraphQLFormattedError[] | undefined;
}

/** Viewers for tests. */
export const EDITOR: Viewer = { name: 'ed', role: 'editor' };
export const ADMIN: Viewer = { name: 'ada', role: 'admin' };
export const READER: Viewer = { name: 'rita', role: 'reader' };

/** An executor bound to one server and store. */
export interface GraphQLClient {
  run<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    viewer?: Viewer | null,
  ): Promise<Result<T>>;
}

/** Builds a client: one server, a fresh context per operation, as the HTTP layer will do. */
export function graphqlClient(store: GraphStore, options: GraphQLServerOptions = {}): GraphQLClient {
  const server = createGraphQLServer(options);
  const run = async (
    query: string,
    variables: Record<string, unknown> = {},
    viewer: Viewer | null = null,
  ): Promise<Result<unknown>> => {
    const response = await server.executeOperation(
      { query, variables },
      { contextValue: createContext({ store, viewer }) },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const { data, errors } = response.body.singleResult;
    return { data, errors };
  };
  // The caller names the shape of `data`; GraphQL itself checked it against the schema.
  return { run: run as GraphQLClient['run'] };
}

/** The `extensions.code` of the only error, or a failure naming what came back. */
export function onlyError<T>(
  result: Result<T>,
): GraphQLFormattedError & { extensions: Record<string, unknown> } {
  const [error, ...rest] = result.errors ?? [];
  if (error === undefined || rest.length > 0) {
    throw new Error(`expected exactly one error, got ${JSON.stringify(result.errors ?? result.data)}`);
  }
  return { ...error, extensions: error.extensions ?? {} };
}

/** The data of a result that must have no errors. */
export function dataOf<T>(result: Result<T>): T {
  if (result.errors !== undefined || result.data == null) {
    throw new Error(`expected data, got ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}
