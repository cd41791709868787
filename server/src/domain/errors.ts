/**
 * Typed errors with stable codes. Stores and the seed loader throw these; the API and CLI map each
 * code once. Tests assert the class or the code, never the message text. Ids in messages are clipped:
 * they may be whatever a client sent.
 */
import { clipped } from './clip-text.ts';

/** Every error FibroGraph raises on purpose carries one of these codes. */
export type ErrorCode =
  | 'BAD_INPUT'
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'ALREADY_EXISTS'
  | 'IN_USE'
  | 'NOT_ALLOWED'
  | 'WRONG_STATE'
  | 'STORE_UNAVAILABLE';

/** Base class: a FibroGraph error with a stable code. */
export class FibroGraphError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Input broke a rule of the domain model; `field` names the offending field (dotted path). */
export class ValidationError extends FibroGraphError {
  readonly field: string;
  constructor(field: string, message: string) {
    super('BAD_INPUT', `${field}: ${message}`);
    this.field = field;
  }
}

/** The id names no node, claim, source or evidence item. */
export class NotFoundError extends FibroGraphError {
  readonly id: string;
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} "${clipped(id)}" does not exist`);
    this.id = clipped(id);
  }
}

/** An optimistic-concurrency check failed: someone changed the record first. */
export class VersionConflictError extends FibroGraphError {
  readonly id: string;
  readonly expectedVersion: number;
  readonly currentVersion: number;
  constructor(id: string, expectedVersion: number, currentVersion: number) {
    super(
      'VERSION_CONFLICT',
      `"${clipped(id)}" is at version ${currentVersion}, not the expected version ${expectedVersion}; reload and retry`,
    );
    this.id = id;
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }
}

/** A create would duplicate an existing id or an existing claim between the same nodes. */
export class AlreadyExistsError extends FibroGraphError {
  readonly id: string;
  constructor(id: string, message?: string) {
    super('ALREADY_EXISTS', message ?? `"${clipped(id)}" already exists`);
    this.id = id;
  }
}

/** A delete would leave dangling references (claims on a node, evidence citing a source). */
export class InUseError extends FibroGraphError {
  readonly id: string;
  constructor(id: string, message: string) {
    super('IN_USE', message);
    this.id = id;
  }
}

/** The person may not do this (approve their own proposal, resolve a report as a reader, …). */
export class NotAllowedError extends FibroGraphError {
  constructor(message: string) {
    super('NOT_ALLOWED', message);
  }
}

/** The record is not in a state that allows this step (approving a withdrawn proposal, …). */
export class WrongStateError extends FibroGraphError {
  readonly id: string;
  readonly status: string;
  constructor(id: string, status: string, message: string) {
    super('WRONG_STATE', message);
    this.id = id;
    this.status = status;
  }
}

/** True for any error FibroGraph raised on purpose. */
export function isFibroGraphError(error: unknown): error is FibroGraphError {
  return error instanceof FibroGraphError;
}
