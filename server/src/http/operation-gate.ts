/**
 * An Apollo plugin that checks each operation after it is parsed and validated and before it runs:
 * the operation limits, then for mutations who is asking (401/403) and their write rate (429).
 * Its errors carry an HTTP status, which Apollo applies to the response.
 */
import {
  HeaderMap,
  type ApolloServerPlugin,
  type GraphQLRequestContextDidResolveOperation,
} from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import type { FibroGraphContext } from '../graphql/index.ts';
import { roleAllows } from '../users/user-store.ts';
import { checkOperationLimits, type HttpLimits } from './limits.ts';
import { measureOperation, type OperationMeasure } from './operation-measure.ts';
import type { RateLimiter } from './rate-limiter.ts';

/** Options for `createOperationGate`. */
export interface OperationGateOptions {
  readonly limits: HttpLimits;
  /** Counts mutations per viewer. */
  readonly mutationRate: RateLimiter;
  /** Told the operation's name and type once it is known (for the request log). */
  readonly onOperation?: (context: FibroGraphContext, name: string | null) => void;
}

/** The plugin; add it to the server before it starts. */
export function createOperationGate(options: OperationGateOptions): ApolloServerPlugin<FibroGraphContext> {
  const listener = {
    didResolveOperation(request: GraphQLRequestContextDidResolveOperation<FibroGraphContext>): Promise<void> {
      options.onOperation?.(request.contextValue, request.operationName);
      const { operation } = request;
      // No operation (e.g. an unknown operationName): Apollo answers that itself.
      if (operation === undefined) return Promise.resolve();
      const measure = measureOperation(
        request.schema,
        request.document,
        operation,
        request.request.variables,
      );
      checkLimits(measure, options.limits);
      if (operation.operation === OperationTypeNode.MUTATION)
        checkWriter(request.contextValue, options.mutationRate);
      return Promise.resolve();
    },
  };
  return { requestDidStart: () => Promise.resolve(listener) };
}

function checkLimits(measure: OperationMeasure, limits: HttpLimits) {
  const violation = checkOperationLimits(measure, limits);
  if (violation === null) return;
  throw httpError(400, violation.message, {
    code: 'BAD_USER_INPUT',
    limit: violation.limit,
    max: violation.max,
    actual: violation.actual,
  });
}

function checkWriter({ viewer }: FibroGraphContext, mutationRate: RateLimiter) {
  if (viewer === null) throw httpError(401, 'Sign in to make changes', { code: 'UNAUTHENTICATED' });
  if (!roleAllows(viewer.role, 'editor')) {
    throw httpError(403, 'Only editors and admins can make changes', { code: 'FORBIDDEN' });
  }
  const decision = mutationRate.take(viewer.name);
  if (!decision.allowed) {
    const seconds = decision.retryAfterSeconds;
    throw httpError(
      429,
      `Too many changes: try again in ${seconds} s`,
      { code: 'RATE_LIMITED', retryAfterSeconds: seconds },
      [['retry-after', String(seconds)]],
    );
  }
}

function httpError(
  status: number,
  message: string,
  extensions: Record<string, unknown> & { code: string },
  headers: [string, string][] = [],
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { ...extensions, http: { status, headers: new HeaderMap(headers) } },
  });
}
