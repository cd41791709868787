/**
 * The one mapping from FibroGraph's typed errors to GraphQL errors with `extensions.code`, and the
 * server's `formatError`: no stack traces, and no internal messages, unless `development` is set.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { clipped, clippedMessage } from '../domain/clip-text.ts';
import {
  AlreadyExistsError,
  InUseError,
  NotFoundError,
  ValidationError,
  VersionConflictError,
  WrongStateError,
  isFibroGraphError,
  type FibroGraphError,
} from '../domain/errors.ts';

/** The `extensions.code` values this API uses on purpose. */
export type ApiErrorCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'SERVICE_UNAVAILABLE';

/** The extensions a domain error carries in a response. */
export function extensionsOf(error: FibroGraphError): Record<string, unknown> & { code: ApiErrorCode } {
  switch (error.code) {
    case 'BAD_INPUT':
      return { code: 'BAD_USER_INPUT', ...(error instanceof ValidationError ? { field: error.field } : {}) };
    case 'NOT_FOUND':
      return { code: 'NOT_FOUND', ...(error instanceof NotFoundError ? { id: error.id } : {}) };
    case 'VERSION_CONFLICT':
      return error instanceof VersionConflictError
        ? {
            code: 'CONFLICT',
            reason: 'VERSION_CONFLICT',
            id: error.id,
            expectedVersion: error.expectedVersion,
            currentVersion: error.currentVersion,
          }
        : { code: 'CONFLICT', reason: 'VERSION_CONFLICT' };
    case 'ALREADY_EXISTS':
      return {
        code: 'CONFLICT',
        reason: 'ALREADY_EXISTS',
        ...(error instanceof AlreadyExistsError ? { id: error.id } : {}),
      };
    case 'IN_USE':
      return { code: 'CONFLICT', reason: 'IN_USE', ...(error instanceof InUseError ? { id: error.id } : {}) };
    case 'NOT_ALLOWED':
      return { code: 'FORBIDDEN' };
    case 'WRONG_STATE':
      return {
        code: 'CONFLICT',
        reason: 'WRONG_STATE',
        ...(error instanceof WrongStateError ? { id: error.id, status: error.status } : {}),
      };
    case 'STORE_UNAVAILABLE':
      return { code: 'SERVICE_UNAVAILABLE' };
  }
}

/** A GraphQL error raised by this layer itself (auth, argument checks). */
export function apiError(code: ApiErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** Options for `formatError`. */
export interface FormatErrorOptions {
  /** Keep stack traces and the messages of unexpected errors (never in production). */
  readonly development?: boolean;
}

/**
 * Builds Apollo's `formatError`: domain errors get their code and fields, unexpected ones are masked,
 * and no message or extension echoes more than a clipped piece of what the client sent.
 */
export function createFormatError(options: FormatErrorOptions = {}) {
  const format = formatErrorFor(options);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError =>
    clipErrorInputs(format(formatted, error));
}

function clipErrorInputs(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions =
    formatted.extensions === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(formatted.extensions).map(([key, value]) => [
            key,
            typeof value === 'string' && key !== 'stacktrace' ? clipped(value) : value,
          ]),
        );
  return {
    ...formatted,
    message: clippedMessage(formatted.message),
    ...(extensions === undefined ? {} : { extensions }),
  };
}

function formatErrorFor({ development = false }: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const stack = development ? formatted.extensions?.['stacktrace'] : undefined;
    const keep = stack === undefined ? {} : { stacktrace: stack };
    if (isFibroGraphError(original)) {
      return { ...formatted, extensions: { ...extensionsOf(original), ...keep } };
    }
    // Errors with a code of their own (auth, bad variables, invalid queries) are meant for the client.
    // Checked by code, not by class: a test runner may load two copies of graphql.
    const code = formatted.extensions?.['code'];
    if (development || (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR')) return formatted;
    // Anything else is a bug or an outage: say so without leaking internals.
    return {
      message: 'Internal server error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
