/** Unit tests for the one mapping from FibroGraph errors to GraphQL error codes, and for masking. */
import { describe, expect, it } from 'vitest';
import {
  AlreadyExistsError,
  FibroGraphError,
  InUseError,
  NotFoundError,
  ValidationError,
  VersionConflictError,
} from '../../server/src/domain/errors.ts';
import { createFormatError, extensionsOf } from '../../server/src/graphql/errors.ts';

describe('extensionsOf', () => {
  it('maps every domain code once', () => {
    expect(extensionsOf(new ValidationError('evidence[0].level', 'bad'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'evidence[0].level',
    });
    expect(extensionsOf(new NotFoundError('node', 'symptom:x'))).toEqual({
      code: 'NOT_FOUND',
      id: 'symptom:x',
    });
    expect(extensionsOf(new VersionConflictError('symptom:x', 1, 3))).toEqual({
      code: 'CONFLICT',
      reason: 'VERSION_CONFLICT',
      id: 'symptom:x',
      expectedVersion: 1,
      currentVersion: 3,
    });
    expect(extensionsOf(new AlreadyExistsError('symptom:x'))).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_EXISTS',
    });
    expect(extensionsOf(new InUseError('symptom:x', 'in use'))).toMatchObject({
      code: 'CONFLICT',
      reason: 'IN_USE',
    });
    expect(extensionsOf(new FibroGraphError('STORE_UNAVAILABLE', 'down'))).toEqual({
      code: 'SERVICE_UNAVAILABLE',
    });
  });
});

describe('createFormatError', () => {
  const internal = {
    message: 'connect ECONNREFUSED 10.0.0.1:7687',
    path: ['node'],
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: connect', '    at secret.ts:1'] },
  };

  it('masks unexpected errors and drops stack traces by default', () => {
    expect(createFormatError()(internal, new Error('boom'))).toEqual({
      message: 'Internal server error',
      path: ['node'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('keeps the message and stack trace in development', () => {
    expect(createFormatError({ development: true })(internal, new Error('boom'))).toEqual(internal);
  });

  it('keeps errors that carry their own code', () => {
    const auth = { message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } };
    expect(createFormatError()(auth, new Error('x'))).toEqual(auth);
  });
});
