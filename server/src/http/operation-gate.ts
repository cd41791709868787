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
import { GraphQLError, Kind, OperationTypeNode, type OperationDefinitionNode } from 'graphql';
import { clipped } from '../domain/clip-text.ts';
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
  /** Counts reader reports per client address. */
  readonly reportRate: RateLimiter;
  /** Told the operation's name and type once it is known (for the request log). */
  readonly onOperation?: (context: FibroGraphContext, name: string | null) => void;
}

/** The plugin; add it to the server before it starts. */
export function createOperationGate(options: OperationGateOptions): ApolloServerPlugin<FibroGraphContext> {
  const listener = {
    async didResolveOperation(
      request: GraphQLRequestContextDidResolveOperation<FibroGraphContext>,
    ): Promise<void> {
      options.onOperation?.(request.contextValue, request.operationName);
      const { operation } = request;
      // Client mistakes that Apollo would otherwise answer as server errors (500, or 200 with
      // INTERNAL_SERVER_ERROR): no operation to run, or an operation type the schema does not have.
      if (operation === undefined) throw missingOperation(request);
      if (request.schema.getRootType(operation.operation) === undefined) {
        throw httpError(
          400,
          `This API has no ${operation.operation} operations; send a query or a mutation`,
          {
            code: 'BAD_REQUEST',
          },
        );
      }
      const measure = measureOperation(
        request.schema,
        request.document,
        operation,
        request.request.variables,
      );
      checkLimits(measure, options.limits);
      if (operation.operation !== OperationTypeNode.MUTATION) return;
      if (request.contextValue.release !== null) {
        throw httpError(400, 'A release is read-only: send changes to /graphql without `release`', {
          code: 'BAD_REQUEST',
        });
      }
      if (isReportOnly(operation)) await checkReporter(request.contextValue, options.reportRate);
      else await checkWriter(request.contextValue, options.mutationRate);
    },
  };
  return { requestDidStart: () => Promise.resolve(listener) };
}

function missingOperation(request: GraphQLRequestContextDidResolveOperation<FibroGraphContext>) {
  const asked = request.request.operationName;
  const operations = request.document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  ).length;
  // Validation has already refused a document with no operation (its fragments would be unused).
  const message =
    typeof asked === 'string' && asked !== ''
      ? `The document has no operation named "${clipped(asked)}"`
      : `The document has ${operations} operations: name the one to run in \`operationName\``;
  return httpError(400, message, { code: 'BAD_REQUEST' });
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

async function checkWriter({ viewer }: FibroGraphContext, mutationRate: RateLimiter): Promise<void> {
  if (viewer === null) throw httpError(401, 'Sign in to make changes', { code: 'UNAUTHENTICATED' });
  if (!roleAllows(viewer.role, 'editor')) {
    throw httpError(403, 'Only editors and admins can make changes', { code: 'FORBIDDEN' });
  }
  const decision = await mutationRate.take(viewer.name);
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

/**
 * Mutations anyone may send, signed in or not: a reader's report. An operation qualifies only when
 * every root field is one of these, written out (no fragments), so no edit can ride along.
 */
const PUBLIC_MUTATIONS = new Set(['reportProblem', '__typename']);

function isReportOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && PUBLIC_MUTATIONS.has(selection.name.value),
  );
}

async function checkReporter({ clientAddress }: FibroGraphContext, reportRate: RateLimiter): Promise<void> {
  const decision = await reportRate.take(clientAddress);
  if (!decision.allowed) {
    const seconds = decision.retryAfterSeconds;
    throw httpError(
      429,
      `Too many reports from your address: try again in ${Math.ceil(seconds / 60)} min`,
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
